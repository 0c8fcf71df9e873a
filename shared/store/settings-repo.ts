/**
 * Settings: one row per typed key. Values are checked on the way in (ValidationError) and on the
 * way out (a row that no longer parses is reported as storage-corrupt rather than used).
 */
import { z } from 'zod';
import { StorageError } from '../errors/errors';
import {
  describeConfigChanges,
  parseConfig,
  parseOrThrow,
  presetConfig,
  presetIdSchema,
  type AssessmentConfig,
  type PresetId,
} from '../domain';
import { LOCAL_PROFILE_ID } from '../domain/org';
import { appendAudit, auditTables } from './audit';
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

/** One saved version of the unit's 考核办法: who saved it, when, and what changed, in one line. */
export type ConfigVersion = {
  version: number;
  savedAt: string;
  /** The name of whoever saved it (the HR officer of this device). */
  by: string;
  summary: string;
  basedOn: PresetId;
  config: AssessmentConfig;
};

const configVersionShape = z.object({
  version: z.number().int().min(1),
  savedAt: z.iso.datetime(),
  by: z.string(),
  summary: z.string(),
  basedOn: presetIdSchema,
  config: z.unknown(),
});

/**
 * Rules being edited and not yet saved (they may still have problems): kept so that nothing typed
 * is lost when the window closes. `config` is whatever the editor holds, checked only on saving.
 */
export type ConfigDraft = { basedOn: PresetId; config: unknown; updatedAt: string };

const configDraftShape = z.object({
  basedOn: presetIdSchema,
  config: z.record(z.string(), z.unknown()),
  updatedAt: z.iso.datetime(),
});

export type Settings = {
  activePresetId: PresetId;
  config: StoredConfig;
  uiPrefs: UiPrefs;
  configVersions: ConfigVersion[];
  configDraft: ConfigDraft;
};
export type SettingKey = keyof Settings;

const parsers: { [K in SettingKey]: (value: unknown) => Settings[K] } = {
  activePresetId: (v) => parseOrThrow(presetIdSchema, v),
  config: (v) => {
    const row = parseOrThrow(storedConfigShape, v);
    return { basedOn: row.basedOn, savedAt: row.savedAt, config: parseConfig(row.config) };
  },
  uiPrefs: (v) => parseOrThrow(uiPrefsSchema, v),
  configVersions: (v) =>
    parseOrThrow(z.array(configVersionShape), v).map((row) => ({ ...row, config: parseConfig(row.config) })),
  configDraft: (v) => parseOrThrow(configDraftShape, v),
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

/** The saved versions of the unit's 考核办法, oldest first (empty until HR first saves). */
export async function listConfigVersions(db: DutyBookDb): Promise<ConfigVersion[]> {
  return (await getSetting(db, 'configVersions')) ?? [];
}

/**
 * Saves the 考核办法 as a new version (validated whole: ValidationError lists every problem), notes
 * who saved it and what changed, activates it and drops the draft — all in one transaction. The
 * first save also records the rules it started from as version 1.
 */
export async function saveConfigVersion(
  db: DutyBookDb,
  config: AssessmentConfig,
  basedOn: PresetId,
  options: { by: string; now?: Date; startedFrom?: string },
): Promise<ConfigVersion> {
  const checked = parseConfig(config);
  const preset = parseOrThrow(presetIdSchema, basedOn);
  const savedAt = (options.now ?? new Date()).toISOString();
  return wrapStorageErrors('save config version', () =>
    db.transaction('rw', [db.settings, ...auditTables(db)], async () => {
      const versions = await listConfigVersions(db);
      const history = [...versions];
      let previous = history[history.length - 1]?.config;
      if (!previous) {
        const active = await getActiveConfig(db);
        previous = active.config;
        const stored = await getSetting(db, 'config');
        history.push({
          version: 1,
          savedAt: stored?.savedAt ?? savedAt,
          by: '',
          summary:
            options.startedFrom ??
            (active.customised
              ? '本单位原有考核办法'
              : `采用预设“${active.presetId === 'hubei' ? '湖北省平时考核意见' : '全国通行做法'}”`),
          basedOn: active.presetId,
          config: active.config,
        });
      }
      const entry: ConfigVersion = {
        version: history.length + 1,
        savedAt,
        by: options.by,
        summary: describeConfigChanges(previous, checked),
        basedOn: preset,
        config: checked,
      };
      history.push(entry);
      const value: StoredConfig = { basedOn: preset, config: checked, savedAt };
      await db.settings.put({ key: 'config', value, updatedAt: savedAt });
      await db.settings.put({ key: 'activePresetId', value: preset, updatedAt: savedAt });
      await db.settings.put({ key: 'configVersions', value: history, updatedAt: savedAt });
      await db.settings.delete('configDraft');
      const line = entry.summary.length > 80 ? `${entry.summary.slice(0, 79)}…` : entry.summary;
      await appendAudit(db, [
        { at: savedAt, action: 'config', subject: '', ref: `config/${entry.version}`, summary: `保存考核办法 第${entry.version}版:${line}` },
      ]);
      return entry;
    }),
  );
}

/** The rules being edited, if any were left unsaved. */
export async function getConfigDraft(db: DutyBookDb): Promise<ConfigDraft | undefined> {
  return getSetting(db, 'configDraft');
}

/** Keeps the rules being edited (not checked: they may still have problems). */
export async function saveConfigDraft(
  db: DutyBookDb,
  basedOn: PresetId,
  config: unknown,
  options: { now?: Date } = {},
): Promise<void> {
  // JSON round trip: what is kept is exactly what a reload gives back (NaN becomes null).
  const plain = JSON.parse(JSON.stringify(config ?? {})) as unknown;
  await setSetting(
    db,
    'configDraft',
    { basedOn, config: plain, updatedAt: (options.now ?? new Date()).toISOString() },
    options,
  );
}

export async function discardConfigDraft(db: DutyBookDb): Promise<void> {
  await deleteSetting(db, 'configDraft');
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
