/**
 * The organisation HR keeps: units (with their materialised paths) and the roster of people.
 * Every write is checked first (ValidationError) and runs in one transaction, so a rejected change
 * leaves the database as it was.
 */
import { ValidationError, NotFoundError } from '../errors/errors';
import {
  childUnitPath,
  newId,
  orgUnitInputSchema,
  parseOrThrow,
  periodsOfPerson,
  personInputSchema,
  withAssignment,
  withLeaving,
  leftOn,
  chineseDay,
  localIsoDate,
  type PersonPeriod,
  roleLabels,
  sortUnitsAsTree,
  unitPathIds,
  type OrgUnit,
  type OrgUnitInput,
  type Person,
  type PersonInput,
  type Role,
  ROLES,
} from '../domain';
import type { DutyBookDb } from './db';
import { wrapStorageErrors } from './storage-errors';
import { compareChinese } from '../domain/collate';

const byName = (a: Person, b: Person) => compareChinese(a.name, b.name) || a.id.localeCompare(b.id);

// ---- Units ----

/**
 * Adds or changes a unit. Its path follows its parent; when a unit moves, the paths of everything
 * below it move too.
 */
export async function putUnit(db: DutyBookDb, input: OrgUnitInput): Promise<OrgUnit> {
  const fields = parseOrThrow(orgUnitInputSchema, input);
  const id = fields.id ?? newId();
  return wrapStorageErrors('save unit', () =>
    db.transaction('rw', db.orgUnits, async () => {
      const parent = fields.parentId === null ? undefined : await db.orgUnits.get(fields.parentId);
      if (fields.parentId !== null && !parent) {
        throw new ValidationError([{ path: 'parentId', message: '上级单位不存在,请重新选择' }]);
      }
      if (parent && unitPathIds(parent.path).includes(id)) {
        throw new ValidationError([
          { path: 'parentId', message: `不能把单位移到它自己的下级单位“${parent.name}”之下` },
        ]);
      }
      const unit: OrgUnit = {
        id,
        name: fields.name,
        parentId: fields.parentId,
        code: fields.code,
        sortOrder: fields.sortOrder,
        path: childUnitPath(parent?.path ?? null, id),
      };
      const siblings =
        fields.parentId === null
          ? await db.orgUnits.filter((u) => u.parentId === null).toArray()
          : await db.orgUnits.where('parentId').equals(fields.parentId).toArray();
      if (siblings.some((u) => u.id !== id && u.name.trim() === unit.name.trim())) {
        throw new ValidationError([
          {
            path: 'name',
            message: parent
              ? `“${parent.name}”下已有名为“${unit.name}”的单位,请换一个名称`
              : `已有名为“${unit.name}”的单位,请换一个名称`,
          },
        ]);
      }
      const before = await db.orgUnits.get(id);
      await db.orgUnits.put(unit);
      if (before && before.path !== unit.path) {
        const below = await db.orgUnits.where('path').startsWith(before.path).toArray();
        await db.orgUnits.bulkPut(
          below
            .filter((u) => u.id !== id)
            .map((u) => ({ ...u, path: unit.path + u.path.slice(before.path.length) })),
        );
      }
      return unit;
    }),
  );
}

export async function getUnit(db: DutyBookDb, id: string): Promise<OrgUnit | undefined> {
  return wrapStorageErrors('read unit', () => db.orgUnits.get(id));
}

/** Every unit in tree order (each unit followed by the units below it). */
export async function listUnits(db: DutyBookDb): Promise<OrgUnit[]> {
  return sortUnitsAsTree(await wrapStorageErrors('list units', () => db.orgUnits.toArray()));
}

/** The units directly below `parentId`; `null` gives the top-level units. */
export async function listChildUnits(db: DutyBookDb, parentId: string | null): Promise<OrgUnit[]> {
  // IndexedDB does not index null keys, so top-level units are found by scanning (units are few).
  const units = await wrapStorageErrors('list units', () =>
    parentId === null
      ? db.orgUnits.filter((u) => u.parentId === null).toArray()
      : db.orgUnits.where('parentId').equals(parentId).toArray(),
  );
  return sortUnitsAsTree(units);
}

