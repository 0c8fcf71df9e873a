import { Typography } from '@mui/material';
import type { LocalProfile } from '../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';

export function OfficialWorkspace({ profile }: { profile: LocalProfile }) {
  const year = new Date().getFullYear();
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        我的平时考核
      </Typography>
      <EmptyState title={`${profile.name}的${year}年度个人工作计划尚未建立`}>
        平时考核从明确任务开始:按照岗位职责规范和能力席位标准,根据单位年度工作任务,制定个人年度工作计划,
        经主管领导核准后报人事部门备案。之后每月填写平时考核记实簿,每季度进行个人工作小结。
      </EmptyState>
    </>
  );
}
