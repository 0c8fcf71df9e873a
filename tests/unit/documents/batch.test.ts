import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BatchFormError, buildBatchZip, uniqueFileNames } from '../../../shared/documents/batch';
import type { AnyFormData, EvaluationForm } from '../../../shared/documents';
import { exampleEvaluation, exampleFilingRegister } from '../../../shared/documents/examples-supervisor';
import { handleBatchRequest, type BatchResponse } from '../../../src-renderer/workers/protocol';
import {
  BatchDocumentsError,
  batchDocuments,
  type WorkerLike,
} from '../../../src-renderer/workers/batchDocuments';

const named = (name: string, extra: Partial<EvaluationForm> = {}): EvaluationForm => ({
  ...exampleEvaluation,
  person: { ...exampleEvaluation.person, name },
  ...extra,
});

/** A form the builder cannot lay out (no indicator list). */
const broken = { ...named('坏表'), indicators: undefined } as unknown as AnyFormData;

const docText = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/document.xml']!);

describe('buildBatchZip', () => {
  it('zips three forms under their Chinese file names, each a Word file of that person', async () => {
    const forms = [named('张三'), named('李四'), exampleFilingRegister];
    const zip = await buildBatchZip(forms);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual([
      '2026年第1季度平时考核领导评鉴表-张三.docx',
      '2026年第1季度平时考核领导评鉴表-李四.docx',
      '2026年第1季度平时考核备案登记表-荆楚市财政局预算科.docx',
    ]);
    expect(docText(files['2026年第1季度平时考核领导评鉴表-李四.docx']!)).toContain('李四');
    expect(docText(files['2026年第1季度平时考核领导评鉴表-张三.docx']!)).not.toContain('李四');
  });

  it('makes repeated names unique', async () => {
    const forms = [
      named('张三'),
      named('张三'),
      named('张三', { revision: { version: 2, reason: '更正' } }),
      named('张三'),
    ];
    expect(uniqueFileNames(forms)).toEqual([
      '2026年第1季度平时考核领导评鉴表-张三.docx',
      '2026年第1季度平时考核领导评鉴表-张三（2）.docx',
      '2026年第1季度平时考核领导评鉴表-张三（第2版）.docx',
      '2026年第1季度平时考核领导评鉴表-张三（3）.docx',
    ]);
    expect(Object.keys(unzipSync(await buildBatchZip(forms)))).toHaveLength(4);
  });

  it('reports progress after every document', async () => {
    const seen: string[] = [];
    await buildBatchZip([named('甲'), named('乙'), named('丙')], {
      onProgress: (p) => seen.push(`${p.done}/${p.total}`),
    });
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
  });

  it('says which form failed', async () => {
    const seen: number[] = [];
    const err = await buildBatchZip([named('甲'), broken, named('丙')], {
      onProgress: (p) => seen.push(p.done),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BatchFormError);
    expect((err as BatchFormError).index).toBe(1);
    expect((err as BatchFormError).fileName).toBe('2026年第1季度平时考核领导评鉴表-坏表.docx');
    expect((err as Error).message).toContain('第 2 份');
    expect(seen).toEqual([1]);
  });

  it('stops when aborted', async () => {
    const abort = new AbortController();
    const p = buildBatchZip([named('甲'), named('乙')], {
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(p).rejects.toThrow();
  });
});

describe('the worker protocol (handleBatchRequest)', () => {
  it('posts progress per document, then done with the zip buffer transferred', async () => {
    const posted: { m: BatchResponse; transfer?: Transferable[] }[] = [];
    await handleBatchRequest({ type: 'start', forms: [named('甲'), named('乙')] }, (m, transfer) =>
      posted.push({ m, ...(transfer ? { transfer } : {}) }),
    );
    expect(posted.map((p) => p.m.type)).toEqual(['progress', 'progress', 'done']);
    expect(posted[1]!.m).toEqual({ type: 'progress', done: 2, total: 2 });
    const done = posted[2]!;
    if (done.m.type !== 'done') throw new Error('no done');
    expect(done.transfer).toEqual([done.m.zip.buffer]);
    expect(Object.keys(unzipSync(done.m.zip))).toHaveLength(2);
  });

  it('posts one error naming the failed form', async () => {
    const posted: BatchResponse[] = [];
    await handleBatchRequest({ type: 'start', forms: [named('甲'), broken] }, (m) => posted.push(m));
    expect(posted.map((m) => m.type)).toEqual(['progress', 'error']);
    expect(posted[1]).toMatchObject({
      type: 'error',
      index: 1,
      fileName: '2026年第1季度平时考核领导评鉴表-坏表.docx',
    });
  });

  it('refuses a malformed request', async () => {
    const posted: BatchResponse[] = [];
    await handleBatchRequest({ type: 'nope' } as never, (m) => posted.push(m));
    expect(posted).toEqual([{ type: 'error', message: '无法识别的批量生成请求' }]);
  });
});

/** A Worker that runs the protocol in this thread, as the real worker would, with its messages async. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<BatchResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(message: Parameters<WorkerLike['postMessage']>[0]) {
    void handleBatchRequest(structuredClone(message), (m) => {
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<BatchResponse>);
      }, 0);
    });
  }
  terminate() {
    this.terminated = true;
  }
}

describe('batchDocuments (with a fake Worker)', () => {
  it('resolves with the zip, reports first and last progress, and terminates the worker', async () => {
    const workers: FakeWorker[] = [];
    const seen: string[] = [];
    const job = batchDocuments([named('甲'), named('乙'), named('丙')], {
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      onProgress: (p) => seen.push(`${p.done}/${p.total}`),
      progressIntervalMs: 0,
    });
    const zip = await job.result;
    expect(Object.keys(unzipSync(zip))).toHaveLength(3);
    expect(seen).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('throttles progress but always reports the last document', async () => {
    const seen: number[] = [];
    await batchDocuments([named('甲'), named('乙'), named('丙')], {
      createWorker: () => new FakeWorker(),
      onProgress: (p) => seen.push(p.done),
      progressIntervalMs: 60_000,
    }).result;
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(3);
    expect(seen.length).toBeLessThanOrEqual(3);
  });

  it('rejects with the failed form', async () => {
    const err = await batchDocuments([broken], { createWorker: () => new FakeWorker() }).result.catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BatchDocumentsError);
    expect((err as BatchDocumentsError).index).toBe(0);
  });

  it('cancels: rejects with AbortError and terminates the worker', async () => {
    const w = new FakeWorker();
    const abort = new AbortController();
    const job = batchDocuments([named('甲'), named('乙')], { createWorker: () => w, signal: abort.signal });
    abort.abort();
    await expect(job.result).rejects.toMatchObject({ name: 'AbortError' });
    expect(w.terminated).toBe(true);
  });

  it('rejects when the worker itself fails', async () => {
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => w.onerror?.({ message: 'boom' } as ErrorEvent), 0);
      },
      terminate() {},
    };
    await expect(batchDocuments([named('甲')], { createWorker: () => w }).result).rejects.toThrow('boom');
  });
});

describe('readQuarterEvaluationForms (HR batch export)', () => {
  it('maps each person’s latest signed evaluation of the quarter, once per person', async () => {
    const { seedDatabase } = await import('../../../shared/seed');
    const { openTestDb } = await import('../store/helpers');
    const { readQuarterEvaluationForms } =
      await import('../../../src-renderer/features/hr/filing/batchExport');
    const db = await openTestDb();
    await seedDatabase(db, {
      seed: 'batch-export',
      units: 2,
      people: 12,
      years: 1,
      today: new Date('2026-11-20T04:00:00Z'),
    });
    const all = await db.evaluations.toArray();
    const q = all.find((e) => e.year === 2026)?.quarter ?? 1;
    const ofQuarter = all.filter((e) => e.year === 2026 && e.quarter === q);
    expect(ofQuarter.length).toBeGreaterThan(0);
    const latest = new Map<string, number>();
    for (const e of ofQuarter) latest.set(e.subject, Math.max(latest.get(e.subject) ?? 0, e.version));

    const forms = await readQuarterEvaluationForms(db, 2026, q);
    expect(forms).toHaveLength(latest.size);
    for (const f of forms) {
      expect(f.kind).toBe('evaluation');
      expect(f.year).toBe(2026);
      expect(f.quarter).toBe(q);
      expect(f.person.name).not.toBe('');
      expect(f.person.unit).not.toBe('');
    }
    const roster = (await db.rosters.orderBy('version').last())!.signed.roster;
    const names = [...latest.keys()].map((id) => roster.people.find((p) => p.id === id)!.name);
    expect(forms.map((f) => f.person.name).sort()).toEqual(names.sort());
    expect(await readQuarterEvaluationForms(db, 2025, 1)).toEqual([]);
    db.close();
  }, 60_000);
});