/** The unit and every unit below it, in tree order. */
export async function listUnitsWithin(db: DutyBookDb, unitId: string): Promise<OrgUnit[]> {
  return wrapStorageErrors('list units', async () => {
    const unit = await db.orgUnits.get(unitId);
    if (!unit) throw new NotFoundError('unit', unitId);
    // The unit's own parent is outside the set, so sortUnitsAsTree starts from it.
    return sortUnitsAsTree(await db.orgUnits.where('path').startsWith(unit.path).toArray());
  });
}

/** Deletes an empty unit; one that still has units or people below it is refused. */
export async function deleteUnit(db: DutyBookDb, id: string): Promise<void> {
  await wrapStorageErrors('delete unit', () =>
    db.transaction('rw', db.orgUnits, db.people, async () => {
      const unit = await db.orgUnits.get(id);
      if (!unit) throw new NotFoundError('unit', id);
      const children = await db.orgUnits.where('parentId').equals(id).count();
      if (children > 0)
        throw new ValidationError([
          { path: '', message: `“${unit.name}”下还有${children}个下级单位,不能删除` },
        ]);
      const people = await db.people.where('unitId').equals(id).count();
      if (people > 0)
        throw new ValidationError([{ path: '', message: `“${unit.name}”下还有${people}名人员,不能删除` }]);
      await db.orgUnits.delete(id);
    }),
  );
}

// ---- People ----

/**
 * Adds or changes a person in the roster. The unit must exist; the supervisor, when given, must be
 * in the roster, hold the 主管领导 role and not be supervised (directly or not) by this person.
 */
export async function putPerson(db: DutyBookDb, input: PersonInput): Promise<Person> {
  const { effectiveFrom, ...fields } = parseOrThrow(personInputSchema, input);
  const person: Person = dropUndefined({ ...fields, id: fields.id ?? newId() });
  return wrapStorageErrors('save person', () =>
    db.transaction('rw', db.people, db.orgUnits, async () => {
      const issues: { path: string; message: string }[] = [];
      const before = await db.people.get(person.id);
      person.periods = nextPeriods(before, person, effectiveFrom ?? localIsoDate(new Date()));
      if (person.staffNo !== undefined) {
        const same = await db.people.filter((p) => p.staffNo === person.staffNo && p.id !== person.id).first();
        if (same) issues.push({ path: 'staffNo', message: `人员编号已属于“${same.name}”,请核对` });
      }
      if (!(await db.orgUnits.get(person.unitId)))
        issues.push({ path: 'unitId', message: '所在单位不存在,请重新选择' });
      if (person.supervisorId !== null) {
        const sup = await db.people.get(person.supervisorId);
        if (!sup) issues.push({ path: 'supervisorId', message: '所选主管领导不在人员名册中' });
        else if (!sup.active && sup.id !== (await db.people.get(person.id))?.supervisorId) {
          issues.push({
            path: 'supervisorId',
            message: `“${sup.name}”已离职(调出),不能担任${roleLabels.supervisor},请另选`,
          });
        } else {
          if (!sup.roles.includes('supervisor')) {
            issues.push({
              path: 'supervisorId',
              message: `“${sup.name}”未被设为${roleLabels.supervisor},请先在其信息中勾选该角色`,
            });
          }
          // Walk up the chain from the new supervisor; meeting this person again would make a loop.
          const seen = new Set<string>();
          for (
            let p: Person | undefined = sup;
            p && !seen.has(p.id);
            p = p.supervisorId ? await db.people.get(p.supervisorId) : undefined
          ) {
            if (p.supervisorId === person.id) {
              issues.push({
                path: 'supervisorId',
                message: `“${sup.name}”的主管领导关系中已包含本人,不能互为主管领导`,
              });
              break;
            }
            seen.add(p.id);
          }
        }
      }
      if (!person.roles.includes('supervisor')) {
        const reports = await db.people.where('supervisorId').equals(person.id).count();
        if (reports > 0) {
          issues.push({
            path: 'roles',
            message: `仍是${reports}名人员的${roleLabels.supervisor},不能取消该角色;请先为他们另选主管领导`,
          });
        }
      }
      if (issues.length > 0) throw new ValidationError(issues);
      await db.people.put(person);
      return person;
    }),
  );
}

export async function getPerson(db: DutyBookDb, id: string): Promise<Person | undefined> {
  return wrapStorageErrors('read person', () => db.people.get(id));
}

export type ListPeopleOptions = {
  /** Include people of the units below (default false). */
  includeSubunits?: boolean;
  /** Include people marked inactive (default false). */
  includeInactive?: boolean;
};

