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

export const theme = createTheme(
  {
    // Chinese has no case; MUI's upper-casing only mangles Latin words such as “Word” and “.zip”.
    typography: { fontFamily: FONT_STACK, fontSize: 14, button: { textTransform: 'none' } },
    palette: {
      primary: { main: '#1f4e8c' },
      secondary: { main: '#b23a2b' },
      background: { default: '#f5f6f8' },
    },
    shape: { borderRadius: 6 },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
    },
  },
  zhCN,
);
