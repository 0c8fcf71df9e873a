import { useLiveQuery } from 'dexie-react-hooks';
import { Box, Button, GlobalStyles, Paper, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { auditOutput, getPinnedHr } from '../../../shared/store';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { chineseDate } from '../../components/dates';
import { readOrg } from './org-service';

const t = zh.sync.notice;

/** On paper: navigation and buttons are left off, the notice fills the page. */
const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        '.MuiAppBar-root, .MuiDrawer-root, .MuiSnackbar-root, main > .MuiToolbar-root, [data-print="hide"]': {
          display: 'none !important',
        },
        'main.MuiBox-root': { padding: '0 !important' },
        '[data-print="sheet"]': { border: 'none !important', boxShadow: 'none !important' },
        body: { background: '#fff' },
      },
    }}
  />
);

/**
 * 人事部门密钥指纹通知: printed and handed out (or posted), so that each person can compare the
 * fingerprint their screen shows before trusting HR's roster. The key is read from this device's
 * pin of its own organisation key, so printing needs no passphrase.
 */
export function KeyNoticePage() {
  const { db } = useServices();
  const data = useLiveQuery(async () => ({ org: await readOrg(db), pinned: await getPinnedHr(db) }), [db]);
  if (!data) return null;
  const { org, pinned } = data;
  return (
    <>
      {printStyles}
      <Stack direction="row" spacing={1.5} sx={{ mb: 2 }} data-print="hide">
        <Button variant="contained" onClick={() => {
            window.print();
            void auditOutput(db, { kind: 'print', what: '人事部门密钥指纹通知' });
          }} disabled={!pinned}>
          {t.print}
        </Button>
        <Button component={RouterLink} to="/hr">
          {t.back}
        </Button>
      </Stack>
      <Paper variant="outlined" data-print="sheet" sx={{ maxWidth: 720, p: 6 }}>
        <Typography variant="h4" component="h1" align="center" sx={{ fontWeight: 700, mb: 4 }}>
          {t.title}
        </Typography>
        {pinned && org ? (
          <Stack spacing={3}>
            <Typography variant="h6" component="p" data-testid="notice-org">
              {org.name}
            </Typography>
            <Typography>{t.to}</Typography>
            <Typography sx={{ textIndent: '2em', lineHeight: 2 }}>{t.body}</Typography>
            <Box sx={{ textAlign: 'center', border: 2, borderColor: 'text.primary', borderRadius: 1, py: 3 }}>
              <Typography variant="body2" sx={{ mb: 1 }}>
                {t.fingerprint}
              </Typography>
              <Typography
                data-testid="hr-fingerprint"
                sx={{ fontFamily: '"DejaVu Sans Mono", Consolas, monospace', fontSize: 40, fontWeight: 700, letterSpacing: '0.08em' }}
              >
                {pinned.fingerprint}
              </Typography>
            </Box>
            <Typography sx={{ fontWeight: 700, textIndent: '2em', lineHeight: 2 }}>{t.check}</Typography>
            <Typography sx={{ textIndent: '2em', lineHeight: 2 }}>{t.mismatch}</Typography>
            <Box sx={{ alignSelf: 'flex-end', textAlign: 'right', pt: 4 }}>
              <Typography>{t.signer(org.name)}</Typography>
              <Typography data-testid="notice-date">{chineseDate()}</Typography>
            </Box>
          </Stack>
        ) : (
          <Typography>{t.noKey}</Typography>
        )}
      </Paper>
    </>
  );
}
