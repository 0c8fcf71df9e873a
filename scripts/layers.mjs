#!/usr/bin/env node
/**
 * The import-direction check (`npm test` runs it through tests/unit/lint/layers.test.ts; run it alone with
 * `node scripts/layers.mjs`). docs/architecture.md explains the layers; this file is their one definition.
 *
 * Rules, each over the project's own relative imports (static, `export … from`, dynamic `import()`, type-only
 * ones included — a type import is still a dependency a reader has to follow):
 *   1. shared/ is layered: a folder may import only from itself and from the folders before it in SHARED_LAYERS.
 *   2. No import circles among the files of shared/ or of src-renderer/.
 *   3. In src-renderer/, a workspace folder under features/ never imports another one; what two of them share
 *      lives below them (every folder of src-renderer/ but app/ and features/), and never imports a feature.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** shared/'s folders from the bottom up: each may import only from those before it (and from itself). */
export const SHARED_LAYERS = [
  'errors', // every error class and the words a clerk reads for it
  'host', // the contract between the window and the desktop shell (channels, payload schemas)
  'domain', // the policy's rules: schemas, calendar, scoring, workflow — pure functions
  'bundle', // the bundle file format: bytes, canonical JSON, crypto suites, compression, container
  'ledger', // signed facts, the roster, identities, who may write and read what — pure, no database
  'store', // the Dexie database, its repositories, facts materialised into readable tables
  'sync', // moving facts between devices: export, import, intake, HR key trust, roster issue
  'documents', // Word and Excel builders over domain data
  'security', // the local password lock
  'backup', // database backups and restore
  'seed', // example organisation and history, for the preview, tests and benchmarks
];

/** Folders of src-renderer/features that are workspaces or page groups: none may import another. */
const FEATURES = /^src-renderer\/features\/([^/]+)\//;
/** Every folder of the window but app/ (which routes to the workspaces) and features/ lies below the features; the entry (main.tsx) stands above all. */
const BELOW_FEATURES = /^src-renderer\/(?!app\/|features\/)[^/]+\//;

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** Relative specifiers a file imports, resolved against the set of known files. */
export function importsOf(path, source, known) {
  const info = ts.preProcessFile(source, true, true);
  const out = [];
  for (const ref of info.importedFiles) {
    const spec = ref.fileName;
    if (!spec.startsWith('.')) continue;
    const base = normalize(join(dirname(path), spec)).replace(/\.js$/, '');
    const hit = EXTENSIONS.map((e) => base + e).find((c) => known.has(c));
    if (hit) out.push(hit);
  }
  return out;
}

function folderOf(path) {
  const m = /^shared\/([^/]+)\//.exec(path);
  return m ? m[1] : null;
}

/** Strongly connected components of more than one file (or a file importing itself): Tarjan's algorithm. */
function circles(graph) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const found = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return found;
}

/**
 * Checks a tree given as Map<path, source> (paths relative to the repository, forward slashes).
 * Returns one sentence per violation; an empty list means the arrows all point one way.
 */
export function checkLayers(files) {
  const known = new Set(files.keys());
  const graph = new Map();
  const problems = [];
  for (const [path, source] of files) {
    const targets = importsOf(path, source, known);
    graph.set(path, targets);
    for (const target of targets) {
      const from = folderOf(path);
      const to = folderOf(target);
      if (from && to && from !== to) {
        const a = SHARED_LAYERS.indexOf(from);
        const b = SHARED_LAYERS.indexOf(to);
        if (a < 0)
          problems.push(
            `${path}: shared/${from} is not in SHARED_LAYERS (scripts/layers.mjs); add it where it belongs`,
          );
        else if (b < 0)
          problems.push(
            `${path} imports ${target}: shared/${to} is not in SHARED_LAYERS (scripts/layers.mjs)`,
          );
        else if (b > a)
          problems.push(
            `${path} imports ${target}: shared/${from} lies below shared/${to}, so the arrow points back up`,
          );
      }
      const fa = FEATURES.exec(path)?.[1];
      const fb = FEATURES.exec(target)?.[1];
      if (fa && fb && fa !== fb)
        problems.push(
          `${path} imports ${target}: one workspace (features/${fa}) reaches into another (features/${fb})`,
        );
      if (BELOW_FEATURES.test(path) && fb)
        problems.push(`${path} imports ${target}: shared renderer code reaches up into features/${fb}`);
    }
  }
  for (const scope of ['shared/', 'src-renderer/']) {
    const sub = new Map(
      [...graph]
        .filter(([p]) => p.startsWith(scope))
        .map(([p, t]) => [p, t.filter((x) => x.startsWith(scope))]),
    );
    for (const scc of circles(sub)) problems.push(`import circle: ${scc.join(' → ')}`);
  }
  return problems;
}

/** The repository's tracked TypeScript files of shared/ and src-renderer/. */
export function readTree(root) {
  const list = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'shared', 'src-renderer'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((p) => /\.tsx?$/.test(p));
  const files = new Map();
  for (const p of list) {
    try {
      files.set(p, readFileSync(join(root, p), 'utf8'));
    } catch {
      // deleted in the working tree but not yet in the index
    }
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkLayers(readTree(root));
  for (const p of problems) console.log(p);
  console.log(
    problems.length === 0 ? 'layers: every import points one way' : `layers: ${problems.length} problem(s)`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
