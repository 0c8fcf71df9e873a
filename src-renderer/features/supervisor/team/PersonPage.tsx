/**
 * One direct report's year: who they are, then 年度工作计划 / 记实簿 / 季度评鉴 as tabs. The tab and
 * the month opened live in the address (`?year=2026&tab=record&month=3`), so the 待办 list can link
 * straight to the place where each thing is done.
 */
import { Box, Breadcrumbs, Link as MuiLink, Stack, Tab, Tabs, Typography } from '@mui/material';
import { Link, useParams, useSearchParams } from 'react-router';
import { rankLevelLabel } from '../../../../shared/domain';
import type { TeamMember } from '../../../../shared/store';
import { EmptyState } from '../../../components/EmptyState';
import { Loading } from '../../../components/page-parts';
import { usePersonYear } from '../data';
import { supervisorPaths, type PersonTab } from './links';
import { PlanReview } from './PlanReview';
import { QuarterReview } from './QuarterReview';
import { RecordReview } from './RecordReview';
import { st } from './strings';

const t = st.person;

const TABS: readonly PersonTab[] = ['plan', 'record', 'quarters'];

export function PersonPage({ team, year }: { team: readonly TeamMember[]; year: number }) {
  const { personId = '' } = useParams();
  const person = team.find((p) => p.id === personId);
  if (!person) {
    return (
      <EmptyState
        title={t.notInTeam}
        action={
          <MuiLink component={Link} to={supervisorPaths.overview(year)}>
            {st.back}
          </MuiLink>
        }
      >
        <Typography>{t.notInTeamDetail}</Typography>
      </EmptyState>
    );
  }
  return <PersonYearView key={`${person.id}-${year}`} person={person} year={year} />;
}

function PersonYearView({ person, year }: { person: TeamMember; year: number }) {
  const data = usePersonYear(person.id, year);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as PersonTab | null;
  const tab: PersonTab = requested && TABS.includes(requested) ? requested : 'plan';
  const monthParam = Number(params.get('month'));
  const month = Number.isInteger(monthParam) && monthParam >= 1 && monthParam <= 12 ? monthParam : null;

  const go = (next: PersonTab, nextMonth?: number) => {
    const p = new URLSearchParams(params);
    p.set('tab', next);
    if (nextMonth) p.set('month', String(nextMonth));
    else p.delete('month');
    setParams(p);
  };

  return (
    <Stack spacing={2}>
      <Breadcrumbs aria-label={st.navLabel}>
        <MuiLink component={Link} to={supervisorPaths.overview(year)}>
          {st.overview.heading(year)}
        </MuiLink>
        <Typography color="text.primary" aria-current="page">
          {person.name}
        </Typography>
      </Breadcrumbs>
      <Box>
        <Typography variant="h6" component="h2" sx={{ fontWeight: 600 }}>
          {person.name}
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="person-facts">
          {[
            `${t.unit}:${person.unitName || '—'}`,
            `${t.rank}:${rankLevelLabel(person.rankLevel)}`,
            ...(person.title ? [person.title] : []),
          ].join(' · ')}
        </Typography>
      </Box>
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs value={tab} onChange={(_, v: PersonTab) => go(v)} aria-label={t.tabsLabel}>
          {TABS.map((k) => (
            <Tab
              key={k}
              value={k}
              label={t.tabs[k]}
              id={`person-tab-${k}`}
              aria-controls={`person-panel-${k}`}
            />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id={`person-panel-${tab}`} aria-labelledby={`person-tab-${tab}`}>
        {!data ? (
          <Loading />
        ) : tab === 'plan' ? (
          <PlanReview person={person} year={year} plan={data.plan} />
        ) : tab === 'record' ? (
          <RecordReview
            person={person}
            year={year}
            records={data.records}
            planItems={data.plan?.items ?? []}
            month={month}
            onOpen={(m) => go('record', m)}
          />
        ) : (
          <QuarterReview person={person} year={year} data={data} />
        )}
      </Box>
    </Stack>
  );
}
