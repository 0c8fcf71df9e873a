import { Typography } from '@mui/material';
import { EmptyState } from '../../components/EmptyState';

export function SupervisorWorkspace() {
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        领导评鉴
      </Typography>
      <EmptyState title="还没有收到下属的平时考核材料">
        下属的个人年度工作计划、平时考核记实簿和季度个人工作小结通过数据包(U 盘)送达。导入后,待核准的计划和待评鉴的季度会列在这里。
      </EmptyState>
    </>
  );
}
