import type { Page } from '@playwright/test';

/**
 * Whom the profile of HR's device (holding the example organisation) becomes, only to reach the screens:
 * the 主管领导 with the most active reports, or one of that supervisor's reports who supervises no one.
 * `showName` also puts that person's name and unit into the profile (the header shows them); the
 * end-to-end tests leave the header as it was. Used by the specs and by scripts/readme-screenshots.mjs.
 * `roles` is the profile's own tick: this device is enrolled (its identity, now that person's, is in the
 * roster it holds), so the window works with the roles the roster gives that person, whatever is ticked.
 */
export type ActAs = { who: 'supervisor' | 'report'; roles: string[]; showName?: boolean };

export async function actAs(page: Page, { who, roles, showName = false }: ActAs): Promise<void> {
  await page.evaluate(
    ({ who, roles, showName }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('dutybook');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['profile', 'people', 'orgUnits', 'trust'], 'readwrite');
          const profiles = tx.objectStore('profile');
          const get = profiles.get('local');
          const units = tx.objectStore('orgUnits').getAll();
          const all = tx.objectStore('people').getAll();
          all.onsuccess = () => {
            // The supervisor with the most active reports (the roster HR signed holds the same people).
            type Person = {
              id: string;
              name: string;
              unitId: string;
              supervisorId: string | null;
              active?: boolean;
            };
            const people = all.result as Person[];
            const reports = new Map<string, number>();
            for (const p of people)
              if (p.supervisorId && p.active !== false)
                reports.set(p.supervisorId, (reports.get(p.supervisorId) ?? 0) + 1);
            const [supervisor] = [...reports.entries()].sort((a, b) => b[1] - a[1])[0]!;
            const id =
              who === 'supervisor'
                ? supervisor
                : people.find(
                    (p) => p.supervisorId === supervisor && p.active !== false && !reports.has(p.id),
                  )!.id;
            const profile = get.result as {
              personId: string;
              roles: string[];
              name: string;
              unitName: string;
            };
            const shown: Partial<typeof profile> = {};
            if (showName) {
              const person = people.find((p) => p.id === id)!;
              const unit = (units.result as { id: string; name: string }[]).find(
                (u) => u.id === person.unitId,
              );
              shown.name = person.name;
              shown.unitName = unit ? unit.name : profile.unitName;
            }
            profiles.put({ ...profile, personId: id, roles, ...shown });
            // Who signs: this device's identity now speaks for that person.
            const trust = tx.objectStore('trust');
            const self = trust.get('self');
            self.onsuccess = () => trust.put({ ...(self.result as object), personId: id });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    { who, roles, showName },
  );
}

/** The profile becomes a 主管领导 of the example organisation (HR's device holds the team's data). */
export async function actAsSupervisor(page: Page) {
  await actAs(page, { who: 'supervisor', roles: ['official', 'supervisor', 'hr'] });
  await page.goto('/#/supervisor');
  await page.reload();
}
