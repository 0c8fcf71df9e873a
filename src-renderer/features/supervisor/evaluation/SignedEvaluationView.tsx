/** A signed 领导评鉴's versions, each with its correction's reason; the version itself is records/'s view. */
import { Button, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { quarterGradeLabels, type SignedEvaluation } from '../../../../shared/domain';
import { dateTimeOf } from '../../../records/supervisor-forms';
import { evalText as t } from './strings';

// The signed version, read-only: shared with HR's material panel.
export { SignedEvaluationView } from '../../../records/materials/SignedEvaluationView';

export function EvaluationVersions({
  versions,
  onExport,
  busy,
}: {
  versions: readonly SignedEvaluation[];
  onExport: (e: SignedEvaluation) => void;
  busy: boolean;
}) {
  return (
    <Paper component="section" aria-labelledby="eval-versions" sx={{ p: 2 }}>
      <Typography id="eval-versions" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t.versions}
      </Typography>
      <List dense data-testid="evaluation-versions">
        {[...versions].reverse().map((v) => (
          <ListItem
            key={v.id}
            divider
            secondaryAction={
              <Button size="small" onClick={() => onExport(v)} disabled={busy}>
                {t.exportVersion(v.version)}
              </Button>
            }
          >
            <ListItemText
              primary={`${t.versionLine(v.version, v.evaluatorName, dateTimeOf(v.signedAt))} · ${
                v.resultScore !== undefined ? `${t.points(v.resultScore)},` : ''
              }${quarterGradeLabels[v.resultGrade]}`}
              secondary={
                v.correctionOf
                  ? t.correctionOf(v.correctionOf.version, v.correctionOf.reason)
                  : t.firstVersion
              }
              sx={{ pr: 14 }}
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
