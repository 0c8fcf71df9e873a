/**
 * Writes a confirmed roster import (shared/domain/roster-import.ts): the units its paths name that do
 * not exist yet, then every 新增 and 更新 row, in ONE transaction — a refusal anywhere (the roster
 * changed since the preview, a check of putPerson failing) leaves the roster exactly as it was.
 *
 * Units go through putUnit and people through putPerson (org-repo.ts), nested in this transaction, so
 * an imported person meets every rule a person saved by hand does (人员编号 unique, the unit exists,
 * the 主管领导 holds the role and makes no loop, the dated periods). The changes then show, together,
 * in 签发人员名册's list of what the next roster changes.
 */
import { ValidationError } from '../errors/errors';
import { localIsoDate, newId, type ImportedPerson, type OrgUnit, type PersonInput, type RosterPreview } from '../domain';
import type { DutyBookDb } from './db';
import { putPerson, putUnit } from './org-repo';
import { wrapStorageErrors } from './storage-errors';

export type RosterImportResult = { added: number; updated: number; unitsCreated: number };

export type ApplyRosterImportOptions = {
  /** Leave the 有误 rows out; without it, a preview with any 有误 row is refused. */
  onlyGood?: boolean;
  /** The day the changes of unit, 主管领导 and roles take effect (default: today). */
  effectiveFrom?: string;
};

/** Supervisors before the people they supervise; those giving up the 主管领导 role last. */
function applyOrder(people: readonly ImportedPerson[]): ImportedPerson[] {
  const byStaffNo = new Map(people.map((p) => [p.staffNo, p]));
  const done = new Set<ImportedPerson>();
  const out: ImportedPerson[] = [];
  const visit = (p: ImportedPerson, depth: number) => {
    if (done.has(p) || depth > people.length) return;
    done.add(p);
    const s = p.supervisor;
    const sup = s && 'staffNo' in s ? byStaffNo.get(s.staffNo) : undefined;
    if (sup) visit(sup, depth + 1);
    out.push(p);
  };
  for (const p of people) if (p.roles.includes('supervisor')) visit(p, 0);
  for (const p of people) visit(p, 0);
  return out;
}

export async function applyRosterImport(
  db: DutyBookDb,
  preview: RosterPreview,
  options: ApplyRosterImportOptions = {},
): Promise<RosterImportResult> {
  if (preview.fileError) throw new ValidationError([{ path: '', message: preview.fileError }]);
  if (preview.counts.error > 0 && !options.onlyGood) {
    throw new ValidationError([
      {
        path: '',
        message: `文件中还有${preview.counts.error}行有误,未导入任何人员。请改正后重新导入,或选择“只导入无误的行”。`,
      },
    ]);
  }
  const rows = preview.rows.filter((r) => (r.status === 'new' || r.status === 'update') && r.person);
  const people = rows.map((r) => r.person!);
  const on = options.effectiveFrom ?? localIsoDate(new Date());
  return wrapStorageErrors('import roster', () =>
    db.transaction('rw', db.orgUnits, db.people, async () => {
      // ---- Units, by their paths of names ----
      const units = await db.orgUnits.toArray();
      const idByPath = new Map<string, string>();
      const pathOf = new Map<string, string>();
      const nameOf = (u: OrgUnit): string => {
        const known = pathOf.get(u.id);
        if (known !== undefined) return known;
        const parent = u.parentId ? units.find((x) => x.id === u.parentId) : undefined;
        const path = parent ? `${nameOf(parent)}/${u.name}` : u.name;
        pathOf.set(u.id, path);
        return path;
      };
      for (const u of units) idByPath.set(nameOf(u), u.id);
      let unitsCreated = 0;
      const unitIdOf = async (segments: readonly string[]): Promise<string> => {
        let parentId: string | null = null;
        for (let i = 0; i < segments.length; i++) {
          const key = segments.slice(0, i + 1).join('/');
          let id = idByPath.get(key);
          if (id === undefined) {
            if (parentId === null) {
              throw new ValidationError([{ path: 'unitPath', message: `单位“${segments[0]}”不是本机的单位` }]);
            }
            const unit = await putUnit(db, { name: segments[i]!, parentId });
            id = unit.id;
            idByPath.set(key, id);
            unitsCreated++;
          }
          parentId = id;
        }
        return parentId!;
      };

      // ---- People ----
      const idOfStaffNo = new Map<string, string>();
      for (const p of people) idOfStaffNo.set(p.staffNo, p.id ?? newId());
      let added = 0;
      let updated = 0;
      for (const p of applyOrder(people)) {
        const s = p.supervisor;
        const supervisorId = s === null ? null : 'personId' in s ? s.personId : (idOfStaffNo.get(s.staffNo) ?? null);
        const { unitPath, supervisor: _s, id: _id, ...fields } = p;
        const input: PersonInput = {
          ...fields,
          id: idOfStaffNo.get(p.staffNo)!,
          unitId: await unitIdOf(unitPath),
          supervisorId,
          active: true,
          effectiveFrom: on,
        };
        try {
          await putPerson(db, input);
        } catch (e) {
          // Say which row failed: the clerk fixes that row, nothing else was written.
          if (e instanceof ValidationError) {
            const row = rows.find((r) => r.person === p)!.rowNumber;
            throw new ValidationError(
              e.issues.map((i) => ({ ...i, message: `第${row}行(${p.name}):${i.message}。未导入任何人员。` })),
            );
          }
          throw e;
        }
        if (p.id) updated++;
        else added++;
      }
      return { added, updated, unitsCreated };
    }),
  );
}
