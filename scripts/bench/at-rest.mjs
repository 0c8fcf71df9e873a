/**
 * The cost of encrypting record content at rest under the local password lock (a part of
 * `npm run bench`, driven from scripts/bench.mjs over each seeded organisation's profile; the page's
 * side is tests/bench/at-rest-bench.ts). Per organisation size, over every row of the tables that
 * hold record content: the bare read, sealing each row with AES-256-GCM through WebCrypto (what an
 * import or a save would add), and opening each again (what a screen reading those rows would add),
 * each against the bare read measured in the same run; and the same for the facts table alone and
 * for the status rows (personYears) that HR's organisation-wide screens read. Byte counts come with
 * the rows. Nothing here asserts a time.
 */
/* global window -- used inside page.evaluate, which runs in the page */

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** Adds the rows for one organisation size to `rows`; returns the page's result for the report. */
export async function atRestRows({ page, people, runs, rows, log }) {
  log(`chromium: record content sealed and opened with AES-256-GCM (WebCrypto), ${people} people`);
  const result = await page.evaluate((opts) => window.dutybookBench.atRest(opts), { runs });
  const { tables } = result;
  const group = `Chromium · at rest under the lock, ${people} people × 2 years`;
  const total = (names, what) => result.runs.map((r) => sum(names.map((t) => r[t][what])));
  const all = tables.map((t) => t.table);
  const describe = (names) => {
    const ts = tables.filter((t) => names.includes(t.table));
    const mb = (n) => (n / 1e6).toFixed(1);
    return `${sum(ts.map((t) => t.rows)).toLocaleString('en')} rows, ${mb(sum(ts.map((t) => t.plainBytes)))} MB → ${mb(sum(ts.map((t) => t.sealedBytes)))} MB sealed`;
  };
  const parts = [
    [`every content table (${all.length}; ${describe(all)})`, all],
    [`facts alone (${describe(['facts'])})`, ['facts']],
    [`status rows, personYears (${describe(['personYears'])}; what HR's screens read)`, ['personYears']],
  ];
  for (const [label, names] of parts) {
    const read = total(names, 'readMs');
    rows.push(
      { group, figure: `${label}: bare read`, unit: 'ms', samples: read },
      {
        group,
        figure: `${label}: seal each row`,
        unit: 'ms',
        samples: total(names, 'sealMs'),
        limit: { figure: 'bare read', samples: read },
      },
      {
        group,
        figure: `${label}: open each row`,
        unit: 'ms',
        samples: total(names, 'openMs'),
        limit: { figure: 'bare read', samples: read },
      },
    );
  }
  const facts = tables.find((t) => t.table === 'facts');
  if (facts?.rows) {
    rows.push(
      {
        group,
        figure: 'per fact: seal (µs)',
        unit: 'µs',
        samples: result.runs.map((r) => (r.facts.sealMs * 1000) / facts.rows),
      },
      {
        group,
        figure: 'per fact: open (µs)',
        unit: 'µs',
        samples: result.runs.map((r) => (r.facts.openMs * 1000) / facts.rows),
      },
    );
  }
  for (const t of tables) log(`at rest: ${t.table}: ${t.rows} rows, ${t.plainBytes} → ${t.sealedBytes} bytes`);
  return result;
}
