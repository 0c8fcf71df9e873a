/**
 * One real file of each kind the app reads from a person's pick, made by the app's own writers (the
 * golden bundle, an enrollment request, a key backup, a database backup of a fresh database), for the
 * tests of bounded reads in the shell, the browser host and the table itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { detectSuite } from '../../../shared/bundle/crypto';
import { createEnrollmentRequest, exportKeyBackup, generateDeviceKeys } from '../../../shared/sync';
import { openDatabase } from '../../../shared/store';
import { createBackup } from '../../../shared/backup';

export type Kind = 'bundle' | 'enrollment' | 'key-backup' | 'db-backup';

export async function realFiles(): Promise<Record<Kind, Uint8Array>> {
  const suite = await detectSuite();
  const keys = await generateDeviceKeys(suite);
  const db = await openDatabase(`real-files-${Math.random()}`, { indexedDB, IDBKeyRange });
  try {
    return {
      bundle: new Uint8Array(readFileSync(join(import.meta.dirname, '../../golden/bundles/vector.bundle'))),
      enrollment: await createEnrollmentRequest(suite, {
        keys,
        personId: 'p-1',
        personName: '张三',
        unitName: '预算科',
        deviceId: 'a'.repeat(32),
      }),
      'key-backup': await exportKeyBackup(suite, {
        contents: { personId: 'p-1', keys },
        passphrase: 'correct horse battery',
        personName: '张三',
      }),
      'db-backup': await createBackup(db, { reason: 'manual', passphrase: 'correct horse battery' }),
    };
  } finally {
    db.close();
  }
}

/** The caps the issue settled on, written out here so a change to the table is a visible change to a test. */
export const CAPS: Record<Kind, { each: number; selection: number }> = {
  bundle: { each: 256 * 1024 * 1024, selection: 512 * 1024 * 1024 },
  enrollment: { each: 16 * 1024, selection: 16 * 1024 * 1024 },
  'key-backup': { each: 64 * 1024, selection: 64 * 1024 },
  'db-backup': { each: 512 * 1024 * 1024, selection: 512 * 1024 * 1024 },
};

export const KINDS: Kind[] = ['bundle', 'enrollment', 'key-backup', 'db-backup'];

/** What each kind is called in the refusals. */
export const NOUNS: Record<Kind, string> = {
  bundle: '数据包',
  enrollment: '注册申请',
  'key-backup': '密钥备份',
  'db-backup': '数据库备份',
};
