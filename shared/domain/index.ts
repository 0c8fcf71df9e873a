/** The domain of 公务员平时考核: vocabulary, schemas, calendar, configuration and scoring. */
export * from './vocabulary';
export * from './ids';
export * from './dates';
export * from './validation';
export * from './org';
export * from './holidays';
export * from './calendar';
export * from './indicators';
export * from './indicator-templates';
export * from './config';
export * from './presets';
export * from './scoring';
