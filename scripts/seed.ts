/**
 * Example data on the command line (shared/seed): generates an organisation and its years of
 * records through the signed-record path, imports them into an HR database (fake-indexeddb, in
 * memory) to prove they verify, prints counts and timings, and with --out writes what HR would
 * receive:
 *
 *   npm run seed -- --units 20 --people 1000 --years 2 [--seed S] [--today YYYY-MM-DD]
 *                   [--preset hubei|national] [--out DIR] [--json]
 *
 * DIR/bundles/*.dutybook   one bundle per supervisor → HR (split at 8,000 records), each carrying
 *                          the signed roster, so a fresh HR device can import them
 * DIR/hr.dutykey           HR's key backup (device keys and organisation key; passphrase below)
 * DIR/hr.key.json          HR's keys in clear for `npm run bundle -- verify FILE --key hr.key.json`
 * DIR/summary.json         counts, timings, the HR fingerprint, the passphrase and the file list
 *
 * Run through scripts/seed.mjs (Vite's module runner: Node 20 cannot run TypeScript by itself).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { PRESET_IDS, type PresetId } from '../shared/domain';
import { gradeShares, seedDatabase, DEFAULT_SEED, type SeedProgress, type SeedResult } from '../shared/seed';
import { openDatabase } from '../shared/store';
import { toHex } from '../shared/bundle/bytes';
import { detectSuite } from '../shared/bundle/crypto';
import { BACKUP_EXT } from '../shared/bundle/file-kinds';
import { BUNDLE_FILE_EXTENSION } from '../shared/bundle/format';
import { exportKeyBackup } from '../shared/sync';
import { keyFileBytes } from './bundle/keyfile';

export const HELP = `履责记实示例数据 DutyBook example data

用法 Usage:
  npm run seed -- [--units N] [--people N] [--years N] [--seed S] [--today YYYY-MM-DD]
                  [--preset hubei|national] [--out DIR] [--json]

  --units N     科室数 sections below the bureau (default 6)
  --people N    总人数(含局领导) people in all, bureau leaders included (default 60)
  --years N     年数 years up to --today's year (default 2)
  --seed S      随机种子 the same seed and --today give the same data (default ${DEFAULT_SEED})
  --today D     截止日期 nothing is dated on or after it (default: today)
  --preset P    考核办法 hubei | national (default hubei)
  --out DIR     写出数据包(每位主管领导一个)、人事密钥备份与密钥文件、summary.json
                write the supervisor → HR bundles, HR's key backup and key file, summary.json
  --json        机器可读输出 machine-readable output
`;

export const BACKUP_PASSPHRASE = 'dutybook-示例数据';

type Parsed = {
  units: number;
  people: number;
  years: number;
  seed: string;
  today: Date;
  preset: PresetId;
  out?: string;
  json: boolean;
};

function parseArgs(argv: string[]): Parsed | string {
  const out: Parsed = {
    units: 6,
    people: 60,
    years: 2,
    seed: DEFAULT_SEED,
    today: new Date(),
    preset: 'hubei',
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return HELP;
    if (a === '--json') {
      out.json = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) return `缺少 ${a} 的值 missing value for ${a}`;
    i++;
    const int = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} 应为正整数 must be a positive integer`);
      return n;
    };
    if (a === '--units') out.units = int();
    else if (a === '--people') out.people = int();
    else if (a === '--years') out.years = int();
    else if (a === '--seed') out.seed = value;
    else if (a === '--out') out.out = value;
    else if (a === '--preset') {
      if (!(PRESET_IDS as readonly string[]).includes(value))
        return `--preset 应为 ${PRESET_IDS.join(' | ')}`;
      out.preset = value as PresetId;
    } else if (a === '--today') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return '--today 应为 YYYY-MM-DD';
      out.today = new Date(`${value}T12:00:00+08:00`);
    } else return `未知选项 unknown option ${a}`;
  }
  return out;
}

function report(r: SeedResult, seconds: number, files: string[]): string {
  const c = r.counts;
  const h = c.history;
  const s = gradeShares(h.grades);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `${r.orgName}:${c.units} 个单位(含局机关),${c.people} 人,其中主管领导 ${c.supervisors} 人;年度 ${r.years.join('、')}`,
    `人事部门:${r.hr.name},组织密钥指纹 ${r.hrFingerprint}`,
    `记录 facts ${c.facts},作者签名 attestations ${c.attestations},数据包 bundles ${c.bundles}(${(c.bundleBytes / 1048576).toFixed(1)} MiB)`,
    `计划 ${h.plans}(退回 ${h.planReturns})· 记实簿 ${h.records}(退回 ${h.recordReturns})· 小结 ${h.summaries} · 评鉴 ${h.evaluations}(更正 ${h.corrections})· 反馈 ${h.feedback}(签署 ${h.acknowledgements})· 备案登记表 ${h.registers}`,
    `等次 好 ${pct(s.good)} · 较好 ${pct(s.fairlyGood)} · 一般 ${pct(s.average)} · 较差 ${pct(s.poor)}`,
    `用时 ms:${Object.entries(r.timings)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}(进程合计 ${seconds.toFixed(1)} s)`,
    ...(files.length > 0 ? [`已写出 ${files.length} 个文件 files written`] : []),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let args: Parsed | string;
  try {
    args = parseArgs(argv);
  } catch (e) {
    args = e instanceof Error ? e.message : String(e);
  }
  if (typeof args === 'string') {
    const help = args === HELP;
    (help ? process.stdout : process.stderr).write(`${args}\n`);
    return help ? 0 : 2;
  }
  const started = performance.now();
  const suite = await detectSuite();
  const db = await openDatabase(`dutybook-seed-${Date.now()}`, { indexedDB, IDBKeyRange });
  try {
    const result = await seedDatabase(db, {
      suite,
      seed: args.seed,
      units: args.units,
      people: args.people,
      years: args.years,
      today: args.today,
      preset: args.preset,
      includeRoster: args.out !== undefined,
      keepBundles: args.out !== undefined,
      ...(process.stderr.isTTY && !args.json
        ? {
            onProgress: (p: SeedProgress) => process.stderr.write(`\r  ${p.step} ${p.done}/${p.total}\x1b[K`),
          }
        : {}),
    });
    if (process.stderr.isTTY && !args.json) process.stderr.write('\r\x1b[K');
    const files: string[] = [];
    if (args.out) {
      const dir = resolve(args.out);
      mkdirSync(join(dir, 'bundles'), { recursive: true });
      const write = (name: string, bytes: Uint8Array | string) => {
        writeFileSync(join(dir, name), bytes);
        files.push(name);
      };
      (result.bundles ?? []).forEach((b, i) => {
        const part = b.sequence > 1 ? `-${b.sequence}` : '';
        write(
          join('bundles', `${String(i + 1).padStart(3, '0')}-${b.senderName}${part}${BUNDLE_FILE_EXTENSION}`),
          b.bytes,
        );
      });
      const me = (await db.trust.get('self'))!;
      write(
        `hr.${BACKUP_EXT}`,
        await exportKeyBackup(suite, {
          contents: { personId: result.hr.personId, keys: result.hr.keys, hrOrgKey: result.orgKey },
          passphrase: BACKUP_PASSPHRASE,
          personName: result.hr.name,
        }),
      );
      write(
        'hr.key.json',
        keyFileBytes({
          personId: result.hr.personId,
          personName: result.hr.name,
          unitName: result.orgName,
          roles: ['official', 'hr'],
          ...(me.id === 'self' ? { deviceId: me.device } : {}),
          keys: result.hr.keys,
          hrKey: toHex(result.orgKey.pub),
          hrOrgKey: result.orgKey,
        }),
      );
      const summary = {
        orgId: result.orgId,
        orgName: result.orgName,
        years: result.years,
        hr: { personId: result.hr.personId, name: result.hr.name, fingerprint: result.hrFingerprint },
        keyBackupPassphrase: BACKUP_PASSPHRASE,
        counts: result.counts,
        timings: result.timings,
        bundles: (result.bundles ?? []).map((b, i) => ({
          file: files[i],
          from: b.senderName,
          sequence: b.sequence,
          facts: b.facts,
          attestations: b.attestations,
          bytes: b.bytes.length,
        })),
      };
      write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
    }
    const seconds = (performance.now() - started) / 1000;
    if (args.json) {
      const { bundles: _b, hr, orgKey: _k, ...rest } = result;
      process.stdout.write(
        `${JSON.stringify({ ...rest, hr: { personId: hr.personId, name: hr.name }, seconds, files }, null, 2)}\n`,
      );
    } else process.stdout.write(`${report(result, seconds, files)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  } finally {
    db.close();
  }
}
