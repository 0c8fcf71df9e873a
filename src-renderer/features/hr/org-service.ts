/**
 * HR's organisation set-up, enough to issue the first rosters: the organisation (its top-level
 * unit, whose id is the roster's orgId), the HR organisation key (kept by the host, pinned here at
 * once), enrollment requests bound to people, the signed roster, and what the next roster would
 * change (units, people and the 考核办法 HR has saved since the last one).
 */
import {
  canonicalJson,
  dayAfter,
  periodsOfPerson,
  roleLabels,
  type AssessmentConfig,
  type LocalProfile,
  type Person,
  type PersonPeriod,
} from '../../../shared/domain';
import { DutyBookError, ValidationError } from '../../../shared/errors/errors';
import { fromUtf8, toHex, utf8 } from '../../../shared/bundle/bytes';
import { detectSuite, fingerprint } from '../../../shared/bundle/crypto';
import {
  bindEnrollment,
  createEnrollmentRequest,
  draftNextRoster,
  generateOrgKey,
  loadOrgKey,
  parseEnrollmentRequest,
  pinHrKey,
  signRoster,
  storeOrgKey,
  type EnrollmentRequest,
  type RosterPerson,
} from '../../../shared/sync';
import {
  getActiveConfig,
  getCurrentRoster,
  listConfigVersions,
  putPerson,
  putUnit,
  rekeyPerson,
  saveRoster,
  type DutyBookDb,
} from '../../../shared/store';
import type { Services } from '../../state/services';
import { ensureIdentity } from '../../bundles/identity';

export type Org = { id: string; name: string };

/** The organisation is the one top-level unit; everything else sits below it. */
export async function readOrg(db: DutyBookDb): Promise<Org | null> {
  const top = await db.orgUnits.filter((u) => u.parentId === null).first();
  return top ? { id: top.id, name: top.name } : null;
}

export async function createOrg(services: Services, profile: LocalProfile, name: string): Promise<Org> {
  const { db, host } = services;
  if (await readOrg(db)) throw new ValidationError([{ path: 'name', message: '本机已建立单位' }]);
  const { suite } = await ensureIdentity(services, profile);
  const orgKey = (await loadOrgKey(host, suite)) ?? (await generateOrgKey(suite));
  await storeOrgKey(host, orgKey);
  const unit = await putUnit(db, { name, parentId: null });
  // HR's own person is on the roster too: it sends and receives bundles like everyone else.
  await putPerson(db, {
    id: profile.personId,
    name: profile.name,
    unitId: unit.id,
    positionCategory: profile.positionCategory,
    rankLevel: profile.rankLevel,
    ...(profile.title ? { title: profile.title } : {}),
    roles: profile.roles,
    supervisorId: null,
  });
  // This device holds the key itself: no paper to compare with, so it is pinned at once.
  await pinHrKey(db, { hrKey: toHex(orgKey.pub), confirmedFingerprint: fingerprint(orgKey.pub) });
  return { id: unit.id, name: unit.name };
}

// ---- Enrollment requests waiting to be bound and issued ----

export type PendingEnrollment = {
  /** The request file's text (canonical JSON, re-verified when the roster is issued). */
  file: string;
  request: EnrollmentRequest;
  /** The roster person it is bound to (the request's personId once bound), or null. */
  boundTo: string | null;
  /** The file it came from, as the clerk saw it (older entries have none). */
  fileName?: string;
};

/** Reads and verifies a request file (EnrollmentError, in Chinese, when it is not one). */
export async function readRequest(bytes: Uint8Array, fileName?: string): Promise<PendingEnrollment> {
  const request = await parseEnrollmentRequest(await detectSuite(), bytes);
  return { file: fromUtf8(bytes), request, boundTo: null, ...(fileName ? { fileName } : {}) };
}

/**
 * Binds a request to a person. Facts name their author by the id the official's own install uses,
 * so a person HR typed in takes that id (with every reference to it) — unless the person already
 * holds keys under its present id in an issued roster, which would orphan what they signed.
 */
