import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { describeFact, findPerson } from '../../../shared/sync';
import { getCurrentRoster, getSelfIdentity } from '../../../shared/store';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { Section } from '../../components/Section';

const t = zh.sync.hr;

/** Records read per page: the list is walked in recordKey order through its index, never read whole. */
const PAGE = 100;

/**
 * What reached HR through bundles: each record version and its author (relays never re-sign), in
 * record order, a page at a time — an organisation's database holds hundreds of thousands of facts,
 * so the panel reads only as many as it shows.
 */
export function ReceivedPanel() {
  const { db } = useServices();
  const [limit, setLimit] = useState(PAGE);
  const page = useLiveQuery(async () => {
    const me = await getSelfIdentity(db);
    const roster = (await getCurrentRoster(db))?.roster;
    // One more than shown: whether there is a next page.
    const facts = await db.facts
      .orderBy('recordKey')
      .filter((f) => f.device !== me?.device)
      .limit(limit + 1)
      .toArray();
    const rows = facts
      .slice(0, limit)
      .sort((a, b) =>
        a.recordKey < b.recordKey ? -1 : a.recordKey > b.recordKey ? 1 : a.counter - b.counter,
      )
      .map((f) => ({
        id: f.id,
        label: describeFact(roster, f),
        author: (roster && findPerson(roster, f.author)?.name) ?? f.author,
      }));
    return { rows, more: facts.length > limit };
  }, [db, limit]);
  const rows = page?.rows;
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
      {page?.more ? (
        <Button size="small" onClick={() => setLimit((n) => n + PAGE)}>
          {t.receivedMore(PAGE)}
        </Button>
      ) : null}
    </Section>
  );
}
