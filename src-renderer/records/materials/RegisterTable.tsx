import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { evaluationMethodLabels, quarterGradeLabels, type RegisterEntry } from '../../../shared/domain';

const columns = ['姓名', '职务职级', '评鉴方式', '分值或等次', '加分', '反馈方式及日期', '备注'] as const;

/** The 平时考核备案登记表's rows as the paper form has them: the supervisor's page and HR's panel. */
export function RegisterTable({ entries, label }: { entries: readonly RegisterEntry[]; label: string }) {
  return (
    <TableContainer>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
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
              <TableCell>{e.bonus ? `${e.bonus}分` : '无'}</TableCell>
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
