import { createTheme } from '@mui/material/styles';
import { zhCN } from '@mui/material/locale';

/**
 * Chinese first: Windows office PCs have 微软雅黑, Linux desktops Noto/WenQuanYi, macOS PingFang.
 * Latin falls through to the system UI font before the CJK faces take over.
 */
export const FONT_STACK = [
  '"Segoe UI"',
  '"Microsoft YaHei"',
  '"微软雅黑"',
  '"PingFang SC"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(', ');

/** The focus ring: the primary blue, also visible on the blue app bar's neighbours and on white. */
const FOCUS_RING = '#1f4e8c';

export const theme = createTheme(
  {
    // Chinese has no case; MUI's upper-casing only mangles Latin words such as “Word” and “.zip”.
    typography: { fontFamily: FONT_STACK, fontSize: 14, button: { textTransform: 'none' } },
    palette: {
      primary: { main: '#1f4e8c' },
      secondary: { main: '#b23a2b' },
      // Darker than MUI's defaults so coloured text, outlined chips and white-on-colour labels reach
      // WCAG AA contrast (4.5:1) on white and on the page background.
      warning: { main: '#a84300' },
      info: { main: '#01579b' },
      background: { default: '#f5f6f8' },
    },
    shape: { borderRadius: 6 },
    components: {
      // A visible focus ring for keyboard users on every button, link-button, tab, checkbox and menu item.
      MuiButtonBase: {
        styleOverrides: {
          root: { '&.Mui-focusVisible': { outline: `2px solid ${FOCUS_RING}`, outlineOffset: 2 } },
        },
      },
      MuiListItemButton: { styleOverrides: { root: { '&.Mui-focusVisible': { outlineOffset: -2 } } } },
      MuiMenuItem: { styleOverrides: { root: { '&.Mui-focusVisible': { outlineOffset: -2 } } } },
      MuiTab: { styleOverrides: { root: { '&.Mui-focusVisible': { outlineOffset: -2 } } } },
      MuiCardActionArea: { styleOverrides: { root: { '&.Mui-focusVisible': { outlineOffset: -2 } } } },
      // Disabled fields show locked (submitted) records: their labels and text stay readable (AA contrast).
      MuiInputLabel: { styleOverrides: { root: ({ theme }) => ({ '&.Mui-disabled': { color: theme.palette.text.secondary } }) } },
      MuiInputBase: {
        styleOverrides: {
          input: ({ theme }) => ({
            '&.Mui-disabled': { color: theme.palette.text.secondary, WebkitTextFillColor: theme.palette.text.secondary },
          }),
        },
      },
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
    },
  },
  zhCN,
);
