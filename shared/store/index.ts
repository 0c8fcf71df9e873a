/** The local database and its repositories. */
export * from './db';
export * from './storage-errors';
export * from './profile-repo';
export * from './settings-repo';
export * from './org-repo';
export * from './plan-repo';
export * from './record-repo';
export * from './journal-repo';
export * from './summary-repo';
export * from './search-repo';
export * from './fact-repo';
export * from './sync-repo';
export * from './supervision-repo';
export * from './hr-reports-repo';
export * from './filing-repo';
export * from './status';
export * from './tracking-repo';
