// Component tests opt into happy-dom per file (`// @vitest-environment happy-dom`); matchers are shared.
import '@testing-library/jest-dom/vitest';

// findBy… / waitFor give up after 1 s by default; the component tests build real signed data on real
// (fake-)IndexedDB, and on a loaded 2-core CI machine a live query can take longer than that to land.
// Only where there is a DOM: the Node-only tests need not load React.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5_000 });
}
