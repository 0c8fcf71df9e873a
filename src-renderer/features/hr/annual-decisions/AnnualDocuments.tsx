/**
 * 年度考核文书 on HR's 年度考核结果 page: a person's 公务员年度考核登记表 and 年度考核结果通知 (Word), every
 * 登记表 in one .zip, and the 机关's 统计表 and 花名册 in Word and Excel. Built from the page's rows and
 * what documents.ts reads; saved through the host like every other export.
 */
import { useEffect, useRef, useState } from 'react';
import { auditOutput } from '../../../../shared/store';
import {
  Alert,
  Autocomplete,
  Button,
  LinearProgress,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import {
  annualRegisterFileName,
  annualRosterFileName,
  annualStatisticsFileName,
  buildAnnualRegister,
  buildAnnualRoster,
  buildAnnualRosterXlsx,
  buildAnnualStatistics,
  buildAnnualStatisticsXlsx,
  buildResultNotice,
  resultNoticeFileName,
  toBytes,
} from '../../../../shared/documents';
import { useServices } from '../../../state/services';
import { useNotifications } from '../../../state/notifications';
import { batchDocuments } from '../../../workers/batchDocuments';
import { useReportExport } from '../annual/useReportExport';
import { createDocumentsWorker, readAnnualPapers } from './documents';
import type { DeskRow } from './rows';

export const documentsText = {
  heading: '年度考核文书',
  intro:
    '登记表按已签署的内容生成：个人总结、主管领导评语和等次建议、考核结果和本人意见，尚未签署的栏目留空，可打印后手填。花名册和统计表只列已确定结果的人员。',
  person: '人员',
  personHelp: '选择一人，导出其登记表或结果通知',
  register: '登记表（Word）',
  notice: '结果通知（Word）',
  noticeLater: (name: string) => `${name}的考核结果尚未确定，确定后才能导出结果通知。`,
  allRegisters: '全部登记表（压缩包）',
  statisticsWord: '统计表（Word）',
  statisticsExcel: '统计表（Excel）',
  rosterWord: '花名册（Word）',
  rosterExcel: '花名册（Excel）',
  undecided: (n: number) => `还有${n}人尚未确定结果，暂不列入花名册和统计表。`,
  noneDecided: '尚无已确定的考核结果，确定后可导出花名册和统计表。',
  progress: (done: number, total: number) => `正在生成登记表：第 ${done} / ${total} 份`,
  progressLabel: '登记表生成进度',
  cancel: '取消',
  zipName: (year: number) => `${year}年度公务员年度考核登记表.zip`,
  zipFilter: 'Zip 压缩包',
  zipSaved: (n: number, name: string) => `已导出 ${n} 份登记表：${name}`,
  cancelled: '已取消导出。',
} as const;
const t = documentsText;

export function AnnualDocuments({ year, rows }: { year: number; rows: readonly DeskRow[] }) {
  const { db, host } = useServices();
  const { notify, reportError } = useNotifications();
  const { busy, save } = useReportExport();
  const [personId, setPersonId] = useState<string | null>(null);
  const [batch, setBatch] = useState<{ done: number; total: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []); // leaving the page stops the worker

  const person = rows.find((r) => r.row.personId === personId) ?? null;
  const decided = rows.filter((r) => r.decision).length;
  const working = busy || batch !== null;
  const papers = () => readAnnualPapers(db, year);

  const exportAll = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setBatch({ done: 0, total: rows.length });
    try {
      const p = await papers();
      const forms = rows.map((r) => p.register(r));
      const worker = createDocumentsWorker();
      const zip = await batchDocuments(forms, {
        onProgress: setBatch,
        signal: controller.signal,
        ...(worker ? { createWorker: () => worker } : {}),
      }).result;
      const name = t.zipName(year);
      const saved = await host.saveFile({
        suggestedName: name,
        data: zip,
        filters: [{ name: t.zipFilter, extensions: ['zip'] }],
      });
      if (saved) await auditOutput(db, { kind: 'document', what: name.replace(/\.zip$/, ''), count: forms.length, file: name });
      notify(
        saved
          ? { kind: 'success', text: t.zipSaved(forms.length, name) }
          : { kind: 'info', text: t.cancelled },
      );
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') notify({ kind: 'info', text: t.cancelled });
      else reportError(e);
    } finally {
      abort.current = null;
      setBatch(null);
    }
  };

  const rosterExport = (kind: 'docx' | 'xlsx', what: 'roster' | 'statistics') => async () => {
    const p = await papers();
    const { roster, statistics } = p.roster(rows);
    return what === 'roster'
      ? kind === 'docx'
        ? { name: annualRosterFileName(roster, 'docx'), bytes: await toBytes(buildAnnualRoster(roster)) }
        : { name: annualRosterFileName(roster, 'xlsx'), bytes: buildAnnualRosterXlsx(roster) }
      : kind === 'docx'
        ? {
            name: annualStatisticsFileName(statistics, 'docx'),
            bytes: await toBytes(buildAnnualStatistics(statistics)),
          }
        : {
            name: annualStatisticsFileName(statistics, 'xlsx'),
            bytes: buildAnnualStatisticsXlsx(statistics),
          };
  };
  /** The file name depends on the data read, so it is built first and handed to the host's save. */
  const saveBuilt = async (
    kind: 'docx' | 'xlsx',
    build: () => Promise<{ name: string; bytes: Uint8Array }>,
  ) => {
    let built: { name: string; bytes: Uint8Array };
    try {
      built = await build();
    } catch (e) {
      reportError(e);
      return;
    }
    await save(kind, built.name, () => built.bytes);
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="annual-documents">
      <Stack spacing={1.5}>
        <Typography id="annual-documents" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {t.heading}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t.intro}
        </Typography>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <Autocomplete
            size="small"
            sx={{ width: 360 }}
            options={[...rows]}
            value={person}
            onChange={(_, r) => setPersonId(r?.row.personId ?? null)}
            getOptionLabel={(r) => `${r.row.name}（${r.unit.unitName}）`}
            isOptionEqualToValue={(a, b) => a.row.personId === b.row.personId}
            renderInput={(params) => <TextField {...params} label={t.person} placeholder={t.personHelp} />}
          />
          <Button
            variant="outlined"
            disabled={!person || working}
            onClick={() =>
              person &&
              void saveBuilt('docx', async () => {
                const form = (await papers()).register(person);
                return {
                  name: annualRegisterFileName(form),
                  bytes: await toBytes(buildAnnualRegister(form)),
                };
              })
            }
          >
            {t.register}
          </Button>
          <Button
            variant="outlined"
            disabled={!person?.decision || working}
            onClick={() =>
              person &&
              void saveBuilt('docx', async () => {
                const form = (await papers()).notice(person)!;
                return { name: resultNoticeFileName(form), bytes: await toBytes(buildResultNotice(form)) };
              })
            }
          >
            {t.notice}
          </Button>
        </Stack>
        {person && !person.decision ? (
          <Typography variant="body2" color="text.secondary">
            {t.noticeLater(person.row.name)}
          </Typography>
        ) : null}
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button
            variant="contained"
            disabled={rows.length === 0 || working}
            onClick={() => void exportAll()}
          >
            {t.allRegisters}
          </Button>
          <Button
            variant="outlined"
            disabled={decided === 0 || working}
            onClick={() => void saveBuilt('xlsx', rosterExport('xlsx', 'statistics'))}
          >
            {t.statisticsExcel}
          </Button>
          <Button
            variant="outlined"
            disabled={decided === 0 || working}
            onClick={() => void saveBuilt('docx', rosterExport('docx', 'statistics'))}
          >
            {t.statisticsWord}
          </Button>
          <Button
            variant="outlined"
            disabled={decided === 0 || working}
            onClick={() => void saveBuilt('xlsx', rosterExport('xlsx', 'roster'))}
          >
            {t.rosterExcel}
          </Button>
          <Button
            variant="outlined"
            disabled={decided === 0 || working}
            onClick={() => void saveBuilt('docx', rosterExport('docx', 'roster'))}
          >
            {t.rosterWord}
          </Button>
        </Stack>
        {batch ? (
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <LinearProgress
              variant="determinate"
              value={batch.total ? (100 * batch.done) / batch.total : 0}
              aria-label={t.progressLabel}
              sx={{ flexGrow: 1 }}
            />
            <Typography variant="body2">{t.progress(batch.done, batch.total)}</Typography>
            <Button size="small" onClick={() => abort.current?.abort()}>
              {t.cancel}
            </Button>
          </Stack>
        ) : null}
        {decided === 0 ? (
          <Alert severity="info">{t.noneDecided}</Alert>
        ) : decided < rows.length ? (
          <Alert severity="info">{t.undecided(rows.length - decided)}</Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
