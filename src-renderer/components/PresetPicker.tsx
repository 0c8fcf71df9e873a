import { Card, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { presets, type PresetId } from '../../shared/domain';

/**
 * The shipped configuration presets, each described in plain words: native radio buttons (arrow keys
 * move between them) whose whole card is the label.
 */
export function PresetPicker({ value, onChange }: { value: PresetId; onChange: (id: PresetId) => void }) {
  return (
    <RadioGroup aria-label="考核办法预设" value={value} onChange={(e) => onChange(e.target.value as PresetId)} sx={{ gap: 1.5 }}>
      {(Object.keys(presets) as PresetId[]).map((id) => {
        const p = presets[id];
        const checked = id === value;
        return (
          <Card key={id} variant="outlined" sx={{ borderColor: checked ? 'primary.main' : undefined }}>
            <FormControlLabel
              value={id}
              control={<Radio sx={{ p: 0.5 }} />}
              sx={{ m: 0, p: 2, width: '100%', alignItems: 'flex-start', gap: 1, '&:hover': { bgcolor: 'action.hover' } }}
              label={
                <div>
                  <Typography variant="subtitle1" component="div" sx={{ fontWeight: 600 }}>
                    {p.name}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {p.description}
                  </Typography>
                </div>
              }
            />
          </Card>
        );
      })}
    </RadioGroup>
  );
}
