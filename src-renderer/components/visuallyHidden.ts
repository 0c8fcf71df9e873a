/**
 * `sx` for text read by screen readers and not shown (a table caption, a column header of buttons).
 * Sizes in px on purpose: MUI reads a bare `width: 1` as 100 %, which made an absolutely placed header as
 * wide as the window and scrolled the settings page and the supervisor's overview sideways.
 */
export const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
