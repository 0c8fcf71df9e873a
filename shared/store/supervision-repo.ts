/**
 * The supervisor's decisions (核准/退回 of plans, 退回 of record books, 领导评鉴, 评鉴结果反馈, the
 * 平时考核备案登记表) and the official's 签署意见, as signed records. Each one is a fact appended in
 * the same transaction that checks it and shows it (`materialiseOwn`: the code an import runs), so
 * what this device shows is what the other devices will show after the next exchange — and a refused
 * decision leaves the database exactly as it was.
 *
 * Who may decide comes from the HR-signed roster, never from a local setting: a supervisor acts only
 * on people whose 主管领导 the roster says they are.
 *
 * One file per kind of decision, all on the helpers of acting.ts:
 *   supervision-team.ts         the rules in force, the team, what this device holds of a person's year
 *   supervision-decisions.ts    核准/退回 of a plan, 退回 of a record book
 *   supervision-evaluations.ts  领导评鉴: drafts, signed versions, signing and correcting
 *   supervision-feedback.ts     评鉴结果反馈 and the official's 签署意见
 *   supervision-registers.ts    平时考核备案登记表: drafting, signing, HR's view of a quarter
 */
export * from './supervision-team';
export * from './supervision-decisions';
export * from './supervision-evaluations';
export * from './supervision-feedback';
export * from './supervision-registers';
