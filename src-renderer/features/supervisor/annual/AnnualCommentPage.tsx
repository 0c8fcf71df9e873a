/** One report's 年度考核: the 年度个人总结 and quarters beside the supervisor's 评语和考核等次建议. */
import { Alert, Box, Button, Grid, Paper, Stack, Typography } from '@mui/material';
import { Link as RouterLink, useParams } from 'react-router';
import type { TeamMember } from '../../../../shared/store';
import { EmptyState } from '../../../components/EmptyState';
import { LockedBanner, Loading, PageHeader, StateChip } from '../../../components/page-parts';
import { useNotifications } from '../../../state/notifications';
import { CommentEditor } from './CommentEditor';
import { commentMirrorKey, useAnnualPerson, useCommentActions, useYearTeam, type SignedCommentView } from './data';
import { blankComment, suggestionLabel } from './form';
import { annualPaths } from './paths';
import { annualText as t } from './strings';
import { YearEvidence } from './YearEvidence';

export function AnnualCommentPage() {
  const params = useParams();
  const personId = params.personId ?? '';
  const year = Number(params.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    return <EmptyState title={t.badAddress}>{t.badAddress}</EmptyState>;
  }
  return <YearSubject personId={personId} year={year} />;
}

/** The person, if this supervisor supervised them on some day of the year (the signing rule's own test). */
function YearSubject({ personId, year }: { personId: string; year: number }) {
  const team = useYearTeam(year);
  if (!team) return <Loading />;
  const subject = team.find((p) => p.id === personId);
  if (!subject) return <Alert severity="warning">{t.notReport}</Alert>;
  return <CommentScreen key={`${personId}-${year}`} subject={subject} year={year} />;
}

function CommentScreen({ subject, year }: { subject: TeamMember; year: number }) {
  const data = useAnnualPerson(subject.id, year);
  const actions = useCommentActions(subject, year);
  const { notify, reportError } = useNotifications();
  if (!data) return <Loading />;
  const latest = data.signed;
  const editing = !latest || data.draft !== undefined;

  const startCorrection = async (from: SignedCommentView) => {
    try {
      await actions.saveDraft({ comment: from.comment, suggestion: from.suggestion });
      notify({ kind: 'info', text: t.correctStarted });
    } catch (e) {
      reportError(e);
    }
  };

  const main = editing ? (
    <CommentEditor
      key={`edit-${latest?.version ?? 0}`}
      name={subject.name}
      year={year}
      mirrorKey={commentMirrorKey(subject.id, year)}
      initial={data.draft?.form ?? blankComment}
      storedAt={data.draft?.updatedAt}
      correcting={latest?.version}
      saveDraft={actions.saveDraft}
      sign={actions.sign}
      {...(latest ? { abandon: actions.discardDraft } : {})}
    />
  ) : (
    <Stack spacing={2}>
      <PageHeader
        title={t.heading(subject.name, year)}
        chip={<StateChip label={t.signedChip(latest.version)} tone="success" />}
        actions={
          <Button variant="contained" onClick={() => void startCorrection(latest)}>
            {t.correct}
          </Button>
        }
      />
      <LockedBanner>{t.lockedNote}</LockedBanner>
      <Paper variant="outlined" sx={{ p: 2 }} data-testid="annual-comment-signed">
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {t.formTitle}
        </Typography>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', my: 1 }}>
          {latest.comment}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: '9em 1fr', gap: 0.5 }}>
          <Typography variant="body2" color="text.secondary">
            {t.suggestion}
          </Typography>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {suggestionLabel(latest.suggestion)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t.signedOn}
          </Typography>
          <Typography variant="body2">{latest.signedOn}</Typography>
          <Typography variant="body2" color="text.secondary">
            {t.signedBy}
          </Typography>
          <Typography variant="body2">{latest.supervisorName}</Typography>
        </Box>
      </Paper>
    </Stack>
  );

  return (
    <Stack spacing={1}>
      <Box>
        <Button component={RouterLink} to={annualPaths.list(year)} size="small">
          {t.backToList}
        </Button>
      </Box>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>{main}</Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <YearEvidence summary={data.summary} quarters={data.quarters} />
        </Grid>
      </Grid>
    </Stack>
  );
}
