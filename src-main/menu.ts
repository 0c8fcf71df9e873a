/**
 * The application menu in Chinese. Roles give the native behaviour and accelerators; labels are set
 * explicitly because role defaults are English. Reload and developer tools exist only in development,
 * which also removes their keyboard shortcuts from the installed app.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(isDev: boolean, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: 'DutyBook',
      submenu: [
        { role: 'about', label: '关于 DutyBook' },
        separator,
        { role: 'services', label: '服务' },
        separator,
        { role: 'hide', label: '隐藏 DutyBook' },
        { role: 'hideOthers', label: '隐藏其他' },
        { role: 'unhide', label: '全部显示' },
        separator,
        { role: 'quit', label: '退出 DutyBook' },
      ],
    });
  }

  template.push(
    {
      label: '文件',
      submenu: [isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        separator,
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        ...(isDev
          ? [
              { role: 'reload', label: '重新加载' },
              { role: 'forceReload', label: '强制重新加载' },
              { role: 'toggleDevTools', label: '开发者工具' },
              separator,
            ] satisfies MenuItemConstructorOptions[]
          : []),
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        separator,
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'close', label: '关闭' },
        ...(isMac ? ([separator, { role: 'front', label: '前置全部窗口' }] satisfies MenuItemConstructorOptions[]) : []),
      ],
    },
    {
      label: '帮助',
      submenu: [{ role: 'about', label: '关于 DutyBook' }],
    },
  );
  return template;
}

export function setupMenu(menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, isDev: boolean, platform: NodeJS.Platform): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(isDev, platform)));
}
