// @vitest-environment happy-dom
/**
 * 接收数据包 through the host: a chosen folder of real bundles and junk goes in file by file, and the
 * page ends with one report (per file, totals) that can be saved as CSV.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ServicesProvider } from '../../src-renderer/state/services';
import { IntakePage } from '../../src-renderer/features/hr/intake/IntakePage';
import { createProfile, readPersonYear } from '../../shared/store';
import { storeDeviceKeys } from '../../shared/sync';
import type { HostInput } from '../../shared/host/contract';
import { distributeRoster, makeOrg, send, writePlan, writeRecord } from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';

afterEach(cleanup);

/** The fake host, plus an in-memory key store (open, as Electron's is) and a folder to hand out. */
function folderHost(folder: { name: string; data: Uint8Array; skipped?: 'too-large' | 'other-kind' }[]) {
  const secrets = new Map<string, Uint8Array<ArrayBuffer>>();
  const asked: HostInput<'openFiles'>[] = [];
  const saved: { name: string; text: string }[] = [];
  const host = fakeHost({
    keyStoreStatus: () => Promise.resolve({ available: true, unlocked: true, initialised: true }),
    storeSecret: ({ name, secret }) => {
      secrets.set(name, new Uint8Array(secret));
      return Promise.resolve({ stored: true as const });
    },
    loadSecret: ({ name }) => Promise.resolve(secrets.get(name) ?? null),
    openFiles: (input) => {
      asked.push(input);
      return Promise.resolve(
        folder.map((f) => ({
          name: f.name,
          path: `/stick/${f.name}`,
          data: new Uint8Array(f.data),
          ...(f.skipped ? { skipped: f.skipped } : {}),
        })),
      );
    },
    saveFile: ({ suggestedName, data }) => {
      saved.push({ name: suggestedName, text: new TextDecoder().decode(data) });
      return Promise.resolve({ path: `/docs/${suggestedName}`, bytes: data.byteLength });
    },
  });
  return { host, asked, saved };
}

describe('接收数据包', () => {
  it('imports a folder file by file and reports each file, with totals, exportable as CSV', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { O1, O2, S1 } = org.devices;
    await writePlan(O1!, ['编制部门预算']);
    await writeRecord(O2!, 1, '政策研究');
    await createProfile(
      org.hr.db,
      {
        name: '人事科',
        unitName: '办公室',
        positionCategory: 'comprehensive',
        rankLevel: 'staff1',
        roles: ['official', 'hr'],
        presetId: 'hubei',
      },
      { personId: 'H' },
    );
    const o1 = (await send(O1!, org.hr)).bytes;
    const folder = [
      { name: '张三.dutybook', data: o1 },
      { name: '李四.dutybook', data: (await send(O2!, org.hr)).bytes },
      // The host read only its first bytes (a zip's) and left it: not a bundle.
      { name: '通知.docx', data: new Uint8Array(0), skipped: 'other-kind' as const },
      { name: '给王主任.dutybook', data: (await send(O1!, S1!)).bytes },
      { name: '张三(副本).dutybook', data: o1 },
      { name: '录像.mp4', data: new Uint8Array(0), skipped: 'too-large' as const },
    ];
    const { host, asked, saved } = folderHost(folder);
    await storeDeviceKeys(host, org.hr.keys);

    render(
      <ServicesProvider services={{ db: org.hr.db, host }}>
        <IntakePage />
      </ServicesProvider>,
    );
    const button = await screen.findByRole('button', { name: '选择文件夹…' });
    expect(screen.queryByTestId('intake-no-pin')).toBeNull();
    fireEvent.click(button);
    const report = await screen.findByTestId('intake-report', {}, { timeout: 10_000 });
    expect(asked[0]).toMatchObject({ directory: true });
    expect(within(report).getByTestId('intake-totals')).toHaveTextContent(
      /共 6 个文件:已导入 2 个\(\d+ 条记录\),已导入过 1 个,跳过 2 个,拒绝 1 个/,
    );
    const rows = within(report).getAllByTestId('intake-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^张三\.dutybook已导入已导入 \d+ 条张三$/),
      expect.stringMatching(/^李四\.dutybook已导入/),
      '通知.docx跳过跳过:不是数据包(Word 文档)',
      '给王主任.dutybook拒绝拒绝:这是发给“王主任”的数据包,不是发给本机的张三',
      '张三(副本).dutybook已导入过已导入过张三',
      '录像.mp4跳过跳过:文件超过数据包的上限 256 MB,不是数据包,未读取',
    ]);
    expect((await readPersonYear(org.hr.db, 'O1', 2026)).plan).toMatchObject({ state: 'submitted' });

    // Only the files that did not go in.
    fireEvent.click(within(report).getByLabelText('只看未导入的文件'));
    expect(within(report).getAllByTestId('intake-row')).toHaveLength(3);

    fireEvent.click(within(report).getByRole('button', { name: '保存为 CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(/^接收数据包报告-\d{8}-\d{4}\.csv$/);
    expect(saved[0]!.text).toContain('通知.docx,跳过,,,不是数据包(Word 文档)');
  });

  it('warns when this device has not confirmed the HR key', async () => {
    const org = await makeOrg();
    await org.hr.db.trust.delete('hr');
    const { host } = folderHost([]);
    await createProfile(
      org.hr.db,
      {
        name: '人事科',
        unitName: '办公室',
        positionCategory: 'comprehensive',
        rankLevel: 'staff1',
        roles: ['official', 'hr'],
        presetId: 'hubei',
      },
      { personId: 'H' },
    );
    render(
      <ServicesProvider services={{ db: org.hr.db, host }}>
        <IntakePage />
      </ServicesProvider>,
    );
    expect(await screen.findByTestId('intake-no-pin')).toHaveTextContent('本机尚未确认人事部门密钥');
  });
});
