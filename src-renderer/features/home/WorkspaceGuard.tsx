import type { ReactNode } from 'react';
import { Button } from '@mui/material';
import { Link } from 'react-router';
import type { LocalProfile, Role } from '../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { zh } from '../../i18n/zh';

/** A workspace opened by address without its role explains itself instead of showing an empty page. */
export function WorkspaceGuard({ profile, role, children }: { profile: LocalProfile; role: Role; children: ReactNode }) {
  if (profile.roles.includes(role)) return <>{children}</>;
  return (
    <EmptyState
      title={`当前档案不具有“${zh.workspace[role]}”角色`}
      action={
        <Button component={Link} to="/settings" variant="contained">
          前往设置
        </Button>
      }
    >
      如果您在平时考核中承担此角色,请在“设置 → 个人档案”中勾选后再进入。
    </EmptyState>
  );
}
