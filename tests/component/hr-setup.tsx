/**
 * What the HR people screens' component tests share: a database of 某厅 with a roster already
 * issued (hrDb), the fake host, picking a combobox option; each test's databases closed after it.
 */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { presetConfig } from '../../shared/domain';
import { draftNextRoster } from '../../shared/sync';
import { createProfile, openDatabase, putPerson, putUnit, saveRoster, type DutyBookDb } from '../../shared/store';
import { fakeHost } from './fake-host';

export const host = fakeHost();
let n = 0;
const open: DutyBookDb[] = [];

export const staff = { positionCategory: 'comprehensive', rankLevel: 'staff1' } as const;

/** 某厅 › 综合处 and 人事处; 处长 supervises 副处长 and 科员甲; a roster (version 1) already issued. */
export async function hrDb(label: string): Promise<DutyBookDb> {
  const db = await openDatabase(`${label}-${++n}-${Math.random().toString(36).slice(2, 8)}`);
  open.push(db);
  const profile = await createProfile(db, {
    name: '人事干部',
    unitName: '某厅',
    ...staff,
    roles: ['official', 'hr'],
    presetId: 'hubei',
  });
  await putUnit(db, { id: 'org', name: '某厅', parentId: null });
  await putUnit(db, { id: 'u1', name: '综合处', parentId: 'org' });
  await putUnit(db, { id: 'u2', name: '人事处', parentId: 'org' });
  await putPerson(db, {
    id: profile.personId,
    name: '人事干部',
    unitId: 'u2',
    ...staff,
    roles: ['official', 'hr'],
  });
  await putPerson(db, {
    id: 'boss',
    name: '处长',
    unitId: 'u1',
    ...staff,
    roles: ['official', 'supervisor'],
  });
  await putPerson(db, {
    id: 'deputy',
    name: '副处长',
    unitId: 'u1',
    ...staff,
    roles: ['official', 'supervisor'],
    supervisorId: 'boss',
  });
  await putPerson(db, {
    id: 'a',
    name: '科员甲',
    unitId: 'u1',
    ...staff,
    roles: ['official'],
    supervisorId: 'boss',
  });
  // The signature is not checked on HR's own device; what matters is what the roster lists.
  const roster = await draftNextRoster(db, { orgId: 'org', hrKey: '00', config: presetConfig('hubei') });
  await saveRoster(db, { roster, signature: '' });
  return db;
}

afterEach(() => {
  cleanup();
  open.splice(0).forEach((db) => db.close());
  window.location.hash = '';
});

export async function pick(combobox: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: combobox }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}
