import { useState, type Dispatch, type SetStateAction } from 'react';
import type { ValidationIssue } from '../../../shared/errors/errors';
import { useNotifications } from '../../state/notifications';
import { toFieldErrors, validationIssues, type FieldErrors } from '../../components/fieldErrors';

type Options = {
  /** Saves what is typed; false when that failed (the autosave has already said why). */
  save: () => Promise<boolean>;
  /** The store's own checks, run first so that every problem shows before anything is asked. */
  check: () => readonly ValidationIssue[];
  submit: () => Promise<unknown>;
  /** The message once the record is submitted. */
  submittedText: string;
  /** Where the keyboard goes once the problems are shown. */
  focus: () => void;
};

export type SubmitFlow = {
  /** Messages per field (dotted paths such as `items.1.deadline`); the page clears them as the clerk edits. */
  errors: FieldErrors;
  setErrors: Dispatch<SetStateAction<FieldErrors>>;
  /** Every message of the last refused attempt, for the list at the top of the page. */
  issues: readonly ValidationIssue[];
  busy: boolean;
  /** The submit button: save, check, then ask. */
  start: () => Promise<void>;
  /** For the ConfirmDialog that asks before submitting. */
  dialog: { open: boolean; busy: boolean; onCancel: () => void; onConfirm: () => void };
};

/**
 * Submitting locks a record, so it goes: save → check → ask once → submit. When the check or the
 * store refuses, the problems are listed at the top, marked at their fields, and nothing typed is lost.
 */
export function useSubmitFlow({ save, check, submit, submittedText, focus }: Options): SubmitFlow {
  const { notify, reportError } = useNotifications();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const showIssues = (list: readonly ValidationIssue[]) => {
    setIssues(list);
    setErrors(toFieldErrors(list));
    // Once the marked fields are on screen.
    setTimeout(focus, 0);
  };

  const start = async () => {
    if (!(await save())) return;
    const found = check();
    if (found.length > 0) {
      showIssues(found);
      return;
    }
    setIssues([]);
    setErrors({});
    setConfirming(true);
  };

  const confirm = async () => {
    setBusy(true);
    try {
      await submit();
      setConfirming(false);
      notify({ kind: 'success', text: submittedText });
    } catch (e) {
      setConfirming(false);
      const list = validationIssues(e);
      if (list) showIssues(list);
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return {
    errors,
    setErrors,
    issues,
    busy,
    start,
    dialog: { open: confirming, busy, onCancel: () => setConfirming(false), onConfirm: () => void confirm() },
  };
}
