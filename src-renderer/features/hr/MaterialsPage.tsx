import { ReceivedPanel } from './ReceivedPanel';

/** 台账: the 平时考核 material HR holds. */
export function MaterialsPage() {
  return <ReceivedPanel />;
}
