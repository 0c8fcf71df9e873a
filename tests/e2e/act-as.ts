import type { Page } from '@playwright/test';

/** Only to reach the screens: the profile becomes a 主管领导 of the example organisation (HR's device holds the team's data). */
export async function actAsSupervisor(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('dutybook');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['profile', 'people', 'trust'], 'readwrite');
          const profiles = tx.objectStore('profile');
          const get = profiles.get('local');
          const all = tx.objectStore('people').getAll();
          all.onsuccess = () => {
            // The supervisor with the most active reports (the roster HR signed holds the same people).
            const people = all.result as { id: string; supervisorId: string | null; active?: boolean }[];
            const reports = new Map<string, number>();
            for (const p of people) if (p.supervisorId && p.active !== false) reports.set(p.supervisorId, (reports.get(p.supervisorId) ?? 0) + 1);
            const [supervisor] = [...reports.entries()].sort((a, b) => b[1] - a[1])[0]!;
            const profile = get.result as { personId: string; roles: string[] };
            profiles.put({ ...profile, personId: supervisor, roles: ['official', 'supervisor', 'hr'] });
            // Who signs: this device's identity now speaks for that supervisor.
            const trust = tx.objectStore('trust');
            const self = trust.get('self');
            self.onsuccess = () => trust.put({ ...(self.result as object), personId: supervisor });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
  );
  await page.goto('/#/supervisor');
  await page.reload();
}
