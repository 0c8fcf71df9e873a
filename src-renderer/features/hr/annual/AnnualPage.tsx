/** 年度考核 (placeholder until this page lands). */
export function AnnualPage() {
  return null;
}