/** The people of a unit, by name. */
export async function listPeopleByUnit(
  db: DutyBookDb,
  unitId: string,
  options: ListPeopleOptions = {},
): Promise<Person[]> {
  return wrapStorageErrors('list people', async () => {
    let unitIds = [unitId];
    if (options.includeSubunits) {
      const unit = await db.orgUnits.get(unitId);
      if (!unit) throw new NotFoundError('unit', unitId);
      unitIds = (await db.orgUnits.where('path').startsWith(unit.path).primaryKeys()).map(String);
    }
    const people = await db.people.where('unitId').anyOf(unitIds).toArray();
    return people.filter((p) => options.includeInactive || p.active).sort(byName);
  });
}

/** The people whose 主管领导 is `supervisorId`, by name. */
export async function listReports(
  db: DutyBookDb,
  supervisorId: string,
  options: { includeInactive?: boolean } = {},
): Promise<Person[]> {
  const people = await wrapStorageErrors('list reports', () =>
    db.people.where('supervisorId').equals(supervisorId).toArray(),
  );
  return people.filter((p) => options.includeInactive || p.active).sort(byName);
}

/** The people holding a role (e.g. every 主管领导), by name. */
export async function listPeopleWithRole(
  db: DutyBookDb,
  role: Role,
  options: { includeInactive?: boolean } = {},
): Promise<Person[]> {
  const people = await wrapStorageErrors('list people', () =>
    db.people.where('roles').equals(role).toArray(),
  );
  return people.filter((p) => options.includeInactive || p.active).sort(byName);
}

/** Drops fields left undefined (IndexedDB would keep them as present-but-undefined). */
function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/**
 * The person's periods after a save: a new person's first period starts on the 入职(调入) date (or
 * "since before any record"); a change of unit, 主管领导 or roles takes effect on `on`; a corrected
 * 入职 date moves the first period's start.
 */
function nextPeriods(before: Person | undefined, after: Person, on: string): PersonPeriod[] {
  const assignment = { unitId: after.unitId, supervisorId: after.supervisorId, roles: [...after.roles], hrUnitIds: [] };
  if (!before) {
    return after.active ? [{ from: after.joinedOn ?? null, to: null, ...assignment }] : (after.periods ?? []);
  }
  let periods = periodsOfPerson(before).map((p) => ({ ...p }));
  if (before.joinedOn !== after.joinedOn && periods.length > 0) {
    const first = periods[0]!;
    if (first.from === (before.joinedOn ?? null) && (after.joinedOn === undefined || first.to === null || after.joinedOn <= first.to)) {
      periods[0] = { ...first, from: after.joinedOn ?? null };
    }
  }
  if (!after.active) return periods;
  const open = periods.find((p) => p.to === null);
  // Back after 离职(调出) (a transfer back): a new period from the day of return.
  if (!open) return withAssignment(periods, on, { ...assignment, hrUnitIds: periods.at(-1)?.hrUnitIds ?? [] });
  const hrUnitIds = open.hrUnitIds;
  periods = withAssignment(periods, on, { ...assignment, hrUnitIds });
  return periods;
}

// ---- Changes to a person: leaving, moving, another supervisor, a new id ----

async function personOrThrow(db: DutyBookDb, id: string): Promise<Person> {
  const p = await db.people.get(id);
  if (!p) throw new NotFoundError('person', id);
  return p;
}

/** The person's fields as putPerson takes them, with `patch` applied. */
function asInput(p: Person, patch: Partial<PersonInput>): PersonInput {
  const { title, ...rest } = p;
  return { ...rest, ...(title !== undefined ? { title } : {}), ...patch };
}

/**
 * 离职/调出: the person stays in the roster, marked inactive, so what they wrote keeps its author.
 * Refused while active people still have them as 主管领导 (they need another one first).
 */
export async function markPersonLeft(db: DutyBookDb, id: string, on: string = localIsoDate(new Date())): Promise<Person> {
  return wrapStorageErrors('mark person left', () =>
    db.transaction('rw', db.people, async () => {
      const p = await personOrThrow(db, id);
      if (!p.active) return p;
      const reports = (await db.people.where('supervisorId').equals(id).toArray()).filter((r) => r.active);
      if (reports.length > 0) {
        const names = reports
          .map((r) => r.name)
          .sort((a, b) => compareChinese(a, b))
          .join('、');
        throw new ValidationError([
          {
            path: 'supervisorId',
            message: `“${p.name}”仍是${names}的${roleLabels.supervisor},请先为他们另选主管领导,再办理离职(调出)`,
          },
        ]);
      }
      const left: Person = { ...p, active: false, periods: withLeaving(periodsOfPerson(p), on) };
      await db.people.put(left);
      return left;
    }),
  );
}

