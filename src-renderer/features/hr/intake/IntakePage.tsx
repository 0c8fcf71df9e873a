/** 接收数据包 (placeholder until this page lands). */
export function IntakePage() {
  return null;
}
