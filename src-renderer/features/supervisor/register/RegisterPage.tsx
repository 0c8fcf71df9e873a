/** 平时考核备案登记表 for the quarter (placeholder until the register screen lands). */
export function RegisterPage() {
  return null;
}
