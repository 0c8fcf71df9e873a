import type { Quarter } from '../../../../shared/domain';

export type FeedbackDialogProps = {
  open: boolean;
  onClose: () => void;
  personId: string;
  personName: string;
  year: number;
  quarter: Quarter;
};

/** 评鉴结果反馈: records a 会议点评 or 个人谈话 (placeholder until the feedback dialog lands). */
export function FeedbackDialog(_props: FeedbackDialogProps) {
  return null;
}