/** Undoes 离职/调出 (e.g. a transfer back): the person is active again, with their earlier data. */
export async function markPersonReturned(db: DutyBookDb, id: string, on: string = localIsoDate(new Date())): Promise<Person> {
  const p = await wrapStorageErrors('read person', () => personOrThrow(db, id));
  if (p.active) return p;
  const periods = periodsOfPerson(p);
  const gone = leftOn(periods);
  if (gone !== null && on < gone) {
    throw new ValidationError([{ path: 'effectiveFrom', message: `返回日期不能早于离职(调出)日期(${chineseDay(gone)})` }]);
  }
  return putPerson(db, asInput(p, { active: true, effectiveFrom: on }));
}

/** 调动: the person moves to another unit (their supervisor stays until changed). */
export async function movePerson(
  db: DutyBookDb,
  id: string,
  unitId: string,
  on: string = localIsoDate(new Date()),
): Promise<Person> {
  const p = await wrapStorageErrors('read person', () => personOrThrow(db, id));
  if (!p.active) {
    throw new ValidationError([{ path: 'unitId', message: `“${p.name}”已离职(调出),不能调动` }]);
  }
  return putPerson(db, asInput(p, { unitId, effectiveFrom: on }));
}

/** Another 主管领导 (or none); refused when inactive, oneself, or making a loop. */
export async function changeSupervisor(
  db: DutyBookDb,
  id: string,
  supervisorId: string | null,
  on: string = localIsoDate(new Date()),
): Promise<Person> {
  const p = await wrapStorageErrors('read person', () => personOrThrow(db, id));
  return putPerson(db, asInput(p, { supervisorId, effectiveFrom: on }));
}

/**
 * Deletes a person typed in by mistake. Anyone the unit has already received anything about or
 * from (records, evaluations), who holds keys in an issued roster, or who still supervises someone
 * is refused: 离职(调出) keeps them for the record instead.
 */
export async function deletePerson(db: DutyBookDb, id: string): Promise<void> {
  await wrapStorageErrors('delete person', () =>
    db.transaction('rw', [db.people, db.facts, db.evaluations, db.rosters], async () => {
      const p = await personOrThrow(db, id);
      const reports = await db.people.where('supervisorId').equals(id).count();
      if (reports > 0) {
        throw new ValidationError([
          { path: '', message: `“${p.name}”仍是${reports}名人员的${roleLabels.supervisor},不能删除` },
        ]);
      }
      const received =
        (await db.facts.where('subject').equals(id).count()) +
        (await db.facts.where('author').equals(id).count()) +
        (await db.evaluations.filter((e) => e.subject === id).count());
      const roster = await db.rosters.orderBy('version').last();
      const listed = roster?.signed.roster.people.find((x) => x.id === id);
      if (received > 0 || (listed && listed.keys.length > 0)) {
        throw new ValidationError([
          {
            path: '',
            message: `已收到或登记过“${p.name}”的考核材料或密钥,不能删除;如已离开本单位,请办理“离职(调出)”,以保留历史记录`,
          },
        ]);
      }
      await db.people.delete(id);
    }),
  );
}

/**
 * Gives a person a new id (binding an enrollment: facts name their author by the id the official's
 * own install uses), moving every 主管领导 reference with it, in one transaction. Refused when the
 * new id is already someone's.
 */
