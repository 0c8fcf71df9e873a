/** 领导评鉴 of one report for one quarter (placeholder until the evaluation screen lands). */
export function EvaluationPage() {
  return null;
}
