import {
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import {
  EVALUATION_METHOD_CHOICES,
  QUARTER_GRADES,
  RECORD_MODES,
  evaluationMethodChoiceLabels,
  quarterGradeLabels,
  recordModeLabels,
  type AssessmentConfig,
  type EvaluationMethodChoice,
  type LowRankThreshold,
  type QuarterGrade,
  type RecordMode,
} from '../../../../shared/domain';
import { fieldId, newBonusFactor } from './config-editor';
import { NumberField } from './NumberField';
import { rulesText as t } from './strings';

type Edit = (fn: (c: AssessmentConfig) => AssessmentConfig) => void;
type Props = { config: AssessmentConfig; edit: Edit; messages: Map<string, string> };

/** The first message at `path` or below it (a group shows the problems of its parts). */
function within(messages: Map<string, string>, path: string): string | undefined {
  const direct = messages.get(path);
  if (direct) return direct;
  for (const [p, m] of messages) if (p.startsWith(`${path}.`)) return m;
  return undefined;
}

function GradeChecks({
  path,
  legend,
  value,
  onChange,
  error,
}: {
  path: string;
  legend: string;
  value: readonly QuarterGrade[];
  onChange: (grades: QuarterGrade[]) => void;
  error: string | undefined;
}) {
  return (
    <FormControl component="fieldset" error={!!error} id={fieldId(path)} tabIndex={-1}>
      <FormLabel component="legend">{legend}</FormLabel>
      <FormGroup row>
        {QUARTER_GRADES.map((g) => (
          <FormControlLabel
            key={g}
            label={quarterGradeLabels[g]}
            control={
              <Checkbox
                checked={value.includes(g)}
                onChange={(e) =>
                  onChange(QUARTER_GRADES.filter((x) => (x === g ? e.target.checked : value.includes(x))))
                }
              />
            }
          />
        ))}
      </FormGroup>
      {error ? <FormHelperText>{error}</FormHelperText> : null}
    </FormControl>
  );
}

/** 个人记实形式, 评鉴方式 and the weight of the quarterly results in the annual assessment. */
export function RecordRules({ config, edit, messages }: Props) {
  return (
    <Stack spacing={2}>
      <FormControl
        component="fieldset"
        id={fieldId('recordMode')}
        tabIndex={-1}
        error={!!messages.get('recordMode')}
      >
        <FormLabel component="legend">{t.recordMode}</FormLabel>
        <RadioGroup
          row
          value={config.recordMode}
          onChange={(e) => edit((c) => ({ ...c, recordMode: e.target.value as RecordMode }))}
        >
          {RECORD_MODES.map((m) => (
            <FormControlLabel key={m} value={m} control={<Radio />} label={recordModeLabels[m]} />
          ))}
        </RadioGroup>
        {messages.get('recordMode') ? <FormHelperText>{messages.get('recordMode')}</FormHelperText> : null}
      </FormControl>
      <FormControl
        component="fieldset"
        id={fieldId('evaluationMethod')}
        tabIndex={-1}
        error={!!messages.get('evaluationMethod')}
      >
        <FormLabel component="legend">{t.evaluationMethod}</FormLabel>
        <RadioGroup
          row
          value={config.evaluationMethod}
          onChange={(e) =>
            edit((c) => ({ ...c, evaluationMethod: e.target.value as EvaluationMethodChoice }))
          }
        >
          {EVALUATION_METHOD_CHOICES.map((m) => (
            <FormControlLabel key={m} value={m} control={<Radio />} label={evaluationMethodChoiceLabels[m]} />
          ))}
        </RadioGroup>
        {messages.get('evaluationMethod') ? (
          <FormHelperText>{messages.get('evaluationMethod')}</FormHelperText>
        ) : null}
      </FormControl>
      <NumberField
        path="quarterWeightInAnnual"
        label={t.quarterWeight}
        value={config.quarterWeightInAnnual}
        onChange={(v) => edit((c) => ({ ...c, quarterWeightInAnnual: v }))}
        error={messages.get('quarterWeightInAnnual')}
        width={320}
      />
    </Stack>
  );
}

const LOW_RANK_KINDS = ['none', 'bottomN', 'bottomPercent', 'belowScore', 'grade'] as const;
type LowRankKind = (typeof LOW_RANK_KINDS)[number];

function thresholdOf(kind: LowRankKind): LowRankThreshold | null {
  switch (kind) {
    case 'none':
      return null;
    case 'bottomN':
      return { kind, n: 1 };
    case 'bottomPercent':
      return { kind, percent: 10 };
    case 'belowScore':
      return { kind, score: 60 };
    case 'grade':
      return { kind, grades: ['poor'] };
  }
}

/** Score bands, the 好 cap, the annual 优秀 condition and what counts as 靠后. */
export function GradeRules({ config, edit, messages }: Props) {
  const bands = config.scoreBands;
  const setBand = (i: number, patch: Partial<(typeof bands)[number]>) =>
    edit((c) => ({ ...c, scoreBands: c.scoreBands.map((b, k) => (k === i ? { ...b, ...patch } : b)) }));
  const rule = config.excellentRule;
  const low = config.lowRankThreshold;
  return (
    <Stack spacing={3}>
      <Box id={fieldId('scoreBands')} tabIndex={-1}>
        <Typography variant="subtitle1" component="h4">
          {t.bands}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {t.bandsHelp}
        </Typography>
        {messages.get('scoreBands') ? (
          <Typography variant="body2" color="error">
            {messages.get('scoreBands')}
          </Typography>
        ) : null}
        <Stack spacing={1.5} sx={{ mt: 1 }}>
          {bands.map((b, i) => (
            <Stack
              key={i}
              direction="row"
              spacing={1.5}
              sx={{ alignItems: 'flex-start' }}
              data-testid="band-row"
            >
              <TextField
                id={fieldId(`scoreBands.${i}.grade`)}
                select
                size="small"
                label={t.bandGrade(i + 1)}
                value={b.grade}
                onChange={(e) => setBand(i, { grade: e.target.value as QuarterGrade })}
                error={!!messages.get(`scoreBands.${i}.grade`)}
                helperText={messages.get(`scoreBands.${i}.grade`)}
                sx={{ width: 140 }}
              >
                {QUARTER_GRADES.map((g) => (
                  <MenuItem key={g} value={g}>
                    {quarterGradeLabels[g]}
                  </MenuItem>
                ))}
              </TextField>
              <NumberField
                path={`scoreBands.${i}.min`}
                label={t.bandMin(i + 1)}
                value={b.min}
                onChange={(min) => setBand(i, { min })}
                error={messages.get(`scoreBands.${i}.min`)}
                suffix="分"
                width={180}
              />
              <NumberField
                path={`scoreBands.${i}.max`}
                label={t.bandMax(i + 1)}
                value={b.max}
                onChange={(max) => setBand(i, { max })}
                error={messages.get(`scoreBands.${i}.max`)}
                suffix="分"
                width={180}
              />
              <Button
                size="small"
                color="error"
                onClick={() => edit((c) => ({ ...c, scoreBands: c.scoreBands.filter((_, k) => k !== i) }))}
                disabled={bands.length <= 1}
              >
                {t.removeBand(i + 1)}
              </Button>
            </Stack>
          ))}
          <Box>
            <Button
              size="small"
              onClick={() =>
                edit((c) => ({
                  ...c,
                  scoreBands: [
                    ...c.scoreBands,
                    {
                      grade: QUARTER_GRADES.find((g) => !c.scoreBands.some((b) => b.grade === g)) ?? 'poor',
                      min: 0,
                      max: 0,
                    },
                  ],
                }))
              }
              disabled={bands.length >= QUARTER_GRADES.length}
            >
              {t.addBand}
            </Button>
          </Box>
        </Stack>
      </Box>

      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <FormControlLabel
          control={
            <Checkbox
              checked={config.goodCapPercent === null}
              onChange={(e) => edit((c) => ({ ...c, goodCapPercent: e.target.checked ? null : 40 }))}
            />
          }
          label={t.goodCapNone}
        />
        {config.goodCapPercent !== null ? (
          <NumberField
            path="goodCapPercent"
            label={t.goodCap}
            value={config.goodCapPercent}
            onChange={(v) => edit((c) => ({ ...c, goodCapPercent: v }))}
            error={messages.get('goodCapPercent')}
            width={220}
          />
        ) : null}
      </Stack>

      <Stack spacing={1} id={fieldId('excellentRule')} tabIndex={-1}>
        <FormControlLabel
          control={
            <Checkbox
              checked={rule !== null}
              onChange={(e) =>
                edit((c) => ({
                  ...c,
                  excellentRule: e.target.checked
                    ? { minGoodPercent: 50, forbiddenGrades: ['average', 'poor'] }
                    : null,
                }))
              }
            />
          }
          label={t.excellentOn}
        />
        {rule ? (
          <Stack direction="row" spacing={3} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', pl: 4 }}>
            <NumberField
              path="excellentRule.minGoodPercent"
              label={t.excellentMinGood}
              value={rule.minGoodPercent}
              onChange={(v) =>
                edit((c) => ({
                  ...c,
                  excellentRule: c.excellentRule && { ...c.excellentRule, minGoodPercent: v },
                }))
              }
              error={messages.get('excellentRule.minGoodPercent')}
              width={220}
            />
            <GradeChecks
              path="excellentRule.forbiddenGrades"
              legend={t.excellentForbidden}
              value={rule.forbiddenGrades}
              onChange={(forbiddenGrades) =>
                edit((c) => ({
                  ...c,
                  excellentRule: c.excellentRule && { ...c.excellentRule, forbiddenGrades },
                }))
              }
              error={within(messages, 'excellentRule.forbiddenGrades')}
            />
          </Stack>
        ) : null}
      </Stack>

      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          id={fieldId('lowRankThreshold')}
          select
          size="small"
          label={t.lowRank}
          value={low?.kind ?? 'none'}
          onChange={(e) =>
            edit((c) => ({ ...c, lowRankThreshold: thresholdOf(e.target.value as LowRankKind) }))
          }
          error={!!messages.get('lowRankThreshold')}
          helperText={messages.get('lowRankThreshold')}
          sx={{ minWidth: 380 }}
        >
          {LOW_RANK_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t.lowRankKinds[k]}
            </MenuItem>
          ))}
        </TextField>
        {low?.kind === 'bottomN' ? (
          <NumberField
            path="lowRankThreshold.n"
            label={t.lowRankN}
            value={low.n}
            onChange={(n) => edit((c) => ({ ...c, lowRankThreshold: { kind: 'bottomN', n } }))}
            error={messages.get('lowRankThreshold.n')}
            suffix="名"
          />
        ) : null}
        {low?.kind === 'bottomPercent' ? (
          <NumberField
            path="lowRankThreshold.percent"
            label={t.lowRankPercent}
            value={low.percent}
            onChange={(percent) =>
              edit((c) => ({ ...c, lowRankThreshold: { kind: 'bottomPercent', percent } }))
            }
            error={messages.get('lowRankThreshold.percent')}
          />
        ) : null}
        {low?.kind === 'belowScore' ? (
          <NumberField
            path="lowRankThreshold.score"
            label={t.lowRankScore}
            value={low.score}
            onChange={(score) => edit((c) => ({ ...c, lowRankThreshold: { kind: 'belowScore', score } }))}
            error={messages.get('lowRankThreshold.score')}
          />
        ) : null}
        {low?.kind === 'grade' ? (
          <GradeChecks
            path="lowRankThreshold.grades"
            legend={t.lowRankGrades}
            value={low.grades}
            onChange={(grades) => edit((c) => ({ ...c, lowRankThreshold: { kind: 'grade', grades } }))}
            error={within(messages, 'lowRankThreshold.grades')}
          />
        ) : null}
      </Stack>
    </Stack>
  );
}

