import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const srcMain = fileURLToPath(new URL('../../../src-main/', import.meta.url));

/**
 * Requiring 'electron' from plain Node runs electron's index.js, which starts a binary download when
 * none is installed. Modules with unit tests therefore take Electron objects as parameters; only the
 * wiring modules import electron at runtime.
 */
const ELECTRON_RUNTIME_IMPORTERS = ['main.ts', 'preload.ts', 'window.ts'];

describe('src-main runtime imports', () => {
  const files = readdirSync(srcMain).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s imports electron at runtime only if it is a wiring module', (file) => {
    const source = readFileSync(`${srcMain}${file}`, 'utf8');
    const runtimeImport = /^import\s+(?!type\b)[^;]*from\s+'electron'/m.test(source) || /require\(['"]electron['"]\)/.test(source);
    expect(runtimeImport).toBe(ELECTRON_RUNTIME_IMPORTERS.includes(file));
  });
});
