import { Typography } from '@mui/material';
import { EmptyState } from '../../components/EmptyState';

export function HrWorkspace() {
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        人事管理
      </Typography>
      <EmptyState title="尚未建立单位和人员名册">
        人事部门先建立单位、人员及主管领导关系,选定考核指标体系,再将签名的名册发放给各位公务员和主管领导。之后在这里接收、备案、督促检查。
      </EmptyState>
    </>
  );
}
