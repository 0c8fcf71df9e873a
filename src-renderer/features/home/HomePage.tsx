import { Button, Card, CardActions, CardContent, Grid, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { readHrTodo } from '../../../shared/store';
import { useServices } from '../../state/services';
import { currentPeriod, formatChineseDate } from '../../../shared/domain';
import type { LocalProfile, Role } from '../../../shared/domain';
import { zh } from '../../i18n/zh';
import { useRoles } from '../../state/roles';

const WORKSPACE_TEXT: Record<Role, { path: string; what: string; next: string }> = {
  official: {
    path: '/official',
    what: '制定个人年度工作计划,每月填写平时考核记实簿,每季度进行个人工作小结。',
    next: '年初先制定个人年度工作计划,报主管领导核准。',
  },
  supervisor: {
    path: '/supervisor',
    what: '核准下属的年度工作计划,每季度进行领导评鉴,反馈评鉴结果,审核平时考核备案登记表。',
    next: '收到下属的数据包后,在此查看待核准的计划和待评鉴的季度。',
  },
  hr: {
    path: '/hr',
    what: '建立单位和人员名册、考核指标体系,接收并备案,督促检查,与年度考核挂钩并公示。',
    next: '先建立单位和人员名册,再将名册发放给各位公务员和主管领导。',
  },
};

/**
 * HR's next step follows the device's state: before a roster is issued, building it; after, what waits
 * for 备案 (HR's 待办 in the workspace lists the rest).
 */
function HrNextStep({ fallback }: { fallback: string }) {
  const { db } = useServices();
  const todo = useLiveQuery(() => readHrTodo(db), [db]);
  if (todo === undefined) return null;
  if (todo.roster === null) return <>{fallback}</>;
  const plans = todo.filing.reduce((n, f) => n + f.plans, 0);
  const registers = todo.filing.reduce((n, f) => n + f.registers, 0);
  const filing = [plans > 0 && `${plans}份计划`, registers > 0 && `${registers}份备案登记表`].filter(Boolean);
  return (
    <>
      {filing.length > 0
        ? `${filing.join('、')}待备案,其余待办见人事管理工作区。`
        : `名册(第${todo.roster.version}版,${todo.roster.people}人)已签发;待办见人事管理工作区。`}
    </>
  );
}

export function HomePage({ profile }: { profile: LocalProfile }) {
  const { source } = useRoles();
  const today = new Date();
  const period = currentPeriod(today);
  return (
    <Stack spacing={3}>
      <div>
        <Typography variant="h5" component="h1">
          {profile.name},您好
        </Typography>
        <Typography variant="body2" color="text.secondary">
          今天是{formatChineseDate(today)},{period.year}年第{period.quarter}季度。
        </Typography>
      </div>
      <Grid container spacing={2}>
        {source.roles.map((role) => {
          const w = WORKSPACE_TEXT[role];
          return (
            <Grid key={role} size={{ xs: 12, md: 4 }}>
              <Card variant="outlined" sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
                <CardContent sx={{ flexGrow: 1 }}>
                  <Typography variant="h6" component="h2" gutterBottom>
                    {zh.workspace[role]}
                  </Typography>
                  <Typography variant="body2" sx={{ mb: 1 }}>
                    {w.what}
                  </Typography>
                  <Typography variant="body2" color="primary">
                    下一步:{role === 'hr' ? <HrNextStep fallback={w.next} /> : w.next}
                  </Typography>
                </CardContent>
                <CardActions>
                  <Button component={Link} to={w.path}>
                    进入{zh.workspace[role]}工作区
                  </Button>
                </CardActions>
              </Card>
            </Grid>
          );
        })}
      </Grid>
    </Stack>
  );
}
