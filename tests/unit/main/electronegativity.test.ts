/**
 * @doyensec/electronegativity — an independent static scanner for Electron misconfigurations — run over
 * the main process and the preload (src-main/). The gate: no finding of MEDIUM severity or above, at any
 * confidence, except the entries of ALLOWED below, each of which names one check in one file and is
 * re-verified here (an allowance whose reason stops being true, or that no longer matches anything,
 * fails the test). Findings of the checks in CHECKLIST block at any severity: the scanner rates some
 * of those flags LOW (experimentalFeatures) or INFORMATIONAL (nodeIntegration), but DutyBook's
 * checklist sets every one of them explicitly, so any finding about them is a regression.
 * Blind spot: with `sandbox` in the same literal the scanner reports nothing about nodeIntegration at
 * all; window.test.ts asserts the options the window is really created with.
 *
 * Why confidence does not lower the bar: the scanner's confidence is its estimate of how likely a
 * pattern match is a false positive, not of how bad the problem would be. Its "review this" checks
 * (openExternal, custom protocols, preload) are MEDIUM/TENTATIVE or FIRM; ignoring those would let
 * exactly the changes that need a human decision through unseen. A false positive is recorded in
 * ALLOWED with its reason instead.
 *
 * The scanner is used offline: it fetches translations (S3) and Electron's release list (GitHub) over
 * the network. Its HTTP client is replaced for this file by one that answers 404 without a request, so
 * the bundled English texts are used, and the release-list check (AvailableSecurityFixesGlobalCheck,
 * which rates the Electron *version*, not the code, and needs that list) is excluded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Module, { createRequire } from 'node:module';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveAppRequest } from '../../../src-main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SRC_MAIN = join(ROOT, 'src-main');

// ---------------------------------------------------------------------------------------------------
// The scanner's programmatic API (CommonJS, untyped): only the parts used here.

type Level = { value: number; name: string };
type RawIssue = {
  id: string;
  file: string;
  location: { line: number; column: number };
  sample?: string;
  description: string;
  severity: Level;
  confidence: Level;
  manualReview: boolean;
};
type RunResult = { globalChecks: number; atomicChecks: number; errors: { file: string; message: string; tolerable: boolean }[]; issues: RawIssue[] };
type RunOptions = { input: string; electronVersionOverride: string; excludeFromScan: string[] };
type Run = (options: RunOptions) => Promise<RunResult>;
type FinderClass = { prototype: { find: (file: string, ...rest: unknown[]) => Promise<unknown> } };
type CspGlobalCheck = new () => { perform: (issues: unknown[]) => Promise<RawIssue[]> };

const require = createRequire(import.meta.url);
const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity'));
const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version;
const { severity: SEVERITY } = scannerRequire('./finder') as { severity: Record<'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL', Level> };
const FAIL_AT = SEVERITY.MEDIUM.value;

/** The scanner's HTTP client, replaced: every call is recorded and answered 404 without a request. */
const gotPath = scannerRequire.resolve('got');
const networkCalls: string[] = [];
let previousGot: NodeJS.Module | undefined;
/** What the scanner's i18n (register: global) puts on the global object; removed again afterwards. */
const I18N_GLOBALS = ['__', '__n', '__l', '__h', '__mf', 'getLocale', 'setLocale', 'getCatalog', 'getLocales', 'addLocale', 'removeLocale', 'locale'];
let globalsBefore: Set<string>;
let run: Run;
let Finder: FinderClass;

beforeAll(() => {
  globalsBefore = new Set(Object.keys(globalThis));
  previousGot = require.cache[gotPath];
  const offline = new Module(gotPath);
  offline.filename = gotPath;
  offline.loaded = true;
  const answer = (url: unknown) => {
    networkCalls.push(String(url));
    return Promise.resolve({ statusCode: 404, body: '', headers: {} });
  };
  offline.exports = Object.assign(answer, { head: answer, get: answer });
  require.cache[gotPath] = offline;
  run = scannerRequire('./runner.js') as Run;
  ({ Finder } = scannerRequire('./finder') as { Finder: FinderClass });
});

afterAll(() => {
  if (previousGot) require.cache[gotPath] = previousGot;
  else delete require.cache[gotPath];
  for (const key of I18N_GLOBALS) if (!globalsBefore.has(key)) Reflect.deleteProperty(globalThis, key);
});

