import { Card, CardActionArea, CardContent, Radio, Stack, Typography } from '@mui/material';
import { presets, type PresetId } from '../../../shared/domain';

/** The shipped configuration presets, each described in plain words. */
export function PresetPicker({ value, onChange }: { value: PresetId; onChange: (id: PresetId) => void }) {
  return (
    <Stack spacing={1.5} role="radiogroup" aria-label="考核办法预设">
      {(Object.keys(presets) as PresetId[]).map((id) => {
        const p = presets[id];
        const checked = id === value;
        return (
          <Card key={id} variant="outlined" sx={{ borderColor: checked ? 'primary.main' : undefined }}>
            <CardActionArea onClick={() => onChange(id)} role="radio" aria-checked={checked}>
              <CardContent sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
                <Radio checked={checked} tabIndex={-1} sx={{ p: 0.5 }} slotProps={{ input: { 'aria-hidden': true } }} />
                <div>
                  <Typography variant="subtitle1" component="div" sx={{ fontWeight: 600 }}>
                    {p.name}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {p.description}
                  </Typography>
                </div>
              </CardContent>
            </CardActionArea>
          </Card>
        );
      })}
    </Stack>
  );
}