export async function bindRequest(
  db: DutyBookDb,
  pending: PendingEnrollment,
  personId: string,
): Promise<string> {
  const target = pending.request.personId;
  if (personId === target) return target;
  const person = await db.people.get(personId);
  if (!person) throw new DutyBookError('not-found', 'person not found', { what: 'person' });
  if (await db.people.get(target)) {
    throw new ValidationError([
      { path: 'personId', message: `此申请已对应名册中的另一人员,不能再对应到“${person.name}”` },
    ]);
  }
  const roster = await getCurrentRoster(db);
  const listed = roster?.roster.people.find((p) => p.id === personId);
  if (listed && listed.keys.length > 0) {
    throw new ValidationError([
      {
        path: 'personId',
        message: `“${person.name}”已登记过密钥;换电脑请在原电脑上导出密钥备份后恢复,或联系技术人员`,
      },
    ]);
  }
  await rekeyPerson(db, personId, target);
  return target;
}

/** Signs the next roster: HR's tables, this device's own keys and every bound request. */
export async function issueRoster(
  services: Services,
  profile: LocalProfile,
  bound: readonly PendingEnrollment[],
): Promise<number> {
  const { db, host } = services;
  const org = await readOrg(db);
  if (!org) throw new ValidationError([{ path: '', message: '请先建立单位' }]);
  const { suite, keys, identity } = await ensureIdentity(services, profile);
  const orgKey = await loadOrgKey(host, suite);
  if (!orgKey) {
    throw new ValidationError([{ path: '', message: '本机没有人事部门密钥,请从密钥备份恢复后再签发' }]);
  }
  const config = await configToIssue(db);
  let draft = await draftNextRoster(db, {
    orgId: org.id,
    hrKey: toHex(orgKey.pub),
    ...(config !== undefined ? { config } : {}),
  });
  const self = draft.people.find((p) => p.id === identity.personId);
  if (self && !self.keys.some((k) => k.signingPub === identity.signingPub)) {
    const own = await parseEnrollmentRequest(
      suite,
      await createEnrollmentRequest(suite, {
        keys,
        personId: identity.personId,
        personName: profile.name,
        unitName: org.name,
        deviceId: identity.device,
      }),
    );
    draft = bindEnrollment(draft, own, { personId: identity.personId });
  }
  for (const p of bound) {
    if (!p.boundTo) continue;
    const request = await parseEnrollmentRequest(suite, utf8(p.file));
    const held = draft.people.find((x) => x.id === p.boundTo);
    if (!held || held.keys.some((k) => k.signingPub === request.signingPub)) continue;
    draft = bindEnrollment(draft, request, { personId: p.boundTo });
  }
  const signed = await signRoster(suite, orgKey.seed, draft);
  if (!(await saveRoster(db, signed)))
    throw new DutyBookError('conflict', 'a newer roster exists', { what: 'roster' });
  return draft.version;
}

// ---- What the next roster would change ----

/**
 * The 考核办法 the next roster carries: the unit's saved rules; when HR has never saved any, the
 * previous roster's (undefined: carried over) or, for the first roster, the preset in use.
 */
export async function configToIssue(db: DutyBookDb): Promise<AssessmentConfig | undefined> {
  const active = await getActiveConfig(db);
  if (active.customised) return active.config;
  const roster = await getCurrentRoster(db);
  if (roster && roster.roster.config !== '') return undefined;
  return active.config;
}

/** The person's own details the roster carries (not the 身份证号, which stays here), as the 登记表 names them. */
const PROFILE_WORDS = {
  gender: '性别',
  birthMonth: '出生年月',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  education: '学历',
  staffNo: '人员编号',
  rankSince: '任现职务职级时间',
  duties: '从事或分管工作',
  joinedOn: '入职(调入)日期',
  probationEnd: '试用期满日期',
} as const;

function profileChanges(o: RosterPerson, p: Person): string[] {
  return (Object.keys(PROFILE_WORDS) as (keyof typeof PROFILE_WORDS)[])
    .filter((k) => (o.profile?.[k] ?? '') !== (p[k] ?? ''))
    .map((k) => PROFILE_WORDS[k]);
}

