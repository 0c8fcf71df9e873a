import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('scripts/dist.mjs when Electron cannot be downloaded', () => {
  it('exits 3 with a Chinese and English explanation', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'dutybook-dist-'));
    // Empty caches and a mirror on a closed local port: electron-builder must try to download Electron
    // and fails at once, on any machine, without touching the network or a real cache.
    const closed = 'http://127.0.0.1:9/';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      electron_config_cache: join(scratch, 'electron-cache'),
      ELECTRON_BUILDER_CACHE: join(scratch, 'builder-cache'),
      ELECTRON_MIRROR: closed,
      ELECTRON_BUILDER_BINARIES_MIRROR: closed,
    };
    try {
      const result = spawnSync(
        process.execPath,
        [
          join(root, 'scripts', 'dist.mjs'),
          '--skip-build',
          '--linux',
          'deb',
          '--x64',
          `-c.electronDownload.mirror=${closed}`,
          `-c.directories.output=${join(scratch, 'release')}`,
        ],
        { cwd: root, env, encoding: 'utf8', timeout: 120_000 },
      );
      expect(result.status, result.stderr).toBe(3);
      expect(result.stderr).toContain('无法生成安装包');
      expect(result.stderr).toContain('Cannot build installers');
      expect(result.stderr).toContain('npm run web');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 150_000);
});