/** The catalogue of 加分要素 (each with a cap or fixed points) and the cap on their total. */
export function BonusRules({
  config,
  edit,
  messages,
  offerUndo,
}: Props & { offerUndo: (text: string, undo: () => void) => void }) {
  const factors = config.bonusFactors;
  const setFactor = (i: number, fn: (f: (typeof factors)[number]) => (typeof factors)[number]) =>
    edit((c) => ({ ...c, bonusFactors: c.bonusFactors.map((f, k) => (k === i ? fn(f) : f)) }));
  return (
    <Stack spacing={2} id={fieldId('bonusFactors')} tabIndex={-1}>
      {factors.map((f, i) => {
        const fixed = f.fixedPoints !== undefined;
        const pointsPath = `bonusFactors.${i}.${fixed ? 'fixedPoints' : 'maxPoints'}`;
        return (
          <Stack
            key={f.id}
            direction="row"
            spacing={1.5}
            sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}
            data-testid="bonus-row"
          >
            <TextField
              id={fieldId(`bonusFactors.${i}.name`)}
              size="small"
              label={t.bonusName(i + 1)}
              value={f.name}
              onChange={(e) => setFactor(i, (x) => ({ ...x, name: e.target.value }))}
              error={!!messages.get(`bonusFactors.${i}.name`)}
              helperText={messages.get(`bonusFactors.${i}.name`)}
              sx={{ minWidth: 260 }}
              slotProps={{ htmlInput: { maxLength: 100 } }}
            />
            <TextField
              select
              size="small"
              label={t.bonusKind(i + 1)}
              value={fixed ? 'fixed' : 'max'}
              onChange={(e) =>
                setFactor(i, (x) => {
                  const points = x.fixedPoints ?? x.maxPoints ?? 1;
                  const { fixedPoints: _f, maxPoints: _m, ...rest } = x;
                  return e.target.value === 'fixed'
                    ? { ...rest, fixedPoints: points }
                    : { ...rest, maxPoints: points };
                })
              }
              sx={{ width: 200 }}
            >
              <MenuItem value="max">{t.bonusKinds.max}</MenuItem>
              <MenuItem value="fixed">{t.bonusKinds.fixed}</MenuItem>
            </TextField>
            <NumberField
              path={pointsPath}
              label={t.bonusPoints(i + 1)}
              value={fixed ? f.fixedPoints : f.maxPoints}
              onChange={(v) =>
                setFactor(i, (x) =>
                  x.fixedPoints !== undefined ? { ...x, fixedPoints: v } : { ...x, maxPoints: v },
                )
              }
              error={messages.get(pointsPath) ?? messages.get(`bonusFactors.${i}.maxPoints`)}
              suffix="分"
              width={200}
            />
            <TextField
              size="small"
              label={t.bonusDescription(i + 1)}
              value={f.description ?? ''}
              onChange={(e) =>
                setFactor(i, (x) => {
                  const { description: _d, ...rest } = x;
                  return e.target.value ? { ...rest, description: e.target.value } : rest;
                })
              }
              sx={{ flex: 1, minWidth: 200 }}
            />
            <Button
              size="small"
              color="error"
              onClick={() => {
                edit((c) => ({ ...c, bonusFactors: c.bonusFactors.filter((_, k) => k !== i) }));
                offerUndo(t.bonusRemoved(f.name), () =>
                  edit((c) => {
                    const list = [...c.bonusFactors];
                    list.splice(Math.min(i, list.length), 0, f);
                    return { ...c, bonusFactors: list };
                  }),
                );
              }}
            >
              {t.removeBonus(i + 1)}
            </Button>
          </Stack>
        );
      })}
      <Box>
        <Button
          size="small"
          onClick={() => edit((c) => ({ ...c, bonusFactors: [...c.bonusFactors, newBonusFactor(c)] }))}
        >
          {t.addBonus}
        </Button>
      </Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <FormControlLabel
          control={
            <Checkbox
              checked={config.bonusCapPoints === null}
              onChange={(e) => edit((c) => ({ ...c, bonusCapPoints: e.target.checked ? null : 5 }))}
            />
          }
          label={t.bonusCapNone}
        />
        {config.bonusCapPoints !== null ? (
          <NumberField
            path="bonusCapPoints"
            label={t.bonusCap}
            value={config.bonusCapPoints}
            onChange={(v) => edit((c) => ({ ...c, bonusCapPoints: v }))}
            error={messages.get('bonusCapPoints')}
            width={260}
          />
        ) : null}
      </Stack>
    </Stack>
  );
}
