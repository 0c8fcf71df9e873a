/** The colours of the team screens' state chips: what needs the supervisor stands out. */
import type {
  PlanState,
  RecordState,
  TeamMonthState,
  TeamPlanState,
  TeamQuarterState,
} from '../../../../shared/domain';
import type { ChipTone } from '../../../components/page-parts';

export const teamPlanTone: Record<TeamPlanState, ChipTone> = {
  missing: 'default',
  draft: 'default',
  submitted: 'primary',
  returned: 'warning',
  approved: 'success',
  filed: 'success',
};

export const planTone: Record<PlanState, ChipTone> = teamPlanTone;

export const teamMonthTone: Record<TeamMonthState, ChipTone> = {
  submitted: 'success',
  returned: 'warning',
  missing: 'error',
  notYetDue: 'default',
};

export const recordTone: Record<RecordState, ChipTone> = {
  editing: 'default',
  submitted: 'success',
  returned: 'warning',
};

export const teamQuarterTone: Record<TeamQuarterState, ChipTone> = {
  notYetDue: 'default',
  collecting: 'default',
  awaitingEvaluation: 'primary',
  evaluated: 'info',
  fedBack: 'success',
};
