import type { Dispatch, SetStateAction } from 'react';
import { clearFields, clearPrefix, type FieldErrors } from '../../components/fieldErrors';

type Options<D, T> = {
  /** Changes the draft (the autosave's `update`). */
  update: (change: (draft: D) => D) => void;
  /** Applies a change of the list to the draft that holds it. */
  at: (draft: D, change: (list: readonly T[]) => T[]) => D;
  /** The list as shown now: a deleted entry is taken from here, to be put back by 撤销. */
  items: readonly T[];
  /** Where the list's field messages are, e.g. `workItems` for `workItems.2.content`. */
  path: string;
  setErrors: Dispatch<SetStateAction<FieldErrors>>;
  /** Offers to take a delete back (useUndo). */
  offer: (text: string, undo: () => unknown) => void;
  /** e.g. 已删除第2项工作. */
  deletedText: (index: number, entry: T) => string;
};

/**
 * Editing the entries of a list inside a draft (the plan's items, the record book's work items and
 * errors): a changed field drops its own message; a delete or a move renumbers the entries, so every
 * message of the list goes; a delete can be taken back, and puts the entry back where it was.
 */
export function listActions<D, T>({ update, at, items, path, setErrors, offer, deletedText }: Options<D, T>) {
  const edit = (change: (list: readonly T[]) => T[]) => update((d) => at(d, change));
  return {
    change: (index: number, patch: Partial<T>) => {
      edit((list) => list.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));
      setErrors((e) => clearFields(e, `${path}.${index}`, Object.keys(patch)));
    },
    remove: (index: number) => {
      const removed = items[index];
      if (removed === undefined) return;
      edit((list) => list.filter((_, i) => i !== index));
      setErrors((e) => clearPrefix(e, path));
      offer(deletedText(index, removed), () => edit((list) => [...list.slice(0, index), removed, ...list.slice(index)]));
    },
    move: (index: number, by: -1 | 1) => {
      edit((list) => {
        const next = [...list];
        const [entry] = next.splice(index, 1);
        if (entry !== undefined) next.splice(index + by, 0, entry);
        return next;
      });
      setErrors((e) => clearPrefix(e, path));
    },
    add: (entry: T) => {
      edit((list) => [...list, entry]);
    },
  };
}
