import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, setupMenu } from '../../../src-main/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const platforms: NodeJS.Platform[] = ['win32', 'linux', 'darwin'];

describe('buildMenuTemplate', () => {
  it.each(platforms)('has the Chinese top-level menus on %s', (platform) => {
    const labels = buildMenuTemplate(false, platform).map((m) => m.label);
    expect(labels).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '窗口', '帮助']));
    if (platform === 'darwin') expect(labels[0]).toBe('DutyBook');
    else expect(labels).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it.each(platforms)('labels every item in Chinese on %s (no English role defaults)', (platform) => {
    for (const item of flatten(buildMenuTemplate(true, platform))) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item)).toBeTruthy();
      expect(item.label, JSON.stringify(item)).toMatch(/[\u4e00-\u9fff]|^DutyBook$/);
    }
  });

  it('maps the edit, view and window items to their native roles', () => {
    const byLabel = new Map(flatten(buildMenuTemplate(false, 'win32')).map((i) => [i.label, i.role]));
    expect(Object.fromEntries(['撤销', '重做', '剪切', '复制', '粘贴', '全选'].map((l) => [l, byLabel.get(l)]))).toEqual({
      撤销: 'undo',
      重做: 'redo',
      剪切: 'cut',
      复制: 'copy',
      粘贴: 'paste',
      全选: 'selectAll',
    });
    expect(byLabel.get('实际大小')).toBe('resetZoom');
    expect(byLabel.get('放大')).toBe('zoomIn');
    expect(byLabel.get('缩小')).toBe('zoomOut');
    expect(byLabel.get('全屏')).toBe('togglefullscreen');
    expect(byLabel.get('最小化')).toBe('minimize');
    expect(byLabel.get('关闭')).toBe('close');
    expect(byLabel.get('关于 DutyBook')).toBe('about');
  });

  it.each(platforms)('offers no reload and no developer tools outside development on %s', (platform) => {
    const roles = flatten(buildMenuTemplate(false, platform)).map((i) => i.role);
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(roles).not.toContain(role);
    const labels = flatten(buildMenuTemplate(false, platform)).map((i) => i.label);
    expect(labels).not.toContain('开发者工具');
    expect(labels).not.toContain('重新加载');
  });

  it('offers reload and developer tools in development', () => {
    const byLabel = new Map(flatten(buildMenuTemplate(true, 'linux')).map((i) => [i.label, i.role]));
    expect(byLabel.get('重新加载')).toBe('reload');
    expect(byLabel.get('开发者工具')).toBe('toggleDevTools');
  });

  it('installs the built template as the application menu', () => {
    const built = { built: true };
    const menu = { buildFromTemplate: vi.fn(() => built), setApplicationMenu: vi.fn() };
    setupMenu(menu as never, false, 'linux');
    expect(menu.buildFromTemplate).toHaveBeenCalledWith(buildMenuTemplate(false, 'linux'));
    expect(menu.setApplicationMenu).toHaveBeenCalledWith(built);
  });
});
