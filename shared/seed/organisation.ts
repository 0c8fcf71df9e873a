/**
 * The example organisation: one 局 (the top-level unit, whose id is the roster's orgId) with its
 * 局领导, and `units` 科室 below it, each led by a 科长 who supervises the 科室 while the 局领导
 * supervise the 科长 (分管, round robin). One member of 人事科 holds the HR role. Position
 * categories follow the 科室 (执法 科室 → 行政执法类, 技术 科室 → 专业技术类), rank levels fit the
 * category (vocabulary.ts `rankLevelsFor`), names are unique within each unit.
 */
import { rankLevelsFor, type PositionCategory, type Role } from '../domain';
import { chineseName, unitTheme } from './content';
import { Random } from './random';

export type SeedUnit = {
  id: string;
  name: string;
  parentId: string | null;
  code: string;
  sortOrder: number;
  /** The field of work its people's plans are about. */
  field: string;
};

export type SeedPerson = {
  id: string;
  name: string;
  unitId: string;
  positionCategory: PositionCategory;
  rankLevel: string;
  title?: string;
  roles: Role[];
  supervisorId: string | null;
};

export type Organisation = {
  orgId: string;
  orgName: string;
  units: SeedUnit[];
  /** Supervisors before the people they supervise (the order HR enters them in). */
  people: SeedPerson[];
  hrId: string;
  /** The unit of each person, and its field of work. */
  fieldOf(personId: string): string;
};

export type OrganisationOptions = {
  seed: string;
  /** 科室 below the 局 (default 6). */
  units: number;
  /** Everyone, 局领导 included (default 60). */
  people: number;
  orgName?: string;
  /** Milliseconds: the time ids are stamped with (HR entered the organisation then). */
  createdAt: number;
  /** The HR person's id and name when they are given (an existing profile on the HR device). */
  hr?: { id?: string; name?: string };
};

export const DEFAULT_ORG_NAME = '示例市市场监督管理局';

// prettier-ignore
const MEMBER_RANKS: Readonly<Record<PositionCategory, readonly (readonly [string, number])[]>> = {
  comprehensive: [
    ['researcher3', 1],
    ['researcher4', 2],
    ['principalStaff1', 3],
    ['principalStaff2', 4],
    ['principalStaff3', 4],
    ['principalStaff4', 5],
    ['staff1', 6],
    ['staff2', 3],
  ],
  professional: [
    ['proSeniorManager4', 1],
    ['proManager1', 3],
    ['proManager2', 4],
    ['proManager3', 4],
    ['proManager4', 4],
    ['proTechnician', 3],
  ],
  enforcement: [
    ['enfSeniorOfficer4', 1],
    ['enfOfficer1', 3],
    ['enfOfficer2', 4],
    ['enfOfficer3', 4],
    ['enfOfficer4', 4],
    ['enfAgent1', 4],
    ['enfAgent2', 2],
  ],
};

function memberRank(rng: Random, category: PositionCategory): string {
  const rank = rng.weighted(MEMBER_RANKS[category]);
  // The table only names levels of the category; the check keeps it honest if the ladder changes.
  if (!rankLevelsFor(category).some((r) => r.id === rank))
    throw new Error(`${rank} is not a ${category} rank`);
  return rank;
}

