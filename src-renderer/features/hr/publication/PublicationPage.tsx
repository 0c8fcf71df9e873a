/** 公示 (placeholder until this page lands). */
export function PublicationPage() {
  return null;
}
