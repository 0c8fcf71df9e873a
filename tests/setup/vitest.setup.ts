// Component tests opt into happy-dom per file (`// @vitest-environment happy-dom`); matchers are shared.
import '@testing-library/jest-dom/vitest';
