import { AuditPanel } from './AuditPanel';

/** 操作日志: this device's audit trail. */
export function AuditPage() {
  return <AuditPanel />;
}
