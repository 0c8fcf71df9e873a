/**
 * What every screen of the official's workspace shares: who (the profile's person id), which year is
 * shown, and the unit's configuration (record mode, holiday schedules). The year is UI state only.
 */
import { createContext, useContext } from 'react';
import { create } from 'zustand';
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

/** Draft mirrors in localStorage, one per record (see components/useAutosave.ts). */
export const draftKeys = {
  plan: (personId: string, year: number) => `dutybook.draft.plan.${personId}.${year}`,
  record: (personId: string, monthKey: string) => `dutybook.draft.record.${personId}.${monthKey}`,
  summary: (personId: string, quarterKey: string) => `dutybook.draft.summary.${personId}.${quarterKey}`,
  journalNew: (personId: string) => `dutybook.draft.journal-new.${personId}`,
  journalEntry: (personId: string, entryId: string) => `dutybook.draft.journal.${personId}.${entryId}`,
};
