import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { META_CONTENT_SECURITY_POLICY } from './shared/security/csp.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The built preview carries the same CSP as the Electron shell, as a meta tag (a static server sends no
 * headers of ours). The dev server goes without it: Vite's HMR client needs inline scripts and a socket.
 * The meta variant leaves out `frame-ancestors`, which browsers ignore in a meta tag.
 */
function cspMeta(): Plugin {
  const policy = META_CONTENT_SECURITY_POLICY;
  return {
    name: 'dutybook-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root: 'src-renderer',
  base: './',
  publicDir: false,
  plugins: [react(), cspMeta()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // The renderer is split by workspace (React.lazy in src-renderer/app): the largest chunk, the code
  // every start needs, is about 560 kB; a warning above 600 kB says the split is leaking.
  build: { outDir: '../out/web', emptyOutDir: true, chunkSizeWarningLimit: 600, sourcemap: true },
  preview: { port: 4317, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
});
