import { Route, Routes } from 'react-router';
import type { LocalProfile } from '../../../shared/domain';
import { KeyStoreDialog } from '../sync/KeyStoreDialog';
import { HrHome } from './HrHome';
import { KeyNoticePage } from './KeyNoticePage';

export function HrWorkspace({ profile }: { profile: LocalProfile }) {
  return (
    <>
      <KeyStoreDialog />
      <Routes>
        <Route path="notice" element={<KeyNoticePage />} />
        <Route path="*" element={<HrHome profile={profile} />} />
      </Routes>
    </>
  );
}
