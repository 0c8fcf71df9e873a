import { useMemo } from 'react';
import { Box, GlobalStyles, MenuItem, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { resolveHolidayCalendars, type LocalProfile } from '../../../shared/domain';
import { configInForce } from '../../../shared/store';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { OfficialContext, useSelectedYear, type OfficialContextValue } from './context';
import { OverviewPage } from './overview/OverviewPage';
import { PlanPage } from './plan/PlanPage';
import { RecordListPage } from './record/RecordListPage';
import { RecordPage } from './record/RecordPage';
import { JournalPage } from './journal/JournalPage';
import { SummaryListPage } from './summary/SummaryListPage';
import { SummaryPage } from './summary/SummaryPage';
import { SearchPage } from './search/SearchPage';
import { ResultsPage } from './results/ResultsPage';
import { resultsText } from './results/strings';
import { annualText } from './annual/strings';
import { Loading } from '../../components/page-parts';
import { lazyPage, PageSuspense } from '../../components/LazyPage';

// Only the export builds Word files (the docx library, about a fifth of the app): loaded when opened.
const ExportPage = lazyPage(() => import('./export/ExportPage'), 'ExportPage');
// The 年度考核 page is opened a few times a year: loaded when opened, not with the workspace.
const AnnualPage = lazyPage(() => import('./annual/AnnualPage'), 'AnnualPage');

const t = zh.official;

type TabDef = { segment: string; label: string };

/** Printing shows the record itself: navigation, buttons and notes are left off the paper. */
const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        '.MuiAppBar-root, .MuiDrawer-root, .MuiSnackbar-root, main > .MuiToolbar-root, [data-print="hide"]': {
          display: 'none !important',
        },
        'main.MuiBox-root': { padding: '0 !important' },
        body: { background: '#fff' },
      },
    }}
  />
);

/** Next year (plans are written ahead), this year and three before; plus the one shown, if older. */
function yearChoices(current: number, shown: number): number[] {
  const years = new Set([current + 1, current, current - 1, current - 2, current - 3, shown]);
  return [...years].sort((a, b) => b - a);
}

/** A page about one month or quarter, e.g. /official/record/2026-03 → ['record', '-03']. */
const PERIOD_PATH = /^\/official\/(record|summary|journal)\/\d{4}(-[0-9Q]+)$/;

export function OfficialWorkspace({ profile }: { profile: LocalProfile }) {
  const { db } = useServices();
  const location = useLocation();
  const navigate = useNavigate();
  const today = new Date();
  const thisYear = today.getFullYear();
  const picked = useSelectedYear((s) => s.year);
  const setYear = useSelectedYear((s) => s.setYear);
  const year = picked ?? thisYear;
  const active = useLiveQuery(() => configInForce(db), [db]);

  const calendars = useMemo(
    () => (active ? resolveHolidayCalendars(active.config.holidayCalendars) : []),
    [active],
  );
  const recordMode = active?.config.recordMode ?? 'monthly';
  const journalShown = recordMode === 'daily' || recordMode === 'weekly';

  const tabs: TabDef[] = [
    { segment: '', label: t.tabs.overview },
    { segment: 'plan', label: t.tabs.plan },
    { segment: 'record', label: t.tabs.record },
    ...(journalShown ? [{ segment: 'journal', label: t.tabs.journal }] : []),
    { segment: 'summary', label: t.tabs.summary },
    { segment: 'results', label: resultsText.tab },
    { segment: 'annual', label: annualText.tab },
    { segment: 'search', label: t.tabs.search },
    { segment: 'export', label: t.tabs.export },
  ];
  const segment = location.pathname.replace(/^\/official\/?/, '').split('/')[0] ?? '';
  const tabValue = tabs.some((tab) => tab.segment === segment) ? segment : false;

  const value: OfficialContextValue | null = active
    ? { profile, personId: profile.personId, year, setYear, recordMode, calendars, today }
    : null;

  return (
    <Stack
      spacing={2}
      sx={{
        // Room below the last field, so the message bars never cover it.
        pb: 8,
        // A locked record is read more than edited: its text stays dark (MUI greys disabled text out).
        '& .MuiInputBase-input.Mui-disabled': { WebkitTextFillColor: 'rgba(0, 0, 0, 0.78)' },
      }}
    >
      {printStyles}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }} data-print="hide">
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t.title}
        </Typography>
        <TextField
          select
          label={t.year}
          value={year}
          onChange={(e) => {
            const y = Number(e.target.value);
            setYear(y);
            // On a month's or a quarter's page, go to the same month or quarter of the year picked.
            const m = PERIOD_PATH.exec(location.pathname);
            if (m) void navigate(`/official/${m[1]}/${y}${m[2]}`);
          }}
          fullWidth={false}
          sx={{ width: 130 }}
        >
          {yearChoices(thisYear, year).map((y) => (
            <MenuItem key={y} value={y}>
              {t.yearOption(y)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Box
        component="nav"
        aria-label={t.tabsLabel}
        sx={{ borderBottom: 1, borderColor: 'divider' }}
        data-print="hide"
      >
        <Tabs value={tabValue} variant="scrollable" scrollButtons="auto" aria-label={t.tabsLabel}>
          {tabs.map((tab) => (
            <Tab
              key={tab.segment || 'overview'}
              value={tab.segment}
              label={tab.label}
              component={Link}
              to={tab.segment ? `/official/${tab.segment}` : '/official'}
            />
          ))}
        </Tabs>
      </Box>
      {value ? (
        <OfficialContext.Provider value={value}>
          <PageSuspense>
            <Routes>
              <Route index element={<OverviewPage />} />
              <Route path="plan" element={<PlanPage />} />
              <Route path="record" element={<RecordListPage />} />
              <Route path="record/:month" element={<RecordPage />} />
              <Route path="journal" element={<JournalPage />} />
              <Route path="journal/:month" element={<JournalPage />} />
              <Route path="summary" element={<SummaryListPage />} />
              <Route path="summary/:quarter" element={<SummaryPage />} />
              <Route path="results" element={<ResultsPage />} />
              <Route path="annual" element={<AnnualPage />} />
              <Route path="search" element={<SearchPage />} />
              <Route path="export" element={<ExportPage />} />
              <Route path="*" element={<OverviewPage />} />
            </Routes>
          </PageSuspense>
        </OfficialContext.Provider>
      ) : (
        <Loading />
      )}
    </Stack>
  );
}
