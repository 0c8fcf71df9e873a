import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { describeError } from '../../../shared/errors/messages.zh';
import { fingerprintHex } from '../../../shared/sync';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { ENROLL_FILTER } from '../../bundles/files';
import { Fingerprint } from '../../bundles/Fingerprint';
import { Section } from '../../components/Section';
import { useEnrollments } from './enrollments';
import { bindRequest, readRequest, type PendingEnrollment } from './org-service';

const t = zh.sync.hr;

/** Requests brought in on USB sticks: compare each fingerprint, then say which person it is. */
export function EnrollmentPanel() {
  const { host } = useServices();
  const { reportError } = useNotifications();
  const { pending, add } = useEnrollments();
  const [problems, setProblems] = useState<string[]>([]);

  const importFiles = async () => {
    try {
      const files = await host.openFiles({ multiple: true, kind: 'enrollment', filters: [ENROLL_FILTER] });
      const read: PendingEnrollment[] = [];
      const bad: string[] = [];
      for (const f of files) {
        try {
          read.push(await readRequest(f.data));
        } catch (e) {
          bad.push(`${f.name}:${describeError(e).detail}`);
        }
      }
      add(read);
      setProblems(bad);
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <Section id="hr-enrollments" title={t.enrollments} help={t.enrollHelp}>
      <Box>
        <Button variant="outlined" onClick={() => void importFiles()}>
          {t.importEnroll}
        </Button>
      </Box>
      {problems.map((p) => (
        <Alert key={p} severity="error">
          {p}
        </Alert>
      ))}
      {pending.length === 0 ? <Typography variant="body2">{t.noRequests}</Typography> : null}
      {pending.map((p) => (
        <RequestRow key={p.request.signingPub} pending={p} />
      ))}
    </Section>
  );
}

function RequestRow({ pending }: { pending: PendingEnrollment }) {
  const { db } = useServices();
  const { bind, renamePerson } = useEnrollments();
  const people = useLiveQuery(() => db.people.toArray(), [db]) ?? [];
  const { request } = pending;
  const sameName = people.find((p) => p.name === request.personName);
  const [picked, setPicked] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const choice = picked || sameName?.id || '';
  const boundName = pending.boundTo ? people.find((p) => p.id === pending.boundTo)?.name : undefined;

  const doBind = async () => {
    setError(null);
    try {
      const id = await bindRequest(db, pending, choice);
      if (id !== choice) renamePerson(choice, id);
      bind(request.signingPub, id);
    } catch (e) {
      const d = describeError(e);
      setError(d.fields[0]?.message ?? d.detail);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="enrollment-request" aria-label={`注册申请:${request.personName}`} role="group">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography sx={{ minWidth: 180 }}>{t.requestFrom(request.personName, request.unitName)}</Typography>
        <Fingerprint value={fingerprintHex(request.signingPub)} size="small" testId="request-fingerprint" />
        <Box sx={{ flexGrow: 1 }} />
        {boundName ? (
          <Typography color="success.main">{t.bound(boundName)}</Typography>
        ) : (
          <>
            <TextField select size="small" label={t.bindTo} value={choice} onChange={(e) => setPicked(e.target.value)} sx={{ width: 200, flex: '0 0 auto' }}>
              {people.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.name}
                </MenuItem>
              ))}
            </TextField>
            <Button variant="contained" size="small" disabled={!choice} onClick={() => void doBind()}>
              {t.bind}
            </Button>
          </>
        )}
      </Stack>
      {!boundName && !choice ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          {t.noSuchPerson(request.personName)}
        </Alert>
      ) : null}
      {error ? (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      ) : null}
    </Paper>
  );
}
