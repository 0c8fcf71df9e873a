/**
 * The official's own 公务员年度考核登记表 (Word), once their 个人总结 is submitted: their details from the
 * roster this device holds (its profile: 性别, 出生年月, 政治面貌, 任现职务职级时间, 从事或分管工作), the
 * 个人总结, and the 评语, 考核结果 and 本人意见 as far as they have arrived. Printed the same way as HR's.
 */
import { useState } from 'react';
import { Button, Paper, Stack, Typography } from '@mui/material';
import { annualRegisterFileName, buildAnnualRegister, toBytes } from '../../../../shared/documents';
import type { AnnualCommentRow, AnnualDecisionRow, AnnualSummaryRow } from '../../../../shared/domain';
import { wrapStorageErrors, auditOutput } from '../../../../shared/store';
import { annualProfile, registerForm, registerUnit } from '../../../records/annual-forms';
import { rosterPersonHeader } from '../../../records/supervisor-forms';
import { useNotifications } from '../../../state/notifications';
import { useServices } from '../../../state/services';
import { useOfficial } from '../context';
import { personHeader } from '../documents';

export const registerText = {
  heading: '年度考核登记表',
  intro: '按已提交的个人总结和已收到的评语、考核结果生成，尚未收到的栏目留空。',
  button: '下载登记表（Word）',
  saving: '正在生成…',
  wordFilter: 'Word 文档',
  saved: (name: string) => `已保存：${name}`,
  cancelled: '已取消保存。',
} as const;
const t = registerText;

export function RegisterDownload({
  year,
  summary,
  comment,
  decision,
}: {
  year: number;
  summary: AnnualSummaryRow;
  comment: AnnualCommentRow | undefined;
  decision: AnnualDecisionRow | undefined;
}) {
  const { db, host } = useServices();
  const { profile, personId } = useOfficial();
  const { notify, reportError } = useNotifications();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const roster = await wrapStorageErrors(
        'read roster',
        async () => (await db.rosters.orderBy('version').last())?.signed.roster,
      );
      const me = roster?.people.find((p) => p.id === personId);
      const units = new Map((roster?.units ?? []).map((u) => [u.id, u] as const));
      const org = roster?.units.find((u) => u.parentId === null)?.name ?? '';
      const unit = me ? (units.get(me.unitId)?.name ?? profile.unitName) : profile.unitName;
      const header = me
        ? rosterPersonHeader({
            name: me.name,
            unitName: registerUnit(org, unit),
            title: me.title,
            rankLevel: me.rankLevel,
          })
        : personHeader(profile);
      const form = registerForm(year, annualProfile(header, me?.profile), {
        summary,
        comment,
        decision,
        opinion: decision?.opinion,
      });
      const name = annualRegisterFileName(form);
      const saved = await host.saveFile({
        suggestedName: name,
        data: new Uint8Array(await toBytes(buildAnnualRegister(form))),
        filters: [{ name: t.wordFilter, extensions: ['docx'] }],
      });
      if (saved) await auditOutput(db, { kind: 'document', what: name.replace(/\.docx$/, ''), file: name });
      notify(saved ? { kind: 'success', text: t.saved(name) } : { kind: 'info', text: t.cancelled });
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="annual-register">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Stack sx={{ flexGrow: 1, minWidth: 240 }}>
          <Typography id="annual-register" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {t.heading}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t.intro}
          </Typography>
        </Stack>
        <Button variant="outlined" disabled={busy} onClick={() => void download()} data-print="hide">
          {busy ? t.saving : t.button}
        </Button>
      </Stack>
    </Paper>
  );
}
