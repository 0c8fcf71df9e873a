/** The official's Word forms (see docs: shared/design/documents.md). */
export type * from './models';
export { buildAnnualPlan } from './annual-plan';
export { buildRecordBook } from './record-book';
export { buildQuarterSummary } from './quarter-summary';
export { buildDocument, buildYearArchive, fileNameFor } from './archive';
export type { ArchiveOptions } from './archive';
export { formatDate, toBytes } from './blocks';
