import type { ReactNode } from 'react';
import { Button } from '@mui/material';
import type { Autosave } from '../../components/useAutosave';
import { zh } from '../../i18n/zh';
import { IssuesAlert, LockedBanner, PageHeader, PrintButton, RestoredNote, ReturnedBanner, useSaveShortcut } from '../../components/page-parts';
import type { SubmitFlow } from './useSubmitFlow';

type Props = {
  title: string;
  chip: ReactNode;
  editable: boolean;
  autosave: Pick<Autosave<unknown>, 'status' | 'flush' | 'restored' | 'dismissRestored'>;
  flow: Pick<SubmitFlow, 'start' | 'busy' | 'issues'>;
  /** The submit button's text, e.g. 提交记实簿. */
  submitText: string;
  /** Buttons before 打印 (the record book's 上一月/下一月). */
  nav?: ReactNode;
  /** What the page says first, under the header. */
  intro?: ReactNode;
  /** Why the record cannot be changed; nothing while it can. */
  locked?: ReactNode;
  /** A line about the record's state, under the locked banner (who approved the plan). */
  stateNote?: ReactNode;
  /** Why the supervisor returned the record; shown when there is a reason. */
  returned?: { title: string; reasons: ReactNode[] };
};

/**
 * The top of a page that edits one record (plan, record book, summary): title, state and save status,
 * 打印 / 立即保存 (also Ctrl+S) / submit, then the notes about the record: restored draft, locked,
 * returned, and the problems of the last submit.
 */
export function EditorHeader({ title, chip, editable, autosave, flow, submitText, nav, intro, locked, stateNote, returned }: Props) {
  useSaveShortcut(autosave.flush, editable);
  return (
    <>
      <PageHeader
        title={title}
        chip={chip}
        status={editable ? autosave.status : undefined}
        actions={
          <>
            {nav}
            <PrintButton />
            {editable ? (
              <>
                <Button variant="outlined" onClick={() => void autosave.flush()}>
                  {zh.editing.saveNow}
                </Button>
                <Button variant="contained" onClick={() => void flow.start()} disabled={flow.busy}>
                  {submitText}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {intro}
      <RestoredNote show={autosave.restored} onClose={autosave.dismissRestored} />
      {locked ? <LockedBanner>{locked}</LockedBanner> : null}
      {stateNote}
      {returned && returned.reasons.length > 0 ? <ReturnedBanner title={returned.title} reasons={returned.reasons} /> : null}
      <IssuesAlert issues={flow.issues} />
    </>
  );
}
