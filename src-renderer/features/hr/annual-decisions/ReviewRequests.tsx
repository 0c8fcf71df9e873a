/** 复核申请: every 本人意见 of 有异议, in the official's own words; the open ones first. */
import { Button, List, ListItem, Paper, Stack, Typography } from '@mui/material';
import { StateChip } from '../../../components/page-parts';
import { awaitingReview, outcomeLabel, type DeskRow } from './rows';
import { decisionText as t } from './strings';

export function ReviewRequests({ rows, onOpen }: { rows: readonly DeskRow[]; onOpen: (r: DeskRow) => void }) {
  const requests = rows
    .filter((r) => r.decision && r.opinion && !r.opinion.agree)
    .sort((a, b) => Number(awaitingReview(b)) - Number(awaitingReview(a)));
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="review-heading"
      sx={{ p: 2 }}
      data-testid="review-requests"
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
        <Typography id="review-heading" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {t.reviewTitle}
        </Typography>
        {requests.length > 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t.reviewCount(requests.filter(awaitingReview).length, requests.length)}
          </Typography>
        ) : null}
      </Stack>
      {requests.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {t.reviewNone}
        </Typography>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {t.reviewIntro}
          </Typography>
          <List dense aria-labelledby="review-heading">
            {requests.map((r) => {
              const pending = awaitingReview(r);
              return (
                <ListItem
                  key={r.row.personId}
                  divider
                  data-testid={`review-${r.row.personId}`}
                  sx={{ alignItems: 'flex-start', gap: 1.5, flexWrap: 'wrap' }}
                >
                  <Stack spacing={0.5} sx={{ flex: '1 1 480px', minWidth: 0 }}>
                    <Stack
                      direction="row"
                      spacing={1}
                      useFlexGap
                      sx={{ alignItems: 'center', flexWrap: 'wrap' }}
                    >
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {t.reviewOf(r.row.name, r.unit.unitName, outcomeLabel(r.decision!.outcome))}
                      </Typography>
                      <StateChip
                        label={pending ? t.reviewPending : t.reviewDone(r.decision!.version)}
                        tone={pending ? 'error' : 'default'}
                      />
                      <Typography variant="caption" color="text.secondary">
                        {t.reviewSigned(r.opinion!.signedOn)}
                      </Typography>
                    </Stack>
                    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {r.opinion!.text}
                    </Typography>
                  </Stack>
                  {pending ? (
                    <Button size="small" variant="outlined" onClick={() => onOpen(r)}>
                      {t.reviewAct}
                    </Button>
                  ) : null}
                </ListItem>
              );
            })}
          </List>
        </>
      )}
    </Paper>
  );
}
