import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HOST_GLOBAL, hostContract, hostMethods } from './shared/host/contract';
import { META_CONTENT_SECURITY_POLICY } from './shared/security/csp';

const rootDir = fileURLToPath(new URL('.', import.meta.url));
const at = (path: string): string => `${rootDir}${path}`;
const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8')) as { version: string };

/**
 * The preload needs only the contract's method → channel names. They are read from the contract here,
 * at build time, and inlined, so the sandboxed preload stays a few hundred bytes instead of carrying
 * zod (≈860 kB) into every page load.
 */
const hostBridge = {
  global: HOST_GLOBAL,
  channels: Object.fromEntries(hostMethods.map((method) => [method, hostContract[method].channel])),
};

/**
 * The app:// protocol handler sends the CSP as a header; the page carries it as a meta tag as well, so
 * the policy holds even if the page were ever loaded another way, and scanners that read HTML see it.
 */
function cspMeta(): Plugin {
  return {
    name: 'dutybook-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * Three builds: main (ESM, Node target), preload (CommonJS), renderer (the same React app the web
 * preview serves). package.json "dependencies" is empty on purpose and `externalizeDeps` is off, so
 * main and preload bundle everything they use and the asar holds only out/** — no node_modules.
 */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      outDir: at('out/main'),
      sourcemap: true,
      rolldownOptions: {
        input: { index: at('src-main/main.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    define: { __DUTYBOOK_HOST_BRIDGE__: JSON.stringify(hostBridge) },
    build: {
      externalizeDeps: false,
      outDir: at('out/preload'),
      // A sandboxed preload runs in a CommonJS-like wrapper whose require() knows only 'electron' (and a
      // few polyfills): no ESM, no chunks, so one self-contained .cjs file.
      rolldownOptions: {
        input: { index: at('src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: at('src-renderer'),
    publicDir: false,
    plugins: [react(), cspMeta()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: at('out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified by default; minified, the asar is smaller and
      // the first parse is faster. Source maps stay in out/ and are kept out of the installer.
      minify: true,
      sourcemap: true,
      // Split by workspace, as the web build (see vite.web.config.ts): warn when a chunk passes 600 kB.
      chunkSizeWarningLimit: 600,
      rolldownOptions: { input: at('src-renderer/index.html') },
    },
    server: { host: '127.0.0.1', port: 5174, strictPort: true },
  },
});
