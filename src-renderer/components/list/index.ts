/** The list kit: one way for every list page to be filtered, sorted, counted and exported. */
export { type ListQuery, EMPTY_QUERY, useListQuery, readListQuery, writeListQuery, periodWords } from './list-query';
export { QueryBar, matchesText, type QueryField, type QueryOption } from './QueryBar';
export { DataList, type DataListProps } from './DataList';
export { unitFilter, unitOrder, unitDepths } from './unit-tree';
export { describeQuery } from './describe-query';
export { listText } from './list-strings';
