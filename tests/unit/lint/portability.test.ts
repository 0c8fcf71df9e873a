import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// The lint rule is what keeps shared/ runnable in main, renderer, workers and Node alike; prove it fires.
// The probe files exist only in memory, so the type-aware rules (which need them on disk) are switched off.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the portability rule for shared/', () => {
  it.each([
    ["import { app } from 'electron';", 'no electron'],
    ["import { useState } from 'react';", 'no react'],
    ["import { readFileSync } from 'node:fs';", 'no node:'],
    ["import { join } from 'path';", 'Node built-ins'],
    ["import { x } from '../../src-main/ipc';", 'src-main'],
    ["import { y } from '../../src-renderer/app/App';", 'src-renderer'],
  ])('rejects %s in shared/', async (code, why) => {
    const messages = await restrictedImports('shared/domain/probe.ts', `${code}\nexport const z = 1;\n`);
    expect(messages.join(' ')).toContain(why);
  }, 60_000);

  it('allows portable libraries in shared/', async () => {
    expect(await restrictedImports('shared/domain/probe.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  }, 60_000);

  it('keeps Node out of the renderer as well', async () => {
    const messages = await restrictedImports('src-renderer/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n");
    expect(messages.join(' ')).toContain('sandbox');
  }, 60_000);
});
