/** 督促检查 (placeholder until this page lands). */
export function TrackingPage() {
  return null;
}
