import { describe, expect, it } from 'vitest';
import type { StorageError } from '../../../shared/errors/errors';
import { ValidationError } from '../../../shared/errors/errors';
import { presetConfig, presets, type ProfileInput } from '../../../shared/domain';
import {
  DEFAULT_UI_PREFS,
  createProfile,
  getActiveConfig,
  getSetting,
  getUiPrefs,
  resetConfig,
  saveConfig,
  setSetting,
  updateProfile,
  updateUiPrefs,
} from '../../../shared/store';
import { freshName, openTestDb, snapshot } from './helpers';

const profile: ProfileInput = {
  name: '王五',
  unitName: '人事处',
  positionCategory: 'comprehensive',
  rankLevel: 'staff1',
  roles: ['official', 'hr'],
  presetId: 'national',
};

describe('settings repository', () => {
  it('returns undefined for a setting never written', async () => {
    const db = await openTestDb();
    expect(await getSetting(db, 'activePresetId')).toBeUndefined();
    db.close();
  });

  it('refuses a value of the wrong shape and writes nothing', async () => {
    const db = await openTestDb();
    const before = await snapshot(db);
    await expect(setSetting(db, 'activePresetId', 'guangdong' as never)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(updateUiPrefs(db, { fontScale: 3 })).rejects.toThrow(/字号比例应在0.8至1.6之间/);
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('reports a stored value that no longer parses as corrupt storage', async () => {
    const db = await openTestDb();
    await db.settings.put({
      key: 'uiPrefs',
      value: { density: 'huge' },
      updatedAt: '2026-11-23T00:00:00.000Z',
    });
    const err = await getSetting(db, 'uiPrefs').catch((e: unknown) => e);
    expect((err as StorageError).code).toBe('storage-corrupt');
    db.close();
  });

  it('gives default UI preferences and keeps changes across reopen', async () => {
    const name = freshName();
    const db = await openTestDb(name);
    expect(await getUiPrefs(db)).toEqual(DEFAULT_UI_PREFS);
    await updateUiPrefs(db, { fontScale: 1.25 });
    await updateUiPrefs(db, { density: 'compact' });
    db.close();
    const again = await openTestDb(name);
    expect(await getUiPrefs(again)).toEqual({ ...DEFAULT_UI_PREFS, fontScale: 1.25, density: 'compact' });
    again.close();
  });
});

describe('active configuration', () => {
  it('is the 湖北 preset on a device with nothing set up', async () => {
    const db = await openTestDb();
    expect(await getActiveConfig(db)).toEqual({
      presetId: 'hubei',
      config: presets.hubei.config,
      customised: false,
    });
    db.close();
  });

  it('follows the preset chosen in the profile', async () => {
    const db = await openTestDb();
    await createProfile(db, profile);
    const active = await getActiveConfig(db);
    expect(active.presetId).toBe('national');
    expect(active.config).toEqual(presets.national.config);
    db.close();
  });

  it('keeps a unit’s saved configuration across reopen, and only while its preset is active', async () => {
    const name = freshName();
    const db = await openTestDb(name);
    await createProfile(db, profile);
    const mine = presetConfig('national');
    mine.goodCapPercent = 30;
    await saveConfig(db, mine, 'national');
    db.close();

    const again = await openTestDb(name);
    expect(await getActiveConfig(again)).toMatchObject({
      presetId: 'national',
      customised: true,
      config: { goodCapPercent: 30 },
    });
    await updateProfile(again, { presetId: 'hubei' });
    expect(await getActiveConfig(again)).toMatchObject({
      presetId: 'hubei',
      customised: false,
      config: { goodCapPercent: null },
    });
    await updateProfile(again, { presetId: 'national' });
    expect((await getActiveConfig(again)).config.goodCapPercent).toBe(30);
    await resetConfig(again);
    expect(await getActiveConfig(again)).toMatchObject({ customised: false, config: { goodCapPercent: 40 } });
    again.close();
  });

  it('refuses an invalid configuration with every issue and keeps the saved one', async () => {
    const db = await openTestDb();
    const good = presetConfig('hubei');
    good.quarterWeightInAnnual = 50;
    await saveConfig(db, good, 'hubei');
    const before = await snapshot(db);
    const bad = presetConfig('hubei');
    bad.scoreBands = [
      { grade: 'good', min: 90, max: 100 },
      { grade: 'poor', min: 0, max: 80 },
    ];
    bad.indicatorTemplates[0]!.indicators[0]!.weight = 20;
    const err = await saveConfig(db, bad, 'hubei').catch((e: unknown) => e);
    expect((err as ValidationError).issues.map((i) => i.path)).toEqual([
      'scoreBands.0.min',
      'indicatorTemplates.0.indicators',
    ]);
    expect(await snapshot(db)).toEqual(before);
    expect((await getActiveConfig(db)).config.quarterWeightInAnnual).toBe(50);
    db.close();
  });
});