export function generateOrganisation(options: OrganisationOptions): Organisation {
  const { units: unitCount, people: total } = options;
  if (!Number.isInteger(unitCount) || unitCount < 1) throw new RangeError('units must be at least 1');
  const deputies = Math.max(1, Math.min(5, Math.round(unitCount / 4)));
  const leaders = 1 + deputies;
  if (!Number.isInteger(total) || total < leaders + unitCount * 2) {
    throw new RangeError(`people must be at least ${leaders + unitCount * 2} for ${unitCount} units`);
  }
  const rng = new Random(`${options.seed}/organisation`);
  const id = () => rng.ulid(options.createdAt);
  const orgName = options.orgName ?? DEFAULT_ORG_NAME;
  const root: SeedUnit = { id: id(), name: orgName, parentId: null, code: 'J', sortOrder: 0, field: '全局' };
  const units: SeedUnit[] = [root];
  const people: SeedPerson[] = [];
  const namesIn = new Map<string, Set<string>>();
  const uniqueName = (unitId: string): string => {
    const taken = namesIn.get(unitId) ?? new Set<string>();
    namesIn.set(unitId, taken);
    for (let i = 0; i < 500; i++) {
      const name = chineseName(rng);
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
    throw new Error('cannot find a unique name');
  };
  const add = (p: Omit<SeedPerson, 'id' | 'name'>): SeedPerson => {
    const person: SeedPerson = { id: id(), name: uniqueName(p.unitId), ...p };
    people.push(person);
    return person;
  };

  const director = add({
    unitId: root.id,
    positionCategory: 'comprehensive',
    rankLevel: 'divisionChief',
    title: '局长',
    roles: ['official', 'supervisor'],
    supervisorId: null,
  });
  const bureauLeaders = [director];
  for (let i = 0; i < deputies; i++) {
    bureauLeaders.push(
      add({
        unitId: root.id,
        positionCategory: 'comprehensive',
        rankLevel: 'divisionDeputy',
        title: '副局长',
        roles: ['official', 'supervisor'],
        supervisorId: director.id,
      }),
    );
  }

  // The rest, shared out as evenly as the count allows.
  const rest = total - leaders;
  const field = new Map<string, string>([[root.id, root.field]]);
  const sections: { unit: SeedUnit; size: number; category: PositionCategory }[] = [];
  for (let i = 0; i < unitCount; i++) {
    const theme = unitTheme(i);
    const unit: SeedUnit = {
      id: id(),
      name: theme.name,
      parentId: root.id,
      code: `J${String(i + 1).padStart(2, '0')}`,
      sortOrder: i + 1,
      field: theme.field,
    };
    units.push(unit);
    field.set(unit.id, theme.field);
    sections.push({
      unit,
      size: Math.floor(rest / unitCount) + (i < rest % unitCount ? 1 : 0),
      category: theme.category,
    });
  }
  // 人事科 (the second 内设机构) holds HR; with a single 科室, that one.
  const hrSection = sections[Math.min(1, sections.length - 1)]!;
  let hrId = '';
  sections.forEach(({ unit, size, category }, i) => {
    const head = unit.name.endsWith('所') ? '所长' : unit.name === '办公室' ? '主任' : '科长';
    const chief = add({
      unitId: unit.id,
      positionCategory: category,
      rankLevel: 'sectionChief',
      title: head,
      roles: ['official', 'supervisor'],
      supervisorId: bureauLeaders[i % bureauLeaders.length]!.id,
    });
    let members = size - 1;
    if (size >= 8) {
      add({
        unitId: unit.id,
        positionCategory: category,
        rankLevel: 'sectionDeputy',
        title: `副${head}`,
        roles: ['official'],
        supervisorId: chief.id,
      });
      members -= 1;
    }
    for (let m = 0; m < members; m++) {
      const hr = unit === hrSection.unit && hrId === '';
      const p = add({
        unitId: unit.id,
        positionCategory: category,
        rankLevel: memberRank(rng, category),
        roles: hr ? ['official', 'hr'] : ['official'],
        supervisorId: chief.id,
      });
      if (hr) {
        // The same draws either way, so the rest of the organisation does not depend on it.
        const given = options.hr;
        if (given?.id) p.id = given.id;
        if (given?.name && given.name !== p.name && !namesIn.get(unit.id)!.has(given.name))
          p.name = given.name;
        hrId = p.id;
      }
    }
  });
  const unitOf = new Map(people.map((p) => [p.id, p.unitId]));
  return {
    orgId: root.id,
    orgName,
    units,
    people,
    hrId,
    fieldOf: (personId) => field.get(unitOf.get(personId) ?? '') ?? '',
  };
}
