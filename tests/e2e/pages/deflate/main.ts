/**
 * A page for tests/e2e/deflate-worker.spec.ts: writes bundles with the real writer in Chromium, where
 * the content's tail goes to the deflate Web Worker, and opens them again. The Worker constructor is
 * wrapped only to count the workers started (each is the real one).
 */
import { fromUtf8, utf8 } from '../../../../shared/bundle/bytes';
import { bundleWriter, openBundle, type BundleEntryInput } from '../../../../shared/bundle/container';
import { detectSuite, randomBytes } from '../../../../shared/bundle/crypto';
import { DEFLATE_HEAD_BYTES } from '../../../../shared/bundle/container';

const started: string[] = [];
// `?broken`: every worker's script is missing, as where a worker cannot load.
const broken = location.search.includes('broken');
const RealWorker = window.Worker;
window.Worker = class extends RealWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(broken ? new URL('./missing-worker.js', location.href) : url, options);
    started.push(options?.name ?? '');
  }
};

function factsLike(n: number, seed: number): BundleEntryInput[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'fact',
    bytes: utf8(
      JSON.stringify({
        n: i + seed,
        recordKey: `record/p${i % 40}/2026/${i % 12}`,
        body: `{"workItems":[{"content":"${'完成了本月的执法检查工作'.repeat(1 + (i % 9))}","percent":${i % 100}}]}`,
      }),
    ),
  }));
}

async function writeAndOpen(entries: BundleEntryInput[], chunk: number) {
  const suite = await detectSuite();
  const signingKey = randomBytes(32);
  const encryptionKey = randomBytes(32);
  const writer = bundleWriter({ compressionLevel: 'platform' });
  for (let i = 0; i < entries.length; i += chunk) writer.add(entries.slice(i, i + chunk));
  const encryptionPub = await suite.x25519PublicKey(encryptionKey);
  const bytes = await writer.finish({
    suite,
    sender: { signingKey, signingPub: await suite.ed25519PublicKey(signingKey), name: '李四' },
    recipient: { encryptionPub, name: '张三' },
    acks: null,
    sequence: 1,
  });
  const opened = await openBundle(bytes, { suite, recipientEncryptionKey: encryptionKey, recipientEncryptionPub: encryptionPub });
  const same =
    opened.entries.length === entries.length &&
    opened.entries.every((e, i) => fromUtf8(e.bytes) === fromUtf8(entries[i]!.bytes));
  return { same, bundleBytes: bytes.length };
}

async function check() {
  const small = await writeAndOpen(factsLike(50, 0), 10);
  const workersAfterSmall = started.length;
  const big = factsLike(6000, 100);
  const contentBytes = big.reduce((n, e) => n + 4 + e.bytes.length, 0);
  const first = await writeAndOpen(big, 500);
  // Two bundles at once share the one worker, each its own stream.
  const [a, b] = await Promise.all([writeAndOpen(factsLike(4000, 7), 400), writeAndOpen(factsLike(4500, 9), 300)]);
  return {
    headBytes: DEFLATE_HEAD_BYTES,
    contentBytes,
    smallSame: small.same,
    workersAfterSmall,
    bigSame: first.same,
    bigCompressed: first.bundleBytes < contentBytes / 3,
    concurrentSame: a.same && b.same,
    workers: started,
  };
}

/** Where the worker cannot load: large bundles still written whole (deflated on the page), one attempt. */
async function checkBroken() {
  const a = await writeAndOpen(factsLike(6000, 1), 500);
  const b = await writeAndOpen(factsLike(5000, 2), 500);
  return { same: a.same && b.same, workers: started };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting Window needs an interface
  interface Window {
    deflateCheck: typeof check;
    deflateCheckBroken: typeof checkBroken;
  }
}
window.deflateCheck = check;
window.deflateCheckBroken = checkBroken;
document.getElementById('status')!.textContent = 'ready';
