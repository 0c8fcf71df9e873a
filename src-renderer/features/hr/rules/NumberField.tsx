import { useEffect, useState } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import { fieldId } from './config-editor';

const show = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const parse = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

type Props = {
  /** The issue path of the value: gives the input its id, so a problem can focus it. */
  path: string;
  label: string;
  value: number | null | undefined;
  onChange: (value: number) => void;
  error?: string | undefined;
  suffix?: string;
  width?: number | string;
  disabled?: boolean;
  /** An accessible name more precise than the visible label (e.g. “指标2.1 权重”). */
  ariaLabel?: string;
};

/**
 * A number typed as text: what the clerk types stays as typed (“1.” while typing 1.5), a blank or
 * a non-number is passed on as NaN so that the problem list names it, never silently replaced.
 */
export function NumberField({
  path,
  label,
  value,
  onChange,
  error,
  suffix,
  width = 140,
  disabled,
  ariaLabel,
}: Props) {
  const [text, setText] = useState(show(value));
  useEffect(() => {
    // Follow changes from outside (undo, a preset) but not the echo of our own typing.
    setText((t) =>
      Object.is(parse(t), value) || (Number.isNaN(parse(t)) && (value === null || value === undefined))
        ? t
        : show(value),
    );
  }, [value]);
  return (
    <TextField
      id={fieldId(path)}
      label={label}
      value={text}
      disabled={disabled}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parse(e.target.value));
      }}
      error={!!error}
      helperText={error}
      size="small"
      sx={{ width, flexShrink: 0 }}
      slotProps={{
        htmlInput: { inputMode: 'decimal', ...(ariaLabel ? { 'aria-label': ariaLabel } : {}) },
        ...(suffix
          ? { input: { endAdornment: <InputAdornment position="end">{suffix}</InputAdornment> } }
          : {}),
      }}
    />
  );
}
