/**
 * Who is acting on this device, by the HR-signed roster, and how a decision is signed and shown: the
 * helpers every signed-decision repository (supervision, filing) shares.
 */
import { DutyBookError } from '../errors/errors';
import { shownHead } from '../ledger/facts';
import { materialiseOwn, type MaterialiseContext } from './materialise';
import { findPerson } from '../ledger/roster';
import type { Roster, RosterPerson, SelfIdentityRow, StoredFact } from '../ledger/types';
import type { DutyBookDb } from './db';
import { readNewestRosterRow } from './roster-cache';
import { appendOwnFact, readFactsOfRecord, readSelfIdentity } from './fact-repo';
import { wrapStorageErrors } from './storage-errors';

export type ActingContext = MaterialiseContext & { person: RosterPerson };

export const forbidden = (reason: string) => new DutyBookError('forbidden', reason, { reason });

export async function readRoster(db: DutyBookDb): Promise<Roster | undefined> {
  return (await readNewestRosterRow(db))?.signed.roster;
}

/** This install's person as the roster lists them; refuses (in Chinese) before keys or a roster exist. */
export async function actingContext(db: DutyBookDb): Promise<ActingContext> {
  const me: SelfIdentityRow | undefined = await readSelfIdentity(db);
  if (!me) {
    throw forbidden(
      '本机尚未生成密钥。请先到“同步”页生成密钥并向人事部门登记:核准、退回、评鉴和反馈都要签名后才能送达。',
    );
  }
  const roster = await readRoster(db);
  if (!roster) throw forbidden('尚未收到人事部门签发的人员名册。导入名册后才能确定您的下属。');
  const person = findPerson(roster, me.personId);
  if (!person) throw forbidden('您不在当前的人员名册中,请联系人事部门。');
  return { db, me, roster, person };
}

/** The subject, when the acting person is their 主管领导 in the roster. */
export function requireReport(ctx: ActingContext, subjectId: string, what: string): RosterPerson {
  const subject = findPerson(ctx.roster, subjectId);
  if (!subject) throw forbidden(`人员名册中没有此人,不能${what}。`);
  if (!ctx.person.roles.includes('supervisor') || subject.supervisorId !== ctx.person.id) {
    throw forbidden(`“${subject.name}”不是您的下属(人员名册中其主管领导不是您),不能${what}。`);
  }
  return subject;
}

/** Appends the fact and shows it, inside the caller's transaction over every table. */
export async function signAndShow(
  ctx: ActingContext,
  input: {
    type: string;
    subject: string;
    recordKey: string;
    body: unknown;
    createdAt: string;
    parents?: string[];
  },
): Promise<StoredFact> {
  const fact = await appendOwnFact(ctx.db, input);
  if (!fact) throw forbidden('本机尚未生成密钥,不能签名。');
  await materialiseOwn(ctx, [fact]);
  return fact;
}

/** The fact id of the version a decision judges (its shown head), when this device holds it. */
export async function versionFactId(db: DutyBookDb, recordKey: string, type: string): Promise<string[]> {
  const head = shownHead((await readFactsOfRecord(db, recordKey)).filter((f) => f.type === type));
  return head ? [head.id] : [];
}

export function inTransaction<T>(db: DutyBookDb, what: string, run: () => Promise<T>): Promise<T> {
  return wrapStorageErrors(what, () => db.transaction('rw', db.tables, run));
}