export async function rekeyPerson(db: DutyBookDb, oldId: string, newId: string): Promise<Person> {
  if (oldId === newId) return wrapStorageErrors('read person', () => personOrThrow(db, oldId));
  return wrapStorageErrors('rekey person', () =>
    db.transaction('rw', db.people, async () => {
      const p = await personOrThrow(db, oldId);
      const taken = await db.people.get(newId);
      if (taken) {
        throw new ValidationError([
          { path: 'personId', message: `编号已属于名册中的“${taken.name}”,不能再对应到“${p.name}”` },
        ]);
      }
      const { effectiveFrom: _unused, ...fields } = parseOrThrow(personInputSchema, { ...asInput(p, {}), id: newId });
      const moved = dropUndefined({ ...fields, id: newId, periods: periodsOfPerson(p) }) as Person;
      // Everyone who ever had them as 主管领导 (in any period) follows the new id.
      const reports = (await db.people.toArray()).filter(
        (r) => r.supervisorId === oldId || r.periods?.some((x) => x.supervisorId === oldId),
      );
      await db.people.delete(oldId);
      await db.people.put(moved);
      await db.people.bulkPut(
        reports.map((r) => ({
          ...r,
          supervisorId: r.supervisorId === oldId ? newId : r.supervisorId,
          periods: periodsOfPerson(r).map((x) => (x.supervisorId === oldId ? { ...x, supervisorId: newId } : x)),
        })),
      );
      return moved;
    }),
  );
}

// ---- Changes to many people at once (批量操作) ----

/** One change applied to every person chosen: 更换主管领导, 调整单位, 标记离职, 设置角色. */
export type PeopleBatchChange =
  | { kind: 'supervisor'; supervisorId: string | null }
  | { kind: 'unit'; unitId: string }
  | { kind: 'leave' }
  | { kind: 'roles'; add: readonly Role[]; remove: readonly Role[] };

/** A person the batch cannot change, and why, in the words a clerk reads. */
export type PeopleBatchRefusal = { personId: string; name: string; reason: string };

export type PeopleBatchResult = {
  /** The people the batch changed (after the change). */
  changed: Person[];
  /** Chosen, but already as asked (already 离职, already under that 主管领导). */
  unchanged: Person[];
};

/**
 * What a batch would do, without writing: every person's result, and every refusal. The rules are
 * those of the single-person edit (putPerson, markPersonLeft): a 主管领导 must be in the roster,
 * active, hold the role and not be supervised (directly or not) by the person; someone who still
 * supervises active people cannot leave or lose the role; a change dated before the person's latest
 * change is refused. They are checked on the roster as it would be after the whole batch, so a
 * 主管领导 who leaves together with everyone they supervise, or a team moved with its leader, passes.
 */
export async function planPeopleBatch(
  db: DutyBookDb,
  ids: readonly string[],
  change: PeopleBatchChange,
  on: string = localIsoDate(new Date()),
): Promise<PeopleBatchResult & { refused: PeopleBatchRefusal[] }> {
  return wrapStorageErrors('plan people batch', () =>
    db.transaction('r', db.people, db.orgUnits, () => planBatch(db, ids, change, on)),
  );
}

/**
 * Applies a batch in one transaction: all of it, or — when anyone is refused — nothing, with a
 * ValidationError naming each person refused and why (path: the person's id). The changes wait,
 * like any edit, for the next 签发人员名册, which issues them together as one roster version.
 */
export async function applyPeopleBatch(
  db: DutyBookDb,
  ids: readonly string[],
  change: PeopleBatchChange,
  on: string = localIsoDate(new Date()),
): Promise<PeopleBatchResult> {
  return wrapStorageErrors('apply people batch', () =>
    db.transaction('rw', db.people, db.orgUnits, async () => {
      const { changed, unchanged, refused } = await planBatch(db, ids, change, on);
      if (refused.length > 0) {
        throw new ValidationError(
          refused.map((r) => ({ path: r.personId, message: `“${r.name}”：${r.reason}` })),
        );
      }
      await db.people.bulkPut(changed);
      return { changed, unchanged };
    }),
  );
}

function reasonOf(e: unknown): string {
  if (e instanceof ValidationError) return e.issues.map((i) => i.message).join(';');
  throw e;
}