type Finding = {
  id: string;
  severity: string;
  severityValue: number;
  confidence: string;
  /** Relative to the scanned folder, '/'-separated; 'N/A' for app-wide (global) findings. */
  file: string;
  line: number;
  sample: string;
  description: string;
};

type Scan = { findings: Finding[]; checkedFiles: string[]; parseErrors: string[]; globalChecks: number; atomicChecks: number };

async function scan(dir: string): Promise<Scan> {
  // Record which files the atomic checks actually ran on (run() returns findings only).
  const checked: string[] = [];
  const find = Finder.prototype.find;
  Finder.prototype.find = function (this: unknown, file: string, ...rest: unknown[]) {
    checked.push(file);
    return find.call(this, file, ...rest);
  };
  let result: RunResult;
  try {
    result = await run({
      input: dir,
      // No package.json in src-main to read it from; the installed Electron is what the app is built with.
      electronVersionOverride: ELECTRON_VERSION,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
  } finally {
    Finder.prototype.find = find;
  }
  const rel = (file: string) => (file === 'N/A' ? file : relative(dir, file).split(sep).join('/'));
  return {
    findings: result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      severityValue: i.severity.value,
      confidence: i.confidence.name,
      file: rel(i.file),
      line: i.location.line,
      sample: i.sample ?? '',
      description: i.description,
    })),
    checkedFiles: checked.map(rel).sort(),
    parseErrors: result.errors.filter((e) => !e.tolerable).map((e) => `${rel(e.file)}: ${e.message}`),
    globalChecks: result.globalChecks,
    atomicChecks: result.atomicChecks,
  };
}

// ---------------------------------------------------------------------------------------------------
// The allow-list. Each entry: one check id in one file (plus the exact source line or message), and why.

type Allowance = { id: string; file: string; sample?: string; description?: string; reason: string };

const ALLOWED: readonly Allowance[] = [
  {
    // False positive. The scanner finds a CSP only in HTML <meta> tags or in literal
    // session.webRequest.onHeadersReceived({ responseHeaders: { 'Content-Security-Policy': ['…'] } }).
    // DutyBook sends it as a header on every app:// response (protocol.ts, built from
    // shared/security/csp.ts), which it cannot follow. Verified below: the header is sent, and the
    // scanner's own CSP check, given that policy, finds nothing definitely weak.
    id: 'CSP_GLOBAL_CHECK',
    file: 'N/A',
    description: 'No CSP has been detected in the target application',
    reason: 'CSP is sent as a response header by the app:// protocol handler, which the scanner cannot see',
  },
  {
    // Not a defect: a manual-review prompt raised for every window that has a preload. Reviewed: the
    // preload is sandboxed and context-isolated, exposes one frozen object of named functions, each
    // forwarding its single argument to one fixed channel, and never exposes ipcRenderer itself
    // (verified below); the main process checks sender and payload of every call (ipc.test.ts,
    // ipc-fuzz.test.ts).
    id: 'PRELOAD_JS_CHECK',
    file: 'window.ts',
    sample: 'preload: preloadPath,',
    reason: 'the one preload, reviewed: named functions over contextBridge, no raw ipcRenderer',
  },
];

const matches = (a: Allowance, f: Finding) =>
  a.id === f.id && a.file === f.file && (a.sample === undefined || a.sample === f.sample) && (a.description === undefined || a.description === f.description);

/** Checks of the window flags the security checklist sets explicitly (architecture.md): any finding blocks. */
const CHECKLIST = new Set([
  'CONTEXT_ISOLATION_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'EXPERIMENTAL_FEATURES_JS_CHECK',
  'BLINK_FEATURES_JS_CHECK',
]);

const isSerious = (f: Finding) => f.severityValue >= FAIL_AT || CHECKLIST.has(f.id);

function gate(findings: readonly Finding[]) {
  const serious = findings.filter(isSerious);
  return {
    blocking: serious.filter((f) => !ALLOWED.some((a) => matches(a, f))),
    unusedAllowances: ALLOWED.filter((a) => !serious.some((f) => matches(a, f))),
  };
}

const describeFinding = (f: Finding) =>
  `${f.id} ${f.severity}/${f.confidence} ${f.file}:${f.line}${f.sample ? ` "${f.sample}"` : ''} — ${f.description}`;

