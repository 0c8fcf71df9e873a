/**
 * Pieces the editing and reading screens of every workspace use: the loading state, the page header
 * with its state chip, banners, the print button, Ctrl+S, focus helpers.
 */
import { useEffect, type ReactNode, type RefObject } from 'react';
import { auditOutput } from '../../shared/store';
import { useServices } from '../state/services';
import { Alert, AlertTitle, Box, Button, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import type { ValidationIssue } from '../../shared/errors/errors';
import { SaveStatus } from './SaveStatus';
import type { AutosaveStatus } from './useAutosave';
import { zh } from '../i18n/zh';

export function Loading() {
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }} aria-busy="true" aria-label={zh.common.loading}>
      <CircularProgress size={28} />
    </Box>
  );
}

export type ChipTone = 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info';

export function StateChip({ label, tone }: { label: string; tone: ChipTone }) {
  return <Chip size="small" label={label} color={tone} variant={tone === 'default' ? 'outlined' : 'filled'} data-testid="state-chip" />;
}

type HeaderProps = {
  title: string;
  chip?: ReactNode;
  status?: AutosaveStatus;
  actions?: ReactNode;
};

/** The page's h2 with its state and actions; actions wrap below the title on a narrow window. */
export function PageHeader({ title, chip, status, actions }: HeaderProps) {
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
      <Typography variant="h6" component="h2" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      {chip}
      <Box sx={{ flexGrow: 1 }} />
      {status ? <SaveStatus status={status} /> : null}
      {actions ? (
        <Stack direction="row" spacing={1} data-print="hide" useFlexGap sx={{ flexWrap: 'wrap' }}>
          {actions}
        </Stack>
      ) : null}
    </Stack>
  );
}

/** Prints the page and records it in the 操作日志 (`what`: what is printed, else the page's heading). */
export function PrintButton({ what }: { what?: string }) {
  const { db } = useServices();
  const print = () => {
    window.print();
    void auditOutput(db, { kind: 'print', what: what ?? document.querySelector('main h1')?.textContent ?? '页面' });
  };
  return (
    <Button variant="outlined" onClick={print}>
      {zh.editing.print}
    </Button>
  );
}

/** Why a record cannot be changed, and what to do about it. */
export function LockedBanner({ children }: { children: ReactNode }) {
  return (
    <Alert severity="info" variant="outlined" role="note" data-testid="locked-banner">
      {children}
    </Alert>
  );
}

export function ReturnedBanner({ title, reasons }: { title: string; reasons: ReactNode[] }) {
  return (
    <Alert severity="warning" role="alert" data-testid="returned-banner">
      <AlertTitle>{title}</AlertTitle>
      {reasons.length === 1 ? (
        reasons[0]
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </Box>
      )}
    </Alert>
  );
}

export function RestoredNote({ show, onClose }: { show: boolean; onClose: () => void }) {
  if (!show) return null;
  return (
    <Alert severity="info" onClose={onClose} data-print="hide" data-testid="restored-note">
      {zh.editing.restored}
    </Alert>
  );
}

/** Every message of a rejected submit, listed once at the top; the fields themselves are marked too. */
export function IssuesAlert({ issues }: { issues: readonly ValidationIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <Alert severity="error" role="alert" data-testid="issues">
      <AlertTitle>{zh.editing.fixFields(issues.length)}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {issues.map((i, n) => (
          <li key={n}>{i.message}</li>
        ))}
      </Box>
    </Alert>
  );
}

/** Ctrl+S (⌘S) saves at once instead of opening the browser's "save page" dialog. */
export function useSaveShortcut(save: () => unknown, enabled = true) {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, enabled]);
}

/** Moves focus to the first field marked in error, so keyboard users land where the fix is needed. */
export function focusFirstError(container: HTMLElement | null) {
  const el = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  el?.focus();
}

/** Moves focus to the last field matching `selector` once it is on screen: the first field of a row just added. */
export function focusLast(container: RefObject<HTMLElement | null>, selector: string) {
  setTimeout(() => {
    const fields = container.current?.querySelectorAll<HTMLElement>(selector);
    fields?.[fields.length - 1]?.focus();
  }, 0);
}

/** A select's accessible name: MUI names the combobox after its visible label; rows need "第1项 …". */
export function selectName(name: string) {
  return { select: { SelectDisplayProps: { 'aria-label': name, 'aria-labelledby': undefined } as object } };
}
