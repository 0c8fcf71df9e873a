/** 领导评鉴 of one report for one quarter: the form (or the signed version), the evidence, the feedback. */
import { useState } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { Alert, Button, Grid, Stack } from '@mui/material';
import { presets, type Quarter, type SignedEvaluation } from '../../../../shared/domain';
import {
  getActiveConfig,
  getEvaluationDraft,
  listEvaluationVersions,
  rulesFor,
  saveEvaluationDraft,
  type TeamMember,
} from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { EmptyState } from '../../../components/EmptyState';
import { useNotifications } from '../../../state/notifications';
import { LockedBanner, Loading, PageHeader, StateChip } from '../../../components/page-parts';
import { useLiveFor } from '../../../components/useLiveFor';
import { usePersonYear, useTeam } from '../data';
import { FeedbackDialog } from '../feedback/FeedbackDialog';
import { FeedbackList } from '../feedback/FeedbackList';
import { evaluationDocument, rosterPersonHeader } from '../../../records/supervisor-forms';
import { EvaluationEditor } from './EvaluationEditor';
import { formFromSigned } from './form';
import { QuarterEvidence, evidenceOf } from './QuarterEvidence';
import { EvaluationVersions, SignedEvaluationView } from './SignedEvaluationView';
import { evalText as t } from './strings';
import { useExportWord } from './useExportWord';

const isQuarter = (n: number): n is Quarter => n === 1 || n === 2 || n === 3 || n === 4;

export function EvaluationPage() {
  const params = useParams();
  const personId = params.personId ?? '';
  const year = Number(params.year);
  const quarter = Number(params.quarter);
  const team = useTeam();
  if (!Number.isInteger(year) || year < 2000 || year > 2100 || !isQuarter(quarter)) {
    return <EmptyState title={t.badAddress}>{t.badAddress}</EmptyState>;
  }
  if (team.status === 'loading') return <Loading />;
  if (team.status === 'unavailable') return <Alert severity="warning">{team.reason}</Alert>;
  const subject = team.team.find((p) => p.id === personId);
  if (!subject) return <Alert severity="warning">{t.notReport}</Alert>;
  return (
    <EvaluationScreen
      key={`${personId}-${year}-${quarter}`}
      me={team.me}
      team={team.team}
      subject={subject}
      year={year}
      quarter={quarter}
    />
  );
}

type ScreenProps = {
  me: { id: string };
  team: readonly TeamMember[];
  subject: TeamMember;
  year: number;
  quarter: Quarter;
};

/** Where the quarter's register lives, beside this page's route (`…/evaluate/:id/:y/:q` → `…/register/:y/:q`). */
function useRegisterPath(year: number, quarter: number): string {
  const { pathname } = useLocation();
  const base = pathname.replace(/\/evaluate\/[^/]+\/[^/]+\/[^/]+\/?$/, '');
  return `${base}/register/${year}/${quarter}`;
}

function EvaluationScreen({ me, team, subject, year, quarter }: ScreenProps) {
  const { db } = useServices();
  const { notify, reportError } = useNotifications();
  const { busy: exporting, exportWord } = useExportWord();
  const [feedbackOpen, setFeedbackOpen] = useState(false);
  const registerPath = useRegisterPath(year, quarter);

  const rules = useLiveFor(
    `rules-${subject.positionCategory}-${subject.rankLevel}`,
    async () => {
      const r = await rulesFor(db, subject);
      const basis =
        r.source === 'roster' ? t.rosterRules : presets[(await getActiveConfig(db)).presetId].name;
      return { ...r, basis };
    },
    [db, subject.positionCategory, subject.rankLevel],
  );
  const ids = team.map((p) => p.id).join(',');
  const data = useLiveFor(
    `${subject.id}-${year}-${quarter}-${ids}`,
    async () => {
      const [draft, versions, ofTeam] = await Promise.all([
        getEvaluationDraft(db, subject.id, year, quarter),
        listEvaluationVersions(db, subject.id, year, quarter),
        Promise.all(team.map((p) => listEvaluationVersions(db, p.id, year, quarter))),
      ]);
      return { draft, versions, teamEvaluations: ofTeam.flat() };
    },
    [db, subject.id, year, quarter, ids],
  );
  const personYear = usePersonYear(subject.id, year);

  if (!rules || !data || !personYear) return <Loading />;
  const { config, template, basis } = rules;
  const latest: SignedEvaluation | undefined = data.versions[data.versions.length - 1];
  const editing = !latest || data.draft !== undefined;
  const evidence = evidenceOf(personYear, quarter);
  const feedback = personYear.feedback.filter((f) => f.quarter === quarter);
  const person = rosterPersonHeader(subject);

  const startCorrection = async (from: SignedEvaluation) => {
    try {
      await saveEvaluationDraft(db, {
        evaluator: me.id,
        subject: subject.id,
        year,
        quarter,
        form: formFromSigned(from),
      });
      notify({ kind: 'info', text: t.correctStarted });
    } catch (e) {
      reportError(e);
    }
  };
  const exportVersion = (e: SignedEvaluation) =>
    void exportWord(evaluationDocument(e, person, config, template));

  const main = editing ? (
    <EvaluationEditor
      key={`edit-${latest?.version ?? 0}`}
      me={me}
      subject={subject}
      team={team}
      year={year}
      quarter={quarter}
      config={config}
      template={template}
      basis={basis}
      draft={data.draft}
      signed={latest}
      teamEvaluations={data.teamEvaluations}
      evidence={evidence}
    />
  ) : (
    <Stack spacing={2}>
      <PageHeader
        title={t.heading(subject.name, year, quarter)}
        chip={<StateChip label={t.signedChip(latest.version)} tone="success" />}
        actions={
          <>
            <Button component={RouterLink} to={registerPath} variant="text">
              {t.registerLink}
            </Button>
            <Button variant="outlined" onClick={() => exportVersion(latest)} disabled={exporting}>
              {t.exportWord}
            </Button>
            <Button variant="contained" onClick={() => void startCorrection(latest)}>
              {t.correct}
            </Button>
          </>
        }
      />
      <LockedBanner>{t.lockedNote}</LockedBanner>
      <SignedEvaluationView evaluation={latest} config={config} template={template} />
      <EvaluationVersions versions={data.versions} onExport={exportVersion} busy={exporting} />
    </Stack>
  );

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Stack spacing={2}>
          {main}
          <FeedbackList rows={feedback} {...(latest ? { onAdd: () => setFeedbackOpen(true) } : {})} />
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <QuarterEvidence data={personYear} quarter={quarter} />
      </Grid>
      <FeedbackDialog
        open={feedbackOpen}
        onClose={() => setFeedbackOpen(false)}
        personId={subject.id}
        personName={subject.name}
        year={year}
        quarter={quarter}
      />
    </Grid>
  );
}
