import { Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { Link, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { currentPeriod } from '../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/page-parts';
import { useTeam } from './data';
import { lazyPage, PageSuspense } from '../../components/LazyPage';
import { annualPaths } from './annual/paths';
import { annualText } from './annual/strings';
import { EvaluationPage } from './evaluation/EvaluationPage';
import { RegisterPage } from './register/RegisterPage';
import { PersonPage } from './team/PersonPage';
import { st } from './team/strings';
import { TeamOverview } from './team/TeamOverview';

// The year-end 评语 screens are opened once a year: a chunk of their own, loaded when first opened.
const AnnualTeamPage = lazyPage(() => import('./annual/AnnualTeamPage'), 'AnnualTeamPage');
const AnnualCommentPage = lazyPage(() => import('./annual/AnnualCommentPage'), 'AnnualCommentPage');

/** Next year (plans are written ahead), this year and three before; plus the one shown, if older. */
function yearChoices(current: number, shown: number): number[] {
  return [...new Set([current + 1, current, current - 1, current - 2, current - 3, shown])].sort(
    (a, b) => b - a,
  );
}

/** `?year=` when it is a plausible year, else this year. */
function yearParam(raw: string | null, fallback: number): number {
  const y = Number(raw);
  return raw !== null && Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : fallback;
}

/** 领导评鉴: the team overview, each report's materials and decisions, evaluations and registers. */
export function SupervisorWorkspace() {
  const state = useTeam();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const thisYear = currentPeriod(new Date()).year;
  const year = yearParam(params.get('year'), thisYear);
  // The year is chosen here for the overview and a person's page; evaluation and register pages carry theirs in the path.
  const rest = location.pathname.replace(/^\/supervisor\/?/, '');
  const showYear =
    state.status === 'ready' &&
    state.team.length > 0 &&
    (rest === '' || rest === 'annual' || rest.startsWith('person/'));
  const showAnnual = state.status === 'ready' && state.team.length > 0 && !rest.startsWith('annual');

  return (
    <Stack spacing={2} sx={{ pb: 8 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {st.title}
        </Typography>
        {showAnnual ? (
          <Button variant="outlined" component={Link} to={annualPaths.list(year)}>
            {annualText.navButton}
          </Button>
        ) : null}
        {showYear ? (
          <TextField
            select
            label={st.year}
            value={year}
            onChange={(e) => {
              const p = new URLSearchParams(params);
              p.set('year', String(e.target.value));
              setParams(p);
            }}
            sx={{ width: 130 }}
          >
            {yearChoices(thisYear, year).map((y) => (
              <MenuItem key={y} value={y}>
                {st.yearOption(y)}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
      </Stack>
      {state.status === 'loading' ? (
        <Loading />
      ) : state.status === 'unavailable' ? (
        <EmptyState
          title={st.unavailableTitle}
          action={
            <Button variant="contained" component={Link} to="/sync">
              {st.goSync}
            </Button>
          }
        >
          <Typography data-testid="team-unavailable">{state.reason}</Typography>
        </EmptyState>
      ) : state.team.length === 0 ? (
        <EmptyState
          title={st.noReportsTitle}
          action={
            <Button variant="outlined" component={Link} to="/sync">
              {st.goSync}
            </Button>
          }
        >
          <Typography>{st.noReports}</Typography>
        </EmptyState>
      ) : (
        <Routes>
          <Route index element={<TeamOverview me={state.me} team={state.team} year={year} />} />
          <Route path="person/:personId" element={<PersonPage team={state.team} year={year} />} />
          <Route path="evaluate/:personId/:year/:quarter" element={<EvaluationPage />} />
          <Route path="register/:year/:quarter" element={<RegisterPage />} />
          <Route
            path="annual"
            element={
              <PageSuspense>
                <AnnualTeamPage year={year} />
              </PageSuspense>
            }
          />
          <Route
            path="annual/:personId/:year"
            element={
              <PageSuspense>
                <AnnualCommentPage />
              </PageSuspense>
            }
          />
          <Route path="*" element={<TeamOverview me={state.me} team={state.team} year={year} />} />
        </Routes>
      )}
    </Stack>
  );
}
