import {
  Box,
  Button,
  Checkbox,
  ListItemText,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import {
  POSITION_CATEGORIES,
  positionCategoryLabels,
  rankLevelLabel,
  rankLevelsFor,
  type AssessmentConfig,
  type IndicatorNode,
  type IndicatorTemplate,
  type PositionCategory,
} from '../../../../shared/domain';
import {
  addChildIndicator,
  addSiblingIndicator,
  blankTemplate,
  copyTemplate,
  fieldId,
  indicatorIssuePath,
  insertIndicator,
  moveIndicator,
  outlineNumber,
  removeIndicator,
  sumIsRight,
  updateIndicator,
  weightSum,
  type TreePath,
} from './config-editor';
import { NumberField } from './NumberField';
import { rulesText as t } from './strings';

type Edit = (fn: (c: AssessmentConfig) => AssessmentConfig) => void;

type Props = {
  config: AssessmentConfig;
  edit: Edit;
  messages: Map<string, string>;
  selected: number;
  onSelect: (index: number) => void;
  offerUndo: (text: string, undo: () => void) => void;
};

function withTemplate(
  c: AssessmentConfig,
  index: number,
  fn: (t: IndicatorTemplate) => IndicatorTemplate,
): AssessmentConfig {
  return { ...c, indicatorTemplates: c.indicatorTemplates.map((x, i) => (i === index ? fn(x) : x)) };
}

/** The indicator templates: pick one, edit its name, category, ranks and its tree of any depth. */
export function IndicatorEditor({ config, edit, messages, selected, onSelect, offerUndo }: Props) {
  const templates = config.indicatorTemplates;
  const index = Math.min(selected, templates.length - 1);
  const template = templates[index];
  const base = `indicatorTemplates.${index}`;
  const setNodes = (fn: (nodes: IndicatorNode[]) => IndicatorNode[]) =>
    edit((c) => withTemplate(c, index, (x) => ({ ...x, indicators: fn(x.indicators) })));

  const removeTemplate = () => {
    if (!template) return;
    const removed = template;
    edit((c) => ({ ...c, indicatorTemplates: c.indicatorTemplates.filter((_, i) => i !== index) }));
    onSelect(Math.max(0, index - 1));
    offerUndo(t.templateRemoved(removed.name), () => {
      edit((c) => {
        const list = [...c.indicatorTemplates];
        list.splice(Math.min(index, list.length), 0, removed);
        return { ...c, indicatorTemplates: list };
      });
      onSelect(index);
    });
  };

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'center' } }}>
        <TextField
          id={fieldId('indicatorTemplates')}
          select
          size="small"
          label={t.template}
          value={templates.length ? index : ''}
          onChange={(e) => onSelect(Number(e.target.value))}
          error={!!messages.get('indicatorTemplates')}
          helperText={messages.get('indicatorTemplates')}
          sx={{ minWidth: 360 }}
        >
          {templates.map((x, i) => (
            <MenuItem key={x.id} value={i}>
              {t.templateLabel(
                x.name,
                positionCategoryLabels[x.positionCategory] ?? '',
                x.rankLevels.length ? t.someRanks(x.rankLevels.length) : t.allRanks,
              )}
            </MenuItem>
          ))}
        </TextField>
        <Button
          onClick={() => {
            edit((c) => ({ ...c, indicatorTemplates: [...c.indicatorTemplates, copyTemplate(c, index)] }));
            onSelect(templates.length);
          }}
          disabled={!template}
        >
          {t.copyTemplate}
        </Button>
        <Button
          onClick={() => {
            edit((c) => ({
              ...c,
              indicatorTemplates: [
                ...c.indicatorTemplates,
                blankTemplate(c, template?.positionCategory ?? 'comprehensive', t.newTemplateName),
              ],
            }));
            onSelect(templates.length);
          }}
        >
          {t.addTemplate}
        </Button>
        <Button color="error" onClick={removeTemplate} disabled={!template}>
          {t.removeTemplate}
        </Button>
      </Stack>
      {template ? (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack spacing={2}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              <TextField
                id={fieldId(`${base}.name`)}
                size="small"
                label={t.templateName}
                value={template.name}
                onChange={(e) => edit((c) => withTemplate(c, index, (x) => ({ ...x, name: e.target.value })))}
                error={!!messages.get(`${base}.name`)}
                helperText={messages.get(`${base}.name`)}
                slotProps={{ htmlInput: { maxLength: 100 } }}
              />
              <TextField
                id={fieldId(`${base}.positionCategory`)}
                select
                size="small"
                label={t.templateCategory}
                value={template.positionCategory}
                onChange={(e) => {
                  const category = e.target.value as PositionCategory;
                  edit((c) =>
                    withTemplate(c, index, (x) => ({
                      ...x,
                      positionCategory: category,
                      // Ranks that do not exist in the new category are dropped rather than kept silently.
                      rankLevels: x.rankLevels.filter((r) => rankLevelsFor(category).some((l) => l.id === r)),
                    })),
                  );
                }}
                error={!!messages.get(`${base}.positionCategory`)}
                helperText={messages.get(`${base}.positionCategory`)}
                sx={{ minWidth: 160 }}
              >
                {POSITION_CATEGORIES.map((c) => (
                  <MenuItem key={c} value={c}>
                    {positionCategoryLabels[c]}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                id={fieldId(`${base}.rankLevels`)}
                select
                size="small"
                label={t.templateRanks}
                value={template.rankLevels}
                onChange={(e) => {
                  const v = e.target.value as unknown;
                  const ranks = typeof v === 'string' ? v.split(',') : (v as string[]);
                  edit((c) => withTemplate(c, index, (x) => ({ ...x, rankLevels: ranks })));
                }}
                error={!!rankMessage(messages, base)}
                helperText={rankMessage(messages, base)}
                sx={{ flex: 1, minWidth: 240 }}
                slotProps={{
                  select: {
                    multiple: true,
                    renderValue: (v) =>
                      (v as string[]).length ? (v as string[]).map(rankLevelLabel).join('、') : t.allRanks,
                    displayEmpty: true,
                  },
                  inputLabel: { shrink: true },
                }}
              >
                {rankLevelsFor(template.positionCategory).map((r) => (
                  <MenuItem key={r.id} value={r.id}>
                    <Checkbox size="small" checked={template.rankLevels.includes(r.id)} />
                    <ListItemText primary={r.label} />
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <Level
              nodes={template.indicators}
              list={template.indicators}
              parent={[]}
              parentName={null}
              templateIndex={index}
              setNodes={setNodes}
              messages={messages}
              offerUndo={offerUndo}
            />
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}

function rankMessage(messages: Map<string, string>, base: string): string | undefined {
  const direct = messages.get(`${base}.rankLevels`);
  if (direct) return direct;
  for (const [path, message] of messages) if (path.startsWith(`${base}.rankLevels.`)) return message;
  return undefined;
}

type LevelProps = {
  /** The whole tree (edits work on it). */
  nodes: IndicatorNode[];
  /** The siblings shown at this level. */
  list: IndicatorNode[];
  parent: TreePath;
  parentName: string | null;
  templateIndex: number;
  setNodes: (fn: (nodes: IndicatorNode[]) => IndicatorNode[]) => void;
  messages: Map<string, string>;
  offerUndo: (text: string, undo: () => void) => void;
};

/** One level of siblings with its weight sum, each indicator followed by its own children. */
function Level({
  nodes,
  list,
  parent,
  parentName,
  templateIndex,
  setNodes,
  messages,
  offerUndo,
}: LevelProps) {
  const listPath =
    parent.length === 0
      ? `indicatorTemplates.${templateIndex}.indicators`
      : `${indicatorIssuePath(templateIndex, parent)}.children`;
  const sum = weightSum(list);
  const ok = sumIsRight(list);
  const where = parentName === null ? t.topLevel : t.levelOf(parentName);
  const levelMessage = messages.get(listPath);
  return (
    <Box
      id={fieldId(listPath)}
      tabIndex={-1}
      role="group"
      aria-label={where}
      sx={{
        pl: parent.length === 0 ? 0 : 3,
        borderLeft: parent.length === 0 ? 0 : 2,
        borderColor: 'divider',
      }}
    >
      <Stack spacing={1.5}>
        {list.map((n, i) => {
          const path = [...parent, i];
          const num = outlineNumber(path);
          const p = indicatorIssuePath(templateIndex, path);
          const remove = () => {
            const { removed } = removeIndicator(nodes, path);
            setNodes((all) => removeIndicator(all, path).nodes);
            offerUndo(t.removed(removed.name), () => setNodes((all) => insertIndicator(all, path, removed)));
          };
          return (
            <Box key={n.id} data-testid="indicator-row">
              <Stack
                direction={{ xs: 'column', lg: 'row' }}
                spacing={1}
                sx={{ alignItems: { lg: 'flex-start' } }}
              >
                <Typography sx={{ minWidth: 48, pt: 1, fontVariantNumeric: 'tabular-nums' }}>
                  {num}
                </Typography>
                <TextField
                  id={fieldId(`${p}.name`)}
                  size="small"
                  label={t.nameLabel}
                  value={n.name}
                  onChange={(e) => setNodes((all) => updateIndicator(all, path, { name: e.target.value }))}
                  error={!!messages.get(`${p}.name`)}
                  helperText={messages.get(`${p}.name`)}
                  slotProps={{ htmlInput: { 'aria-label': t.indicatorName(num), maxLength: 100 } }}
                  sx={{ minWidth: 160 }}
                />
                <NumberField
                  path={`${p}.weight`}
                  label={t.weightLabel}
                  ariaLabel={t.indicatorWeight(num)}
                  value={n.weight}
                  error={messages.get(`${p}.weight`)}
                  onChange={(weight) => setNodes((all) => updateIndicator(all, path, { weight }))}
                  width={110}
                />
                <TextField
                  id={fieldId(`${p}.description`)}
                  size="small"
                  label={t.descriptionLabel}
                  value={n.description ?? ''}
                  onChange={(e) =>
                    setNodes((all) => updateIndicator(all, path, { description: e.target.value }))
                  }
                  slotProps={{ htmlInput: { 'aria-label': t.indicatorDescription(num), maxLength: 500 } }}
                  sx={{ flex: 1, minWidth: 200 }}
                />
                <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
                  <Button
                    size="small"
                    aria-label={t.actionOn(t.addChild, num)}
                    onClick={() => setNodes((all) => addChildIndicator(all, path).nodes)}
                  >
                    {t.addChild}
                  </Button>
                  <Button
                    size="small"
                    aria-label={t.actionOn(t.addSibling, num)}
                    onClick={() => setNodes((all) => addSiblingIndicator(all, path).nodes)}
                  >
                    {t.addSibling}
                  </Button>
                  <Button
                    size="small"
                    aria-label={t.actionOn(t.moveUp, num)}
                    disabled={i === 0}
                    onClick={() => setNodes((all) => moveIndicator(all, path, -1).nodes)}
                  >
                    {t.moveUp}
                  </Button>
                  <Button
                    size="small"
                    aria-label={t.actionOn(t.moveDown, num)}
                    disabled={i === list.length - 1}
                    onClick={() => setNodes((all) => moveIndicator(all, path, 1).nodes)}
                  >
                    {t.moveDown}
                  </Button>
                  <Button size="small" color="error" aria-label={t.actionOn(t.remove, num)} onClick={remove}>
                    {t.remove}
                  </Button>
                </Stack>
              </Stack>
              {n.children.length > 0 ? (
                <Box sx={{ mt: 1.5 }}>
                  <Level
                    nodes={nodes}
                    list={n.children}
                    parent={path}
                    parentName={n.name}
                    templateIndex={templateIndex}
                    setNodes={setNodes}
                    messages={messages}
                    offerUndo={offerUndo}
                  />
                </Box>
              ) : null}
            </Box>
          );
        })}
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography
            variant="body2"
            color={ok ? 'text.secondary' : 'error'}
            data-testid="level-sum"
            role={ok ? undefined : 'status'}
          >
            {t.levelSum(where, String(sum))}
            {ok ? t.levelSumOk : t.levelSumBad(String(sum))}
          </Typography>
          {levelMessage && ok ? (
            <Typography variant="body2" color="error">
              {levelMessage}
            </Typography>
          ) : null}
          {parent.length === 0 ? (
            <Button size="small" onClick={() => setNodes((all) => addSiblingIndicator(all, []).nodes)}>
              {t.addTop}
            </Button>
          ) : null}
        </Stack>
      </Stack>
    </Box>
  );
}
