import { useState } from 'react';
import { Alert, Box, Button, LinearProgress, Typography } from '@mui/material';
import { EXAMPLE_SIZE, loadExampleData, type SeedProgress } from '../../../shared/seed';
import { useServices } from '../../state/services';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotifications } from '../../state/notifications';
import { ensureUnlocked, isCancelled } from '../../key-store/keyStore';
import { KeyStoreDialog } from '../../key-store/KeyStoreDialog';

const STEP_LABELS: Readonly<Record<SeedProgress['step'], string>> = {
  organisation: '生成单位和人员',
  keys: '生成每个人的签名密钥',
  roster: '签发人员名册',
  records: '生成计划、记实簿、评鉴等记录',
  bundles: '打包主管领导发给人事部门的数据包',
  import: '导入并逐条核验签名',
};

/**
 * 载入示例数据: a new user sees a living app — an example organisation whose records arrive through
 * the same signed bundles as real ones, with this device as its 人事部门.
 */
export function ExampleDataButton() {
  const { db, host } = useServices();
  const { reportError, notify } = useNotifications();
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<SeedProgress | null>(null);

  const load = async () => {
    setConfirming(false);
    try {
      await ensureUnlocked(host);
      setProgress({ step: 'organisation', done: 0, total: 1 });
      const result = await loadExampleData({ db, host }, { onProgress: setProgress });
      notify({
        kind: 'success',
        text: `已载入示例数据:${result.counts.people}人,${result.counts.facts}条记录`,
      });
    } catch (e) {
      if (!isCancelled(e)) reportError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Box sx={{ mt: 3, pt: 2, borderTop: 1, borderColor: 'divider' }}>
      <KeyStoreDialog />
      <Typography variant="body2" color="text.secondary" gutterBottom>
        想先看看软件用起来是什么样子?可以载入一个示例单位({EXAMPLE_SIZE.units}个科室、约{EXAMPLE_SIZE.people}
        人、
        {EXAMPLE_SIZE.years}年的计划、记实簿、评鉴和备案登记表),本机将作为示例单位的人事部门。
      </Typography>
      <Button variant="outlined" onClick={() => setConfirming(true)} disabled={progress !== null}>
        载入示例数据
      </Button>
      {progress ? (
        <Box sx={{ mt: 2 }} role="status" aria-live="polite">
          <Typography variant="body2">
            {STEP_LABELS[progress.step]}
            {progress.total > 1 ? `(${progress.done}/${progress.total})` : '…'}
          </Typography>
          <LinearProgress
            variant={progress.total > 1 ? 'determinate' : 'indeterminate'}
            value={progress.total > 1 ? (progress.done / progress.total) * 100 : 0}
            aria-label="载入进度"
          />
        </Box>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title="载入示例数据"
        confirmText="载入"
        onConfirm={() => void load()}
        onCancel={() => setConfirming(false)}
      >
        <Alert severity="info">
          示例数据只用于熟悉软件,人员和内容均为虚构。载入后本机是示例单位的人事部门;正式使用时,请在新的电脑或重新安装后建立本人的档案。
        </Alert>
      </ConfirmDialog>
    </Box>
  );
}
