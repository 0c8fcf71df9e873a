// Issue 20, finding 7: control characters in a work item travelled official → supervisor → HR and
// made every Word form of the record unopenable; 100,010 characters went through end to end. Here
// the real path: the official's form (schema) → signed fact → bundle → the supervisor's and HR's
// imports → the Word form built from what their screens show, read back by a strict XML parser and
// opened once by LibreOffice. Also a record from a device that never cleaned its text (crafted with
// the official's real keys), which the receivers must clean or refuse.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, type MonthlyRecord, type MonthlyRecordVersion } from '../../../../shared/domain';
import { buildDocument, toBytes } from '../../../../shared/documents';
import { ValidationError } from '../../../../shared/errors/errors';
import { newMonthlyRecord, saveRecordDraft } from '../../../../shared/store';
import { factOf, factOfRow, storedFact, type Fact } from '../../../../shared/sync';
import { personHeader, recordForm } from '../../../../src-renderer/features/official/documents';
import {
  attest,
  craft,
  distributeRoster,
  dump,
  factEntry,
  makeOrg,
  preview,
  receive,
  send,
  writeRecord,
  type Device,
} from './harness';

const VT = '\u000B';
const CONTROL = '\u0001';
const NONCHAR = '\uFFFF';
const DIRTY = `预算执行分析${VT}第二段${CONTROL}完成${NONCHAR}`;
const CLEAN = '预算执行分析\n第二段完成';

/** The record book of O1's March as a device shows it. */
async function march(d: Device): Promise<MonthlyRecord> {
  const row = await d.db.monthlyRecords.where('[personId+year+month]').equals(['O1', 2026, 3]).first();
  if (!row) throw new Error(`${d.label} has no record book for O1, 2026-03`);
  return row;
}

/** The Word form a device builds of what it shows, with its document.xml. */
async function wordOf(d: Device): Promise<{ bytes: Uint8Array; xml: string }> {
  const header = personHeader({ name: '张三', unitName: '办公室', rankLevel: 'staff1' });
  const bytes = await toBytes(buildDocument(recordForm(await march(d), header)));
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return { bytes, xml };
}

/** Parses XML as XML 1.0 says (saxes refuses every character outside its Char production); null when well-formed. */
function xmlProblem(xml: string): string | null {
  const parser = new SaxesParser();
  let problem: string | null = null;
  parser.on('error', (e) => {
    problem ??= e.message;
  });
  parser.write(xml).close();
  return problem;
}

/** The body of O1's March record book with its first work item's content replaced, as a new version. */
async function versionWith(o1: Device, content: string): Promise<Fact> {
  const real = factOfRow((await o1.db.facts.filter((f) => f.type === 'record.version').toArray())[0]!);
  const body = JSON.parse(real.body) as MonthlyRecordVersion;
  const next = {
    ...body,
    id: `${body.id}x`,
    version: body.version + 1,
    workItems: body.workItems.map((w, i) => (i === 0 ? { ...w, content } : w)),
  };
  // canonicalJson, as an older device would: it writes the characters as they were typed.
  return { ...factOf(real), counter: real.counter + 1, body: canonicalJson(next) };
}

