import { Box, CircularProgress, Tab, Tabs, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, Route, Routes, useLocation } from 'react-router';
import type { LocalProfile } from '../../../shared/domain';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { KeyStoreDialog } from '../../key-store/KeyStoreDialog';
import { MaterialDrawer } from '../../records/materials';
import { lazyPage, PageSuspense } from '../../components/LazyPage';
import { HrHome } from './HrHome';
import { PeoplePage } from './PeoplePage';
import { KeyNoticePage } from './KeyNoticePage';
import { OrgSetup } from './OrgSetup';
import { readOrg } from './org-service';

// The home tab is where HR starts; every other tab (the rules editor, intake, the year's tables and
// their Word and Excel exports) is a chunk of its own, loaded when first opened.
const RulesPage = lazyPage(() => import('./rules/RulesPage'), 'RulesPage');
const IntakePage = lazyPage(() => import('./intake/IntakePage'), 'IntakePage');
const TrackingPage = lazyPage(() => import('./tracking/TrackingPage'), 'TrackingPage');
const FilingPage = lazyPage(() => import('./filing/FilingPage'), 'FilingPage');
const AnnualPage = lazyPage(() => import('./annual/AnnualPage'), 'AnnualPage');
const AnnualDecisionsPage = lazyPage(
  () => import('./annual-decisions/AnnualDecisionsPage'),
  'AnnualDecisionsPage',
);
const StatisticsPage = lazyPage(() => import('./statistics/StatisticsPage'), 'StatisticsPage');
const PublicationPage = lazyPage(() => import('./publication/PublicationPage'), 'PublicationPage');
const MaterialsPage = lazyPage(() => import('./MaterialsPage'), 'MaterialsPage');
const AuditPage = lazyPage(() => import('./AuditPage'), 'AuditPage');

const t = zh.sync.hr;

/** HR's work: the day's 待办 first, then in the order of the year — the organisation and its rules, the 台账, intake, tracking, filing, the annual linkage — and the 操作日志 last. */
export const HR_TABS = [
  { segment: '', label: '待办' },
  { segment: 'people', label: '单位和人员' },
  { segment: 'materials', label: '台账' },
  { segment: 'rules', label: '考核办法' },
  { segment: 'intake', label: '接收数据包' },
  { segment: 'tracking', label: '督促检查' },
  { segment: 'filing', label: '备案' },
  { segment: 'annual', label: '年度考核' },
  // Not “年度考核结果”: a tab found by its name would then also match “年度考核”.
  { segment: 'annual-decisions', label: '考核结果' },
  { segment: 'statistics', label: '统计分析' },
  { segment: 'publication', label: '公示' },
  { segment: 'audit', label: '操作日志' },
] as const;

function HrTabs() {
  const { pathname } = useLocation();
  const segment = pathname.replace(/^\/hr\/?/, '').split('/')[0] ?? '';
  const current = HR_TABS.some((x) => x.segment === segment) ? segment : '';
  return (
    <Box
      component="nav"
      aria-label="人事管理分项"
      sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
      data-print="hide"
    >
      <Tabs value={current} variant="scrollable" scrollButtons="auto">
        {HR_TABS.map((x) => (
          <Tab
            key={x.segment}
            value={x.segment}
            label={x.label}
            component={Link}
            to={x.segment === '' ? '/hr' : `/hr/${x.segment}`}
          />
        ))}
      </Tabs>
    </Box>
  );
}

export function HrWorkspace({ profile }: { profile: LocalProfile }) {
  const { db } = useServices();
  const org = useLiveQuery(async () => (await readOrg(db)) ?? null, [db]);
  return (
    <>
      <KeyStoreDialog />
      <MaterialDrawer />
      <Routes>
        <Route path="notice" element={<KeyNoticePage />} />
        <Route
          path="*"
          element={
            <>
              <Typography variant="h5" component="h1" gutterBottom>
                {t.title}
                {org ? ` · ${org.name}` : ''}
              </Typography>
              {org === undefined ? (
                <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
                  <CircularProgress aria-label={zh.common.loading} />
                </Box>
              ) : org === null ? (
                <OrgSetup profile={profile} />
              ) : (
                <>
                  <HrTabs />
                  <PageSuspense>
                    <Routes>
                      <Route path="rules/*" element={<RulesPage />} />
                      <Route path="intake/*" element={<IntakePage />} />
                      <Route path="tracking/*" element={<TrackingPage />} />
                      <Route path="filing/*" element={<FilingPage />} />
                      <Route path="annual/*" element={<AnnualPage />} />
                      <Route path="annual-decisions/*" element={<AnnualDecisionsPage />} />
                      <Route path="statistics/*" element={<StatisticsPage />} />
                      <Route path="publication/*" element={<PublicationPage />} />
                      <Route path="people/*" element={<PeoplePage profile={profile} />} />
                      <Route path="materials/*" element={<MaterialsPage />} />
                      <Route path="audit/*" element={<AuditPage />} />
                      <Route path="*" element={<HrHome />} />
                    </Routes>
                  </PageSuspense>
                </>
              )}
            </>
          }
        />
      </Routes>
    </>
  );
}
