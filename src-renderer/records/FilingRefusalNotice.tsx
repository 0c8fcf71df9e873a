/**
 * How HR's 不予备案(退回) reads to the person it goes back to — the official for a plan, the supervisor
 * for a register — and to the supervisor about a report's plan: what was refused, the reason, the
 * date and 经办人, and what to do next.
 */
import { Alert, AlertTitle, Typography } from '@mui/material';
import { filedKindLabels, refusalNextStep, type FilingRefusal } from '../../shared/domain';

export const refusalText = {
  title: '人事部门不予备案(已退回)',
  what: (r: Pick<FilingRefusal, 'what' | 'year' | 'quarter' | 'version'>, name?: string) =>
    `${name ? `${name}的` : ''}${r.year}年${r.what === 'register' ? `第${r.quarter}季度` : ''}${filedKindLabels[r.what]}(第${r.version}版)`,
  reason: (reason: string) => `原因:${reason}`,
  when: (refusedAt: string, clerk: string) => `${refusedAt.slice(0, 10)} 退回,经办人:${clerk}`,
  chip: (refusedAt: string) => `不予备案(${refusedAt.slice(0, 10)})`,
} as const;

type Props = {
  refusal: Pick<FilingRefusal, 'what' | 'year' | 'quarter' | 'version' | 'reason' | 'refusedAt' | 'clerk'>;
  /** Whose material, when it is not the reader's own. */
  name?: string;
  /** What to do next, when the reader is not the one who corrects it (the supervisor about a plan). */
  next?: string;
};

export function FilingRefusalNotice({ refusal, name, next }: Props) {
  return (
    <Alert severity="warning" data-testid="filing-refusal" role="status">
      <AlertTitle>
        {refusalText.title}:{refusalText.what(refusal, name)}
      </AlertTitle>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {refusalText.reason(refusal.reason)}
      </Typography>
      <Typography variant="body2">{refusalText.when(refusal.refusedAt, refusal.clerk)}</Typography>
      <Typography variant="body2" sx={{ fontWeight: 600, mt: 0.5 }}>
        {next ?? refusalNextStep[refusal.what]}
      </Typography>
    </Alert>
  );
}