function print(title: string, findings: readonly Finding[]) {
  const lines = findings.map((f) => {
    const allowance = ALLOWED.find((a) => matches(a, f));
    const mark = !isSerious(f) ? 'below gate' : allowance ? `allowed: ${allowance.reason}` : 'BLOCKING';
    return `  ${describeFinding(f)}  [${mark}]`;
  });
  console.log([`${title}: ${findings.length} finding(s)`, ...lines].join('\n'));
}

// ---------------------------------------------------------------------------------------------------

describe('electronegativity over src-main (main process + preload)', () => {
  let result: Scan;
  let sources: string[];

  beforeAll(async () => {
    result = await scan(SRC_MAIN);
    sources = (await readdir(SRC_MAIN)).filter((f) => /\.(ts|tsx|js|cjs|mjs)$/.test(f)).sort();
    print('electronegativity src-main', result.findings);
  });

  it('loads its checks and runs them on every source file, preload included, without parse errors', () => {
    expect(result.atomicChecks).toBeGreaterThanOrEqual(30);
    expect(result.globalChecks).toBeGreaterThanOrEqual(5);
    expect(result.parseErrors).toEqual([]);
    expect(sources.length).toBeGreaterThan(0);
    expect(result.checkedFiles).toEqual(sources);
    expect(result.checkedFiles).toEqual(expect.arrayContaining(['preload.ts', 'main.ts', 'window.ts', 'security.ts']));
  });

  it('reports no finding of medium severity or above outside the allow-list', () => {
    const { blocking } = gate(result.findings);
    expect(blocking.map(describeFinding)).toEqual([]);
  });

  it('has no stale allow-list entries (each still matches a finding)', () => {
    expect(gate(result.findings).unusedAllowances.map((a) => `${a.id} ${a.file}`)).toEqual([]);
  });

  it('reached no network: the one fetch it attempts (translations) was answered locally', () => {
    expect(networkCalls.every((url) => url.startsWith('https://electronegativity-i18n.'))).toBe(true);
  });
});

