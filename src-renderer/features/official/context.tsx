/**
 * What every screen of the official's workspace shares: who (the profile's person id), which year is
 * shown, and the unit's configuration (record mode, holiday schedules). The year is UI state only.
 */
import { createContext, useContext, useEffect } from 'react';
import { useParams } from 'react-router';
import { create } from 'zustand';
import { tryParsePeriodKey, type Period } from '../../../shared/domain/calendar';
import type { HolidayCalendar, LocalProfile, RecordMode } from '../../../shared/domain';

export type OfficialContextValue = {
  profile: LocalProfile;
  personId: string;
  year: number;
  setYear: (year: number) => void;
  recordMode: RecordMode;
  calendars: HolidayCalendar[];
  /** "Now", read once per render of the workspace (tests fix the clock). */
  today: Date;
};

export const OfficialContext = createContext<OfficialContextValue | null>(null);

export function useOfficial(): OfficialContextValue {
  const v = useContext(OfficialContext);
  if (!v) throw new Error('OfficialContext is missing');
  return v;
}

type YearState = { year: number | null; setYear: (year: number) => void };

/** The year picked in the selector; null means "the current year". */
export const useSelectedYear = create<YearState>((set) => ({
  year: null,
  setYear: (year) => set({ year }),
}));

/**
 * The month or quarter a page is opened at (`record/:month`, `summary/:quarter`): the address's text,
 * and the period it names, or null when it names none. The year selector follows the period's year.
 */
export function usePagePeriod<K extends 'month' | 'quarter'>(kind: K): { param: string; period: Extract<Period, { kind: K }> | null } {
  const param = useParams()[kind] ?? '';
  const parsed = tryParsePeriodKey(param);
  const period = parsed?.kind === kind ? (parsed as Extract<Period, { kind: K }>) : null;
  const year = period?.year;
  const { year: selected, setYear } = useOfficial();
  useEffect(() => {
    if (year !== undefined && year !== selected) setYear(year);
  }, [year, selected, setYear]);
  return { param, period };
}

/** Draft mirrors in localStorage, one per record (see components/useAutosave.ts). */
export const draftKeys = {
  plan: (personId: string, year: number) => `dutybook.draft.plan.${personId}.${year}`,
  record: (personId: string, monthKey: string) => `dutybook.draft.record.${personId}.${monthKey}`,
  summary: (personId: string, quarterKey: string) => `dutybook.draft.summary.${personId}.${quarterKey}`,
  journalNew: (personId: string) => `dutybook.draft.journal-new.${personId}`,
  journalEntry: (personId: string, entryId: string) => `dutybook.draft.journal.${personId}.${entryId}`,
};
