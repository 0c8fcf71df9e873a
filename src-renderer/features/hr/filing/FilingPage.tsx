/** 备案 (placeholder until this page lands). */
export function FilingPage() {
  return null;
}
