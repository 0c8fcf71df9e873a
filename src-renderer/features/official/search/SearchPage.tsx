import { useEffect, useState, type ReactNode } from 'react';
import { Box, Chip, Link as MuiLink, List, ListItem, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { monthKey, quarterKey, type Quarter } from '../../../../shared/domain/calendar';
import { normaliseQuery, searchKindLabels, type SearchHit } from '../../../../shared/domain/search';
import { searchMyRecords } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { zh } from '../../../i18n/zh';
import { PageHeader } from '../../../components/page-parts';
import { useOfficial } from '../context';

const t = zh.official.search;

function targetOf(hit: SearchHit): string {
  switch (hit.kind) {
    case 'plan':
      return '/official/plan';
    case 'record':
    case 'error':
      return `/official/record/${monthKey(hit.year, hit.month ?? 1)}`;
    case 'journal':
      return `/official/journal/${monthKey(hit.year, hit.month ?? 1)}`;
    case 'summary':
      return `/official/summary/${quarterKey(hit.year, (hit.quarter ?? 1) as Quarter)}`;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The snippet with every occurrence of the query marked. */
export function highlight(snippet: string, query: string): ReactNode[] {
  const q = normaliseQuery(query);
  if (!q) return [snippet];
  return snippet.split(new RegExp(`(${escapeRegExp(q)})`, 'giu')).map((part, i) =>
    i % 2 === 1 ? (
      <Box component="mark" key={i} sx={{ bgcolor: 'warning.light', px: 0.25, borderRadius: 0.5 }}>
        {part}
      </Box>
    ) : (
      part
    ),
  );
}

export function SearchPage() {
  const { db } = useServices();
  const { personId, year, setYear } = useOfficial();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [scope, setScope] = useState<'year' | 'all'>('year');

  // Search after a short pause in typing, not on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const hits = useLiveQuery(
    () => searchMyRecords(db, personId, query, scope === 'year' ? { year } : {}),
    [db, personId, query, scope, year],
  );
  const searching = normaliseQuery(query) !== '';

  return (
    <Stack spacing={2}>
      <PageHeader title={t.heading} />
      <Paper sx={{ p: 2 }} component="form" role="search" onSubmit={(e) => { e.preventDefault(); setQuery(text); }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
          <TextField
            type="search"
            label={t.label}
            placeholder={t.placeholder}
            value={text}
            autoFocus
            onChange={(e) => setText(e.target.value)}
            slotProps={{ htmlInput: { 'aria-label': t.label } }}
          />
          <TextField select label={t.scope} value={scope} onChange={(e) => setScope(e.target.value as 'year' | 'all')} sx={{ width: { sm: 180 } }} fullWidth={false}>
            <MenuItem value="year">{zh.official.yearOption(year)}</MenuItem>
            <MenuItem value="all">{t.allYears}</MenuItem>
          </TextField>
        </Stack>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
          {t.hint}
        </Typography>
      </Paper>
      {searching && hits ? (
        <Box component="section" aria-label="搜索结果">
          <Typography variant="subtitle2" sx={{ mb: 1 }} role="status">
            {hits.length > 0 ? t.results(hits.length) : t.none}
          </Typography>
          <List disablePadding>
            {hits.map((hit, i) => (
              <ListItem key={`${hit.refId}-${hit.itemId ?? ''}-${hit.field}-${i}`} divider sx={{ display: 'block', px: 0 }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                  <MuiLink component={Link} to={targetOf(hit)} onClick={() => setYear(hit.year)} sx={{ fontWeight: 600 }}>
                    {hit.title}
                  </MuiLink>
                  <Chip size="small" label={searchKindLabels[hit.kind]} variant="outlined" />
                  <Typography variant="caption" color="text.secondary">
                    {hit.field}
                  </Typography>
                </Stack>
                <Typography variant="body2" data-testid="search-snippet">
                  {highlight(hit.snippet, query)}
                </Typography>
              </ListItem>
            ))}
          </List>
        </Box>
      ) : null}
    </Stack>
  );
}
