/**
 * Settings: one row per typed key. Values are checked on the way in (ValidationError) and on the
 * way out (a row that no longer parses is reported as storage-corrupt rather than used).
 */
import { z } from 'zod';
import { StorageError } from '../errors/errors';
import {
  parseConfig,
  parseOrThrow,
  presetConfig,
  presetIdSchema,
  type AssessmentConfig,
  type PresetId,
} from '../domain';
import { LOCAL_PROFILE_ID } from '../domain/org';
import type { DutyBookDb } from './db';
import { wrapStorageErrors } from './storage-errors';

export const uiPrefsSchema = z.object({
  density: z.enum(['comfortable', 'compact'], { error: '显示密度不正确' }).default('comfortable'),
  /** Text size relative to the default; clerks often need it larger. */
  fontScale: z
    .number({ error: '字号比例应为数字' })
    .min(0.8, { error: '字号比例应在0.8至1.6之间' })
    .max(1.6, { error: '字号比例应在0.8至1.6之间' })
    .default(1),
  navCollapsed: z.boolean().default(false),
});
export type UiPrefs = z.output<typeof uiPrefsSchema>;
export const DEFAULT_UI_PREFS: UiPrefs = uiPrefsSchema.parse({});

/** A unit's own configuration, remembered with the preset it started from. */
export type StoredConfig = { basedOn: PresetId; config: AssessmentConfig; savedAt: string };

const storedConfigShape = z.object({
  basedOn: presetIdSchema,
  config: z.unknown(),
  savedAt: z.iso.datetime(),
});

export type Settings = {
  activePresetId: PresetId;
  config: StoredConfig;
  uiPrefs: UiPrefs;
};
export type SettingKey = keyof Settings;

const parsers: { [K in SettingKey]: (value: unknown) => Settings[K] } = {
  activePresetId: (v) => parseOrThrow(presetIdSchema, v),
  config: (v) => {
    const row = parseOrThrow(storedConfigShape, v);
    return { basedOn: row.basedOn, savedAt: row.savedAt, config: parseConfig(row.config) };
  },
  uiPrefs: (v) => parseOrThrow(uiPrefsSchema, v),
};

export async function getSetting<K extends SettingKey>(
  db: DutyBookDb,
  key: K,
): Promise<Settings[K] | undefined> {
  const row = await wrapStorageErrors(`read setting ${key}`, () => db.settings.get(key));
  if (row === undefined) return undefined;
  try {
    return parsers[key](row.value);
  } catch (e) {
    throw new StorageError('storage-corrupt', `setting ${key} is invalid`, { cause: e });
  }
}

/** Checks and stores a setting; returns the value as stored. */
export async function setSetting<K extends SettingKey>(
  db: DutyBookDb,
  key: K,
  value: Settings[K],
  options: { now?: Date } = {},
): Promise<Settings[K]> {
  const checked = parsers[key](value);
  const updatedAt = (options.now ?? new Date()).toISOString();
  await wrapStorageErrors(`write setting ${key}`, () => db.settings.put({ key, value: checked, updatedAt }));
  return checked;
}

export async function deleteSetting(db: DutyBookDb, key: SettingKey): Promise<void> {
  await wrapStorageErrors(`delete setting ${key}`, () => db.settings.delete(key));
}

// ---- The configuration in force ----

export type ActiveConfig = {
  presetId: PresetId;
  config: AssessmentConfig;
  /** True when the unit has changed the preset's configuration. */
  customised: boolean;
};

/**
 * The preset chosen (setting, else the profile's, else 湖北) and its configuration: the unit's saved
 * one when it was based on that preset, otherwise a fresh copy of the preset.
 */
export async function getActiveConfig(db: DutyBookDb): Promise<ActiveConfig> {
  const active = await getSetting(db, 'activePresetId');
  const profile = active
    ? undefined
    : await wrapStorageErrors('read profile', () => db.profile.get(LOCAL_PROFILE_ID));
  const fallback = presetIdSchema.safeParse(profile?.presetId);
  const presetId: PresetId = active ?? (fallback.success ? fallback.data : 'hubei');
  const stored = await getSetting(db, 'config');
  if (stored && stored.basedOn === presetId) return { presetId, config: stored.config, customised: true };
  return { presetId, config: presetConfig(presetId), customised: false };
}

/** Saves the unit's configuration (validated whole: ValidationError lists every problem) and activates its preset. */
export async function saveConfig(
  db: DutyBookDb,
  config: AssessmentConfig,
  basedOn: PresetId,
  options: { now?: Date } = {},
): Promise<StoredConfig> {
  const checked = parseConfig(config);
  const preset = parseOrThrow(presetIdSchema, basedOn);
  const now = options.now ?? new Date();
  const savedAt = now.toISOString();
  const value: StoredConfig = { basedOn: preset, config: checked, savedAt };
  await wrapStorageErrors('save config', () =>
    db.transaction('rw', db.settings, async () => {
      await db.settings.put({ key: 'config', value, updatedAt: savedAt });
      await db.settings.put({ key: 'activePresetId', value: preset, updatedAt: savedAt });
    }),
  );
  return value;
}

/** Drops the unit's changes: the active preset's own configuration applies again. */
export async function resetConfig(db: DutyBookDb): Promise<void> {
  await deleteSetting(db, 'config');
}

export async function getUiPrefs(db: DutyBookDb): Promise<UiPrefs> {
  return (await getSetting(db, 'uiPrefs')) ?? { ...DEFAULT_UI_PREFS };
}

export async function updateUiPrefs(db: DutyBookDb, patch: Partial<UiPrefs>): Promise<UiPrefs> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getUiPrefs(db);
    return setSetting(db, 'uiPrefs', { ...current, ...patch });
  });
}
