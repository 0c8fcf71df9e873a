import { useLiveQuery } from 'dexie-react-hooks';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { describeFact, findPerson } from '../../../shared/sync/model';
import { getCurrentRoster, getSelfIdentity } from '../../../shared/store';
import { useServices } from '../../app/services';
import { zh } from '../../i18n/zh';
import { Section } from '../../components/Section';

const t = zh.sync.hr;

/** What reached HR through bundles: each record version and its author (relays never re-sign). */
export function ReceivedPanel() {
  const { db } = useServices();
  const rows = useLiveQuery(async () => {
    const me = await getSelfIdentity(db);
    const roster = (await getCurrentRoster(db))?.roster;
    const facts = (await db.facts.toArray()).filter((f) => f.device !== me?.device);
    return facts
      .sort((a, b) => a.recordKey.localeCompare(b.recordKey) || a.counter - b.counter)
      .map((f) => ({
        id: f.id,
        label: describeFact(roster, f),
        author: (roster && findPerson(roster, f.author)?.name) ?? f.author,
      }));
  }, [db]);
  return (
    <Section id="hr-received" title={t.received}>
      {rows && rows.length === 0 ? <Typography variant="body2">{t.receivedEmpty}</Typography> : null}
      {rows && rows.length > 0 ? (
        <Table size="small" aria-label={t.received}>
          <TableHead>
            <TableRow>
              {t.receivedCols.map((c) => (
                <TableCell key={c}>{c}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} data-testid="received-row">
                <TableCell>{r.label}</TableCell>
                <TableCell>{r.author}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Section>
  );
}
