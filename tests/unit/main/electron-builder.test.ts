import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(`${root}package.json`);
// js-yaml comes with electron-builder (which parses this very file with it).
const yaml = require('js-yaml') as { load: (text: string) => unknown };

type Target = { target: string; arch: string[] };
type BuilderConfig = {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
  win: { icon: string; target: Target[] };
  nsis: Record<string, unknown>;
  linux: { icon: string; category: string; maintainer: string; target: Target[] };
};

const config = yaml.load(readFileSync(`${root}electron-builder.yml`, 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration validation (its JSON schema)', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (c: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('names the app and packs only the build output and package.json into an asar', () => {
    expect(config.appId).toBe('cn.dutybook.app');
    expect(config.productName).toBe('DutyBook');
    expect(config.directories.output).toBe('release');
    expect(config.asar).toBe(true);
    const includes = config.files.filter((f) => !f.startsWith('!'));
    expect(includes.sort()).toEqual(['out/**', 'package.json']);
    expect(config.files).toContain('!out/web/**');
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a Chinese NSIS installer for Windows x64 and ia32 that lets the user choose the folder', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'ia32'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds deb and AppImage for Linux x64 and arm64 in the Office category', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('points every platform at a 512×512 PNG icon that exists', () => {
    for (const icon of [config.win.icon, config.linux.icon]) {
      expect(icon).toBe('assets/icon.png');
      const png = readFileSync(`${root}${icon}`);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
      expect(png[25]).toBe(6); // RGBA: transparent corners
      // The image data decodes to exactly 512 rows of 512 RGBA pixels plus a filter byte each.
      const idat = png.indexOf('IDAT');
      const length = png.readUInt32BE(idat - 4);
      expect(inflateSync(png.subarray(idat + 4, idat + 4 + length)).length).toBe(512 * (512 * 4 + 1));
    }
  });
});