describe('allow-list reasons still hold', () => {
  it('CSP_GLOBAL_CHECK: the app:// handler sends the CSP header, and the scanner rates that policy as not weak', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dutybook-en-csp-'));
    try {
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>x</title>');
      for (const url of ['app://dutybook/', 'app://dutybook/missing.js']) {
        const response = await serveAppRequest(dir, new Request(url));
        expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // The scanner's own second-pass CSP check, fed the policy as if it had found it in the code.
    const CSPGlobalCheck = scannerRequire('./finder/checks/GlobalChecks/CSPGlobalCheck.js') as CspGlobalCheck;
    const verdict = await new CSPGlobalCheck().perform([
      { file: 'protocol.ts', location: { line: 0, column: 0 }, id: 'CSP_JS_CHECK', properties: { CSPstring: CONTENT_SECURITY_POLICY }, visibility: { excludesGlobal: [] } },
    ]);
    console.log(`CSP as sent, rated by the scanner: ${verdict.map((v) => `${v.severity.name}/${v.confidence.name} ${v.description}`).join('; ') || 'nothing'}`);
    // 'One or more CSP directives detected are vulnerable' comes with CERTAIN; the FIRM "seems to be"
    // rating is csp-evaluator's generic note that script-src 'self' is risky where a site hosts JSONP
    // or user uploads — app:// serves only the app's own build.
    expect(verdict.filter((v) => v.confidence.name === 'CERTAIN' || v.severity.value >= FAIL_AT)).toEqual([]);
    // The check is not blind: a weak policy is rated as such.
    const weak = await new CSPGlobalCheck().perform([
      { file: 'x', location: { line: 0, column: 0 }, id: 'CSP_JS_CHECK', properties: { CSPstring: "script-src * 'unsafe-eval'" }, visibility: { excludesGlobal: [] } },
    ]);
    expect(weak.map((v) => v.confidence.name)).toEqual(['CERTAIN']);
  });

  it('PRELOAD_JS_CHECK: the preload exposes one frozen object of invoke-forwarders and never ipcRenderer itself', async () => {
    const source = await readFile(join(SRC_MAIN, 'preload.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['electron']);
    expect(source).not.toMatch(/\brequire\s*\(/);
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain('contextBridge.exposeInMainWorld(globalName, Object.freeze(api));');
    const body = source
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/^import[^;]*;$/gm, '');
    // Every use of ipcRenderer outside the import is a call of invoke; nothing hands the object out.
    expect(body.match(/\bipcRenderer\b(?!\.invoke\()/g)).toBeNull();
    expect(body.match(/\bipcRenderer\.invoke\(/g)).toHaveLength(1);
  });
});

/**
 * Positive controls: the same scan over a copy of src-main with one insecure change each must block.
 * This is what shows the gate above can fail (and that it reads window.ts, security.ts, main.ts and
 * preload.ts, not just that it ran).
 */
describe('the gate blocks insecure changes (scan of a mutated copy)', () => {
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'dutybook-en-mutants-'));
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  const mutants: { name: string; file: string; from: string; to: string; expectId: string; expectFile: string }[] = [
    { name: 'contextIsolation: false', file: 'window.ts', from: 'contextIsolation: true,', to: 'contextIsolation: false,', expectId: 'CONTEXT_ISOLATION_JS_CHECK', expectFile: 'window.ts' },
    // Not here: `nodeIntegration: true`. The scanner drops every nodeIntegration finding when the same
    // literal sets `sandbox` (NodeIntegrationJSCheck: "sandbox disables node integration"), so it is
    // silent about it in this window; window.test.ts checks the flags the window really gets instead.
    { name: 'sandbox: false', file: 'window.ts', from: 'sandbox: true,', to: 'sandbox: false,', expectId: 'SANDBOX_JS_CHECK', expectFile: 'window.ts' },
    { name: 'webSecurity: false', file: 'window.ts', from: 'webSecurity: true,', to: 'webSecurity: false,', expectId: 'WEB_SECURITY_JS_CHECK', expectFile: 'window.ts' },
    {
      name: 'allowRunningInsecureContent: true',
      file: 'window.ts',
      from: 'allowRunningInsecureContent: false,',
      to: 'allowRunningInsecureContent: true,',
      expectId: 'INSECURE_CONTENT_JS_CHECK',
      expectFile: 'window.ts',
    },
    // LOW for the scanner; blocks as a checklist flag.
    {
      name: 'experimentalFeatures: true',
      file: 'window.ts',
      from: 'experimentalFeatures: false,',
      to: 'experimentalFeatures: true,',
      expectId: 'EXPERIMENTAL_FEATURES_JS_CHECK',
      expectFile: 'window.ts',
    },
    {
      name: 'no window-open handler',
      file: 'security.ts',
      from: 'contents.setWindowOpenHandler(',
      to: 'void (',
      expectId: 'LIMIT_NAVIGATION_GLOBAL_CHECK',
      expectFile: 'N/A',
    },
    {
      name: 'no permission request handler',
      file: 'security.ts',
      from: 'session.setPermissionRequestHandler(',
      to: 'void (',
      expectId: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      expectFile: 'N/A',
    },
    {
      name: 'certificate errors accepted in main',
      file: 'main.ts',
      from: "app.on('window-all-closed',",
      to: "app.on('certificate-error', (event, _c, _u, _e, _cert, callback) => { event.preventDefault(); callback(true); });\n  app.on('window-all-closed',",
      expectId: 'CERTIFICATE_ERROR_EVENT_JS_CHECK',
      expectFile: 'main.ts',
    },
    {
      // MEDIUM with TENTATIVE confidence: blocks too.
      name: 'openExternal exposed by the preload',
      file: 'preload.ts',
      from: 'contextBridge.exposeInMainWorld(globalName, Object.freeze(api));',
      to: "contextBridge.exposeInMainWorld(globalName, Object.freeze(api));\ncontextBridge.exposeInMainWorld('open', (url: string) => shell.openExternal(url));",
      expectId: 'OPEN_EXTERNAL_JS_CHECK',
      expectFile: 'preload.ts',
    },
  ];

  it.each(mutants)('$name → $expectId', async ({ name, file, from, to, expectId, expectFile }) => {
    const dir = join(workDir, name.replace(/\W+/g, '-'));
    await mkdir(dir);
    await cp(SRC_MAIN, dir, { recursive: true });
    const source = await readFile(join(dir, file), 'utf8');
    expect(source.split(from), `"${from}" must occur exactly once in ${file}`).toHaveLength(2);
    await writeFile(join(dir, file), source.replace(from, to));

    const mutated = await scan(dir);
    expect(mutated.parseErrors).toEqual([]);
    const { blocking } = gate(mutated.findings);
    console.log(`mutant "${name}": ${blocking.map(describeFinding).join('; ')}`);
    expect(blocking.some((f) => f.id === expectId && f.file === expectFile), blocking.map(describeFinding).join('\n')).toBe(true);
  });
});
