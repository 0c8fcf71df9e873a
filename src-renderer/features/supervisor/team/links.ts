/** Where each piece of the supervisor's work is done (paths under the hash router). */
import type { TeamAction } from '../../../../shared/domain';

export type PersonTab = 'plan' | 'record' | 'quarters';

export const supervisorPaths = {
  overview: (year: number) => `/supervisor?year=${year}`,
  person: (personId: string, year: number, tab?: PersonTab, month?: number) =>
    `/supervisor/person/${encodeURIComponent(personId)}?year=${year}${tab ? `&tab=${tab}` : ''}${month ? `&month=${month}` : ''}`,
  evaluate: (personId: string, year: number, quarter: number) =>
    `/supervisor/evaluate/${encodeURIComponent(personId)}/${year}/${quarter}`,
  register: (year: number, quarter: number) => `/supervisor/register/${year}/${quarter}`,
};

/** The place where a pending action is done. */
export function actionPath(a: TeamAction): string {
  switch (a.kind) {
    case 'approvePlan':
      return supervisorPaths.person(a.personId!, a.year, 'plan');
    case 'reviewRecord':
      return supervisorPaths.person(a.personId!, a.year, 'record', a.month);
    case 'evaluate':
      return supervisorPaths.evaluate(a.personId!, a.year, a.quarter!);
    case 'feedback':
      return supervisorPaths.person(a.personId!, a.year, 'quarters');
    case 'signRegister':
      return supervisorPaths.register(a.year, a.quarter!);
  }
}
