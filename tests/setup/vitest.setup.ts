// Component tests opt into happy-dom per file (`// @vitest-environment happy-dom`); matchers are shared.
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// findBy… / waitFor give up after 1 s by default; the component tests build real signed data on real
// (fake-)IndexedDB, and on a loaded 2-core CI machine a live query can take longer than that to land.
configure({ asyncUtilTimeout: 5_000 });
