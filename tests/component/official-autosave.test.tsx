// @vitest-environment happy-dom
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SaveStatus } from '../../src-renderer/components/SaveStatus';
import { readMirror, useAutosave } from '../../src-renderer/components/useAutosave';
import { useNotifications } from '../../src-renderer/state/notifications';

const KEY = 'dutybook.draft.test';

type ProbeProps = {
  save: (value: string) => Promise<unknown>;
  initial?: string;
  storedAt?: string;
  editable?: boolean;
};

function Probe({ save, initial = '', storedAt, editable = true }: ProbeProps) {
  const a = useAutosave<string>({ key: KEY, initial, storedAt, save, editable, delayMs: 30, retryMs: 40 });
  return (
    <>
      <textarea aria-label="正文" value={a.draft ?? ''} onChange={(e) => a.update(() => e.target.value)} />
      <SaveStatus status={a.status} />
      {a.restored ? <span>已恢复</span> : null}
      <button onClick={() => void a.flush()}>立即保存</button>
    </>
  );
}

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('useAutosave', () => {
  it('mirrors every change at once, saves after the pause, then drops the mirror', async () => {
    const save = vi.fn(() => Promise.resolve());
    render(<Probe save={save} />);
    fireEvent.change(screen.getByLabelText('正文'), { target: { value: '起草预算' } });
    // Synchronously in localStorage, before any save ran.
    expect(readMirror<string>(KEY)?.value).toBe('起草预算');
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByTestId('save-status')).toHaveTextContent('正在保存…');
    await waitFor(() => expect(save).toHaveBeenCalledWith('起草预算'));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/已自动保存 \d\d:\d\d/));
    expect(readMirror(KEY)).toBeNull();
  });

  it('saves once for a burst of typing, with the last text', async () => {
    const save = vi.fn(() => Promise.resolve());
    render(<Probe save={save} />);
    const box = screen.getByLabelText('正文');
    for (const v of ['一', '一二', '一二三']) fireEvent.change(box, { target: { value: v } });
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save).toHaveBeenCalledWith('一二三');
  });

  it('brings back text the database never received, says so, and saves it', async () => {
    localStorage.setItem(KEY, JSON.stringify({ savedAt: '2026-04-15T02:00:00.000Z', value: '关窗前打的字' }));
    const save = vi.fn(() => Promise.resolve());
    render(<Probe save={save} initial="库里的旧文字" storedAt="2026-04-15T01:00:00.000Z" />);
    expect(screen.getByLabelText('正文')).toHaveValue('关窗前打的字');
    expect(screen.getByText('已恢复')).toBeInTheDocument();
    await waitFor(() => expect(save).toHaveBeenCalledWith('关窗前打的字'));
  });

  it('ignores a mirror older than the stored record', () => {
    localStorage.setItem(KEY, JSON.stringify({ savedAt: '2026-04-15T01:00:00.000Z', value: '旧的' }));
    render(<Probe save={() => Promise.resolve()} initial="新的" storedAt="2026-04-15T02:00:00.000Z" />);
    expect(screen.getByLabelText('正文')).toHaveValue('新的');
    expect(screen.queryByText('已恢复')).toBeNull();
  });

  it('keeps the text and the mirror when saving fails, and says so', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const save = vi.fn(() => Promise.reject(new Error('disk full')));
    render(<Probe save={save} />);
    fireEvent.change(screen.getByLabelText('正文'), { target: { value: '不能丢' } });
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('保存失败(内容仍保留在窗口中)'));
    expect(screen.getByLabelText('正文')).toHaveValue('不能丢');
    expect(readMirror<string>(KEY)?.value).toBe('不能丢');
    // Leaving the screen tries once more; let that attempt finish while console.error is still quiet.
    cleanup();
    await new Promise((r) => setTimeout(r, 10));
  });

  it('tries again by itself after a full disk, reports the fault once, and says when the text is saved', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const original = useNotifications.getState().reportError;
    const reported = vi.fn(original);
    useNotifications.setState({ reportError: reported });
    onTestFinished(() => useNotifications.setState({ reportError: original, current: null }));
    let failures = 3;
    const save = vi.fn(() => {
      if (failures-- > 0) {
        // What IndexedDB raises when the disk or the origin's quota is full, wrapped as Dexie does.
        const quota = new DOMException('The transaction was aborted, so the request cannot be fulfilled.', 'QuotaExceededError');
        return Promise.reject(Object.assign(new Error('AbortError'), { name: 'AbortError', inner: quota }));
      }
      return Promise.resolve();
    });
    render(<Probe save={save} />);
    fireEvent.change(screen.getByLabelText('正文'), { target: { value: '磁盘满时写的字' } });
    await waitFor(() => expect(save).toHaveBeenCalledTimes(4), { timeout: 2000 });
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/已自动保存/));
    expect(save).toHaveBeenLastCalledWith('磁盘满时写的字');
    expect(reported).toHaveBeenCalledTimes(1);
    expect(useNotifications.getState().current).toMatchObject({ kind: 'success', text: '存储已恢复,刚才未能保存的内容已自动保存' });
    expect(readMirror(KEY)).toBeNull();
  });

  it('does not retry a save refused for its content', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const save = vi.fn(() => Promise.reject(new Error('not a storage fault')));
    render(<Probe save={save} />);
    fireEvent.change(screen.getByLabelText('正文'), { target: { value: '内容有误' } });
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 150));
    expect(save).toHaveBeenCalledTimes(1);
    cleanup();
    await new Promise((r) => setTimeout(r, 10));
  });

  it('saves at once on demand (Ctrl+S, before submitting)', async () => {
    const save = vi.fn(() => Promise.resolve());
    render(<Probe save={save} />);
    fireEvent.change(screen.getByLabelText('正文'), { target: { value: '马上存' } });
    await act(async () => {
      fireEvent.click(screen.getByText('立即保存'));
      await Promise.resolve();
    });
    expect(save).toHaveBeenCalledWith('马上存');
  });

  it('changes nothing on a locked record', async () => {
    const save = vi.fn(() => Promise.resolve());
    render(<Probe save={save} initial="已提交" editable={false} />);
    fireEvent.change(screen.getByLabelText('正文'), { target: { value: '偷偷改' } });
    expect(screen.getByLabelText('正文')).toHaveValue('已提交');
    await new Promise((r) => setTimeout(r, 60));
    expect(save).not.toHaveBeenCalled();
    expect(readMirror(KEY)).toBeNull();
  });
});
