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
  personInputSchema,
  roleLabels,
  sortUnitsAsTree,
  unitPathIds,
  type OrgUnit,
  type OrgUnitInput,
  type Person,
  type PersonInput,
  type Role,
} from '../domain';
import type { DutyBookDb } from './db';
import { wrapStorageErrors } from './storage-errors';

const byName = (a: Person, b: Person) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);

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
  const fields = parseOrThrow(personInputSchema, input);
  const person: Person = { ...fields, id: fields.id ?? newId() };
  if (person.title === undefined) delete person.title;
  return wrapStorageErrors('save person', () =>
    db.transaction('rw', db.people, db.orgUnits, async () => {
      const issues: { path: string; message: string }[] = [];
      if (!(await db.orgUnits.get(person.unitId)))
        issues.push({ path: 'unitId', message: '所在单位不存在,请重新选择' });
      if (person.supervisorId !== null) {
        const sup = await db.people.get(person.supervisorId);
        if (!sup) issues.push({ path: 'supervisorId', message: '所选主管领导不在人员名册中' });
        else {
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