const run = promisify(execFile);
const onPath = (cmd: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, cmd)));
const haveSoffice = onPath('soffice') && onPath('pdftotext');
const ciRequires = Boolean(process.env.CI) && process.env.CI !== 'false';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('finding 7: a work item pasted from Word, official → supervisor → HR → Word', () => {
  it('is cleaned where it is written; every device’s Word form is well-formed XML and opens in LibreOffice', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { O1, S1, H } = org.devices;
    await writeRecord(O1!, 3, DIRTY);
    await receive(S1!, (await send(O1!, S1!)).bytes);
    await receive(H!, (await send(S1!, H!)).bytes);

    for (const d of [O1!, S1!, H!]) {
      expect((await march(d)).workItems[0]!.content, d.label).toBe(CLEAN);
      const { xml } = await wordOf(d);
      expect(xmlProblem(xml), d.label).toBeNull();
    }

    if (!haveSoffice) {
      if (ciRequires)
        throw new Error('soffice and pdftotext are needed on CI (libreoffice-writer-nogui, poppler-utils)');
      console.warn('text-hygiene: LibreOffice check skipped, soffice or pdftotext not on PATH');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'dutybook-hygiene-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'hr.docx'), (await wordOf(H!)).bytes);
    await run(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'hr.docx'),
      ],
      { timeout: 110_000 },
    );
    expect(existsSync(join(dir, 'hr.pdf')), 'LibreOffice could not open the Word form').toBe(true);
    const { stdout } = await run('pdftotext', [join(dir, 'hr.pdf'), '-']);
    // The line break pasted from Word is a line break in the cell.
    expect(stdout).toMatch(/预算执行分析\n[\s\S]*第二段完成/);
    expect(readFileSync(join(dir, 'hr.pdf')).length).toBeGreaterThan(1000);
  }, 240_000);

  it('from a device that never cleaned its text: the receivers clean it, relay the signed bytes unchanged, and their Word forms open', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { O1, S1, H } = org.devices;
    await writeRecord(O1!, 3, '预算执行分析');
    const dirty = storedFact(await versionWith(O1!, DIRTY));
    await receive(S1!, await craft(O1!, S1!, [await attest(O1!, [dirty.id]), factEntry(factOf(dirty))]));
    await receive(H!, (await send(S1!, H!)).bytes);

    for (const d of [S1!, H!]) {
      const shown = await march(d);
      expect(shown.version, d.label).toBe(2);
      expect(shown.workItems[0]!.content, d.label).toBe(CLEAN);
      expect(xmlProblem((await wordOf(d)).xml), d.label).toBeNull();
    }
    // The signed record itself is carried as it was signed: HR holds the very fact the official signed.
    expect(await H!.db.facts.get(dirty.id)).toBeDefined();
  }, 120_000);

  it('a Word form built from text that no schema cleaned still opens: the writer removes what XML refuses', async () => {
    const org = await makeOrg();
    const { O1 } = org.devices;
    await writeRecord(O1!, 3, '预算执行分析');
    const row = await march(O1!);
    const form = recordForm(
      {
        ...row,
        workItems: [{ ...row.workItems[0]!, content: `a${VT}b${CONTROL}c${NONCHAR}d\uD800e\uFFFEf` }],
      },
      personHeader({ name: `张三${NONCHAR}`, unitName: `办公室${VT}`, rankLevel: 'staff1' }),
    );
    const parts = unzipSync(await toBytes(buildDocument(form)));
    for (const [name, data] of Object.entries(parts)) {
      if (/\.(xml|rels)$/.test(name)) expect(xmlProblem(strFromU8(data)), name).toBeNull();
    }
  });
});

describe('finding 7: no field without a length limit', () => {
  it('refuses 100,010 characters of 工作内容 on the form, in Chinese, and writes nothing', async () => {
    const org = await makeOrg();
    const { O1 } = org.devices;
    const draft = newMonthlyRecord('O1', 2026, 4);
    await saveRecordDraft(O1!.db, draft);
    const before = await dump(O1!.db);
    const e = await saveRecordDraft(O1!.db, {
      ...draft,
      workItems: [
        { id: 'w1', content: '字'.repeat(100_010), progress: '', status: 'inProgress', percent: 0 },
      ],
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues).toEqual([
      { path: 'workItems.0.content', message: '工作内容不能超过2000个字' },
    ]);
    expect(await dump(O1!.db)).toEqual(before);
  });

  it('refuses a record of 100,010 characters from another device, saying which field, and changes nothing', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { O1, S1 } = org.devices;
    await writeRecord(O1!, 3, '预算执行分析');
    await receive(S1!, (await send(O1!, S1!)).bytes);
    const long = storedFact(await versionWith(O1!, '字'.repeat(100_010)));
    const before = await dump(S1!.db);
    const plan = await preview(
      S1!,
      await craft(O1!, S1!, [await attest(O1!, [long.id]), factEntry(factOf(long))]),
    );
    expect(plan.status).toBe('rejected');
    expect(plan.rejected.map((r) => r.reason)).toEqual(['记录内容格式不正确:工作内容不能超过2000个字']);
    expect(await dump(S1!.db)).toEqual(before);
  });
});