async function planBatch(
  db: DutyBookDb,
  ids: readonly string[],
  change: PeopleBatchChange,
  on: string,
): Promise<PeopleBatchResult & { refused: PeopleBatchRefusal[] }> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) {
    throw new ValidationError([{ path: 'effectiveFrom', message: '请填写变动生效日期' }]);
  }
  const [everyone, units] = await Promise.all([db.people.toArray(), db.orgUnits.toArray()]);
  const before = new Map(everyone.map((p) => [p.id, p]));
  // The roster as it would be after the batch: the checks below read this, not the stored rows.
  const after = new Map(before);
  const chosen = [...new Set(ids)];
  const refused: PeopleBatchRefusal[] = [];
  const refuse = (p: Person, reason: string) => refused.push({ personId: p.id, name: p.name, reason });
  const changedIds: string[] = [];
  const unchanged: Person[] = [];

  if (change.kind === 'unit' && !units.some((u) => u.id === change.unitId)) {
    throw new ValidationError([{ path: 'unitId', message: '所选单位不存在，请重新选择' }]);
  }
  for (const id of chosen) {
    const p = before.get(id);
    if (!p) throw new NotFoundError('person', id);
    try {
      if (change.kind === 'leave') {
        if (!p.active) {
          unchanged.push(p);
          continue;
        }
        after.set(id, { ...p, active: false, periods: withLeaving(periodsOfPerson(p), on) });
        changedIds.push(id);
        continue;
      }
      if (!p.active) {
        refuse(p, '已离职（调出），不能再变动；如已返回，请先办理“恢复在职”');
        continue;
      }
      const patch: Partial<Person> =
        change.kind === 'supervisor'
          ? { supervisorId: change.supervisorId }
          : change.kind === 'unit'
            ? { unitId: change.unitId }
            : {
                roles: ROLES.filter(
                  (r) => (p.roles.includes(r) || change.add.includes(r)) && !change.remove.includes(r),
                ),
              };
      const next = { ...p, ...patch };
      if (
        next.unitId === p.unitId &&
        next.supervisorId === p.supervisorId &&
        next.roles.join() === p.roles.join()
      ) {
        unchanged.push(p);
        continue;
      }
      const input = parseOrThrow(personInputSchema, asInput(p, { ...patch, effectiveFrom: on }));
      const person: Person = dropUndefined({ ...next, roles: input.roles });
      person.periods = nextPeriods(p, person, on);
      after.set(id, person);
      changedIds.push(id);
    } catch (e) {
      refuse(p, reasonOf(e));
    }
  }

  // The rules of the roster, on the roster after the batch.
  const refusedIds = new Set(refused.map((r) => r.personId));
  for (const id of changedIds) {
    if (refusedIds.has(id)) continue;
    const p = after.get(id)!;
    const was = before.get(id)!;
    if (p.active && p.supervisorId !== null && p.supervisorId !== was.supervisorId) {
      const sup = after.get(p.supervisorId);
      if (!sup) refuse(p, '所选主管领导不在人员名册中');
      else if (sup.id === p.id) refuse(p, '主管领导不能是本人');
      else if (!sup.active)
        refuse(p, `“${sup.name}”已离职（调出），不能担任${roleLabels.supervisor}，请另选`);
      else if (!sup.roles.includes('supervisor'))
        refuse(p, `“${sup.name}”未被设为${roleLabels.supervisor}，请先在其信息中勾选该角色`);
      else {
        const seen = new Set<string>();
        for (
          let q: Person | undefined = sup;
          q && !seen.has(q.id);
          q = q.supervisorId ? after.get(q.supervisorId) : undefined
        ) {
          if (q.supervisorId === p.id) {
            refuse(p, `“${sup.name}”的主管领导关系中已包含本人，不能互为主管领导`);
            break;
          }
          seen.add(q.id);
        }
      }
    }
    const stillSupervising = () =>
      [...after.values()]
        .filter((r) => r.active && r.supervisorId === p.id && r.id !== p.id)
        .map((r) => r.name)
        .sort((a, b) => compareChinese(a, b));
    if (!p.active && was.active) {
      const names = stillSupervising();
      if (names.length > 0)
        refuse(
          p,
          `仍是${listNames(names)}的${roleLabels.supervisor}，请先为他们另选主管领导（或一并办理离职），再办理离职（调出）`,
        );
    } else if (p.active && was.roles.includes('supervisor') && !p.roles.includes('supervisor')) {
      const names = stillSupervising();
      if (names.length > 0)
        refuse(
          p,
          `仍是${listNames(names)}的${roleLabels.supervisor}，不能取消该角色；请先为他们另选主管领导`,
        );
    }
  }
  const refusedNow = new Set(refused.map((r) => r.personId));
  const order = new Map(chosen.map((id, i) => [id, i]));
  refused.sort((a, b) => order.get(a.personId)! - order.get(b.personId)!);
  return {
    changed: changedIds.filter((id) => !refusedNow.has(id)).map((id) => after.get(id)!),
    unchanged,
    refused,
  };
}

/** 张三、李四、王五等12人 */
function listNames(names: readonly string[]): string {
  return names.length <= 3 ? names.join('、') : `${names.slice(0, 3).join('、')}等${names.length}人`;
}