/** Periods compared by what they say: adjoining periods with the same unit, supervisor and roles are one. */
function periodsWords(periods: readonly PersonPeriod[]): string {
  const merged: PersonPeriod[] = [];
  for (const p of [...periods].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''))) {
    const last = merged.at(-1);
    if (
      last &&
      last.to !== null &&
      p.from !== null &&
      dayAfter(last.to) === p.from &&
      last.unitId === p.unitId &&
      last.supervisorId === p.supervisorId &&
      last.roles.join() === p.roles.join()
    ) {
      merged[merged.length - 1] = { ...last, to: p.to };
    } else merged.push(p);
  }
  return merged.map((p) => [p.from, p.to, p.unitId, p.supervisorId, p.roles.join('+')].join('|')).join(';');
}

/** The HR tables against the roster last issued, one line per change, in Chinese. */
export async function pendingRosterChanges(db: DutyBookDb): Promise<string[]> {
  // Every table this depends on is read at once, before any other await, so that a live query
  // running it watches all of them (reads after an await may not be tracked).
  const [current, units, people] = await Promise.all([
    getCurrentRoster(db),
    db.orgUnits.toArray(),
    db.people.toArray(),
    db.settings.toArray(),
    db.profile.toArray(),
  ]);
  const roster = current?.roster;
  if (!roster) return [];
  const out: string[] = [];
  const unitName = new Map([...roster.units, ...units].map((u) => [u.id, u.name]));
  const personName = new Map([...roster.people, ...people].map((p) => [p.id, p.name]));
  const oldUnits = new Map(roster.units.map((u) => [u.id, u]));
  for (const u of units) {
    const o = oldUnits.get(u.id);
    if (!o) out.push(`新增单位“${u.name}”`);
    else {
      if (o.name !== u.name) out.push(`单位“${o.name}”更名为“${u.name}”`);
      if (o.parentId !== u.parentId) out.push(`单位“${u.name}”调整上级单位`);
    }
  }
  const unitIds = new Set(units.map((u) => u.id));
  for (const o of roster.units) if (!unitIds.has(o.id)) out.push(`删除单位“${o.name}”`);
  const oldPeople = new Map(roster.people.map((p) => [p.id, p]));
  for (const p of people) {
    const o = oldPeople.get(p.id);
    if (!o) {
      out.push(`新增人员${p.name}`);
      continue;
    }
    if (o.active && !p.active) out.push(`${p.name}离职(调出)`);
    if (!o.active && p.active) out.push(`${p.name}恢复在职`);
    if (o.name !== p.name) out.push(`${o.name}更名为${p.name}`);
    if (o.unitId !== p.unitId) out.push(`${p.name}调至“${unitName.get(p.unitId) ?? ''}”`);
    if (o.supervisorId !== p.supervisorId)
      out.push(`${p.name}的主管领导改为${p.supervisorId ? (personName.get(p.supervisorId) ?? '') : '(无)'}`);
    if (o.roles.join() !== p.roles.join())
      out.push(`${p.name}的角色调整为${p.roles.map((r) => roleLabels[r]).join('、')}`);
    if (
      o.positionCategory !== p.positionCategory ||
      o.rankLevel !== p.rankLevel ||
      (o.title ?? '') !== (p.title ?? '')
    )
      out.push(`${p.name}的职位类别或职级调整`);
    const profile = profileChanges(o, p);
    if (profile.length > 0) out.push(`${p.name}的${profile.join('、')}已修改`);
    const assignmentSaid =
      o.active !== p.active ||
      o.unitId !== p.unitId ||
      o.supervisorId !== p.supervisorId ||
      o.roles.join() !== p.roles.join();
    // A dated change that nets out today (left and back, a correction of a date) still needs issuing.
    if (!assignmentSaid && o.periods && periodsWords(o.periods) !== periodsWords(periodsOfPerson(p)))
      out.push(`${p.name}的任职经历已修改`);
  }
  const ids = new Set(people.map((p) => p.id));
  for (const o of roster.people) if (!ids.has(o.id)) out.push(`删除人员${o.name}`);
  const config = await configToIssue(db);
  if (config !== undefined && canonicalJson(config) !== roster.config) {
    const last = (await listConfigVersions(db)).at(-1);
    out.push(last ? `考核办法已修改为第${last.version}版,需随名册下发` : '考核办法需随名册下发');
  }
  return out;
}
