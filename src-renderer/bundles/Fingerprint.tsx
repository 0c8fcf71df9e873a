import { Box } from '@mui/material';

/** A key fingerprint in its four groups, large and monospaced, for reading aloud or against paper. */
export function Fingerprint({ value, size = 'large', testId }: { value: string; size?: 'large' | 'small'; testId?: string }) {
  return (
    <Box
      component="span"
      data-testid={testId}
      aria-label={`指纹 ${value}`}
      sx={{
        fontFamily: '"DejaVu Sans Mono", "Consolas", monospace',
        fontSize: size === 'large' ? 22 : 14,
        fontWeight: size === 'large' ? 600 : 400,
        letterSpacing: size === 'large' ? '0.08em' : '0.03em',
        whiteSpace: 'nowrap',
      }}
    >
      {value}
    </Box>
  );
}
