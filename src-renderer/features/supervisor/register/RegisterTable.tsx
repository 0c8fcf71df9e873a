import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { evaluationMethodLabels, quarterGradeLabels, type RegisterEntry } from '../../../../shared/domain';
import { registerText as t } from '../evaluation/strings';

/** The register's rows as the paper form has them. */
export function RegisterTable({ entries, label }: { entries: readonly RegisterEntry[]; label: string }) {
  return (
    <TableContainer>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {t.columns.map((c) => (
              <TableCell key={c}>{c}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((e) => (
            <TableRow key={e.personId}>
              <TableCell>{e.name}</TableCell>
              <TableCell>{e.post}</TableCell>
              <TableCell>{evaluationMethodLabels[e.method]}</TableCell>
              <TableCell>
                {e.score !== undefined
                  ? `${e.score}分(${quarterGradeLabels[e.grade]})`
                  : quarterGradeLabels[e.grade]}
              </TableCell>
              <TableCell>{e.bonus ? t.bonus(e.bonus) : t.none}</TableCell>
              <TableCell>
                {e.feedbackWay}
                {e.feedbackDate ? ` ${e.feedbackDate}` : ''}
              </TableCell>
              <TableCell>{e.remark ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
