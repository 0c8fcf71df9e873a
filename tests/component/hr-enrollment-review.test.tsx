// @vitest-environment happy-dom
/**
 * 从文件夹导入 注册申请: a folder of real, signed request files is read, each matched to a roster person,
 * shown in one review list (found / to choose / not found / duplicate), and bound with one 全部绑定.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src-renderer/app/App';
import { detectSuite } from '../../shared/bundle/crypto';
import { createEnrollmentRequest, generateDeviceKeys } from '../../shared/sync';
import { putPerson } from '../../shared/store';
import { useEnrollments } from '../../src-renderer/features/hr/enrollments';
import { fakeHost } from './fake-host';
import { hrDb, staff } from './hr-setup';

async function requestFile(personName: string, unitName: string, staffNo?: string) {
  const suite = await detectSuite();
  const keys = await generateDeviceKeys(suite);
  const id = Math.random().toString(36).slice(2, 10);
  return createEnrollmentRequest(suite, { keys, personId: `own-${id}`, personName, unitName, deviceId: `dev-${id}`, ...(staffNo ? { staffNo } : {}) });
}

describe('注册申请 in bulk: one review, then 全部绑定', () => {
  it('matches a folder of requests, asks only about the ambiguous and the unknown, binds the rest at once', async () => {
    useEnrollments.setState({ pending: [] });
    const db = await hrDb('hr-enroll-review');
    // Two people named 科员乙 in one unit: a request naming it cannot be matched without HR's choice.
    await putPerson(db, { id: 'b1', name: '科员乙', unitId: 'u1', ...staff, roles: ['official'], supervisorId: 'boss', staffNo: 'A17' });
    await putPerson(db, { id: 'b2', name: '科员乙', unitId: 'u1', ...staff, roles: ['official'], supervisorId: 'boss' });
    const boss = await requestFile('处长', '综合处');
    const folder = [
      { name: '申请/处长-注册申请.dutyenroll', data: boss },
      { name: '申请/处长-注册申请 - 副本.dutyenroll', data: boss },
      { name: '申请/科员甲-注册申请.dutyenroll', data: await requestFile('科员甲', '综合处') },
      { name: '申请/科员乙-注册申请.dutyenroll', data: await requestFile('科员乙', '综合处') },
      { name: '申请/科员丙-注册申请.dutyenroll', data: await requestFile('科员丙', '综合处') },
    ];
    const calls: unknown[] = [];
    const host = fakeHost({
      openFiles: (input) => {
        calls.push(input);
        return Promise.resolve(folder.map((f) => ({ ...f, path: f.name, data: new Uint8Array(f.data) })));
      },
    });
    window.location.hash = '#/hr/people';
    render(<App services={{ db, host }} />);
    fireEvent.click(await screen.findByRole('button', { name: '从文件夹导入' }));

    expect(await screen.findByTestId('enroll-read-report')).toHaveTextContent(
      '读取了5份文件:新申请4份,重复1份(已略过)处长-注册申请 - 副本.dutyenroll:与“处长-注册申请.dutyenroll”是同一份申请,已略过',
    );
    expect(calls).toEqual([{ multiple: true, kind: 'enrollment', filters: [{ name: '履责记实注册申请', extensions: ['dutyenroll'] }], directory: true }]);
    expect(screen.getByTestId('enroll-review-summary')).toHaveTextContent('可直接绑定2人,需选择1人,未找到1人。');
    const row = (name: string) => screen.getByRole('group', { name: `注册申请:${name}` });
    expect(within(row('处长')).getByTestId('request-status')).toHaveTextContent('已找到');
    expect(row('处长')).toHaveTextContent('按姓名和单位');
    expect(within(row('科员乙')).getByTestId('request-status')).toHaveTextContent('需选择');
    expect(row('科员乙')).toHaveTextContent('名册中有2位“科员乙”,请按单位选择对应人员');
    expect(within(row('科员丙')).getByTestId('request-status')).toHaveTextContent('未找到');
    expect(row('科员丙')).toHaveTextContent('名册中没有名为“科员丙”的在职人员');
    // The rows needing a choice come first.
    const order = screen.getAllByTestId('enrollment-request').map((r) => r.getAttribute('aria-label'));
    expect(order).toEqual(['注册申请:科员乙', '注册申请:科员丙', '注册申请:处长', '注册申请:科员甲']);

    // HR chooses the 科员乙 with 人员编号 A17, then binds everyone at once.
    fireEvent.mouseDown(within(row('科员乙')).getByRole('combobox', { name: '对应人员' }));
    fireEvent.click(await screen.findByRole('option', { name: '科员乙(某厅 / 综合处 · A17)' }));
    fireEvent.click(screen.getByRole('button', { name: '全部绑定(3人)' }));
    expect(await screen.findByTestId('enroll-bound-all', {}, { timeout: 15_000 })).toHaveTextContent('已绑定3人,待签发人员名册');
    for (const name of ['处长', '科员甲', '科员乙']) expect(row(name)).toHaveTextContent(`已绑定到 ${name},待签发`);
    expect(within(row('科员丙')).getByTestId('request-status')).toHaveTextContent('未找到');
    expect(await screen.findByTestId('roster-pending')).toHaveTextContent('3份注册申请已绑定,待签发');
    // Bound people take the id their own install uses (facts name their author by it).
    const bound = useEnrollments.getState().pending.filter((p) => p.boundTo);
    await waitFor(async () => {
      for (const p of bound) expect(await db.people.get(p.request.personId)).toBeDefined();
    });
    expect(await db.people.get('b2')).toBeDefined();
    expect(await db.people.get('b1')).toBeUndefined();
  });
});
