import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { feedbackKindLabels, type FeedbackRow } from '../../../../shared/domain';
import { dateTimeOf } from '../../../records/supervisor-forms';
import { evalText as t } from '../evaluation/strings';

/** The quarter's 评鉴结果反馈, each with the official's 签署意见 once it has arrived. */
export function FeedbackList({ rows, onAdd }: { rows: readonly FeedbackRow[]; onAdd?: () => void }) {
  return (
    <Paper component="section" aria-labelledby="feedback-list" sx={{ p: 2 }} data-testid="feedback-list">
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography
          id="feedback-list"
          variant="subtitle1"
          component="h3"
          sx={{ fontWeight: 600, flexGrow: 1 }}
        >
          {t.feedbackList}
        </Typography>
        {onAdd ? (
          <Button variant="outlined" size="small" onClick={onAdd}>
            {t.feedbackAdd}
          </Button>
        ) : null}
      </Stack>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t.feedbackNone}
        </Typography>
      ) : (
        <Stack spacing={1.5}>
          {rows.map((f) => (
            <Box key={f.id} component="article" sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {t.feedbackHead(feedbackKindLabels[f.kind], f.date, f.place)}
              </Typography>
              <Typography variant="body2">
                {t.feedbackParticipants}:{f.participants}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {t.feedbackContent}:{f.content}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {t.feedbackImprove}:{f.improvements}
              </Typography>
              {f.ack ? (
                <Alert severity="success" variant="outlined" sx={{ mt: 0.5, py: 0 }}>
                  {t.ackArrived(f.ack.text, dateTimeOf(f.ack.at))}
                </Alert>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {t.ackPending}
                </Typography>
              )}
            </Box>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
