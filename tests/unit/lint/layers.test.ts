import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script without types; its functions are tested here
import { checkLayers, readTree } from '../../../scripts/layers.mjs';

type Check = (files: Map<string, string>) => string[];
const check = checkLayers as Check;
const tree = (readTree as (root: string) => Map<string, string>)(process.cwd());

const before = new Set(check(tree));

/** What the check says of the real tree with extra files planted in memory, beyond what it says of the tree. */
function planted(extra: Record<string, string>): string[] {
  return check(new Map([...tree, ...Object.entries(extra)])).filter((p) => !before.has(p));
}

describe('the import-direction check (docs/architecture.md)', () => {
  it('finds every arrow of the tree pointing one way', () => {
    expect(check(tree)).toEqual([]);
  });

  it('fails when a lower layer of shared/ imports a higher one', () => {
    const problems = planted({
      'shared/domain/probe.ts':
        "import { openDatabase } from '../store/db';\nexport const p = openDatabase;\n",
    });
    expect(problems).toEqual([
      'shared/domain/probe.ts imports shared/store/db.ts: shared/domain lies below shared/store, so the arrow points back up',
    ]);
  });

  it('counts type-only and dynamic imports too', () => {
    const problems = planted({
      'shared/ledger/probe.ts':
        "import type { DutyBookDb } from '../store/db';\nexport type P = DutyBookDb;\n",
      'shared/bundle/probe.ts': "export const load = () => import('../ledger/facts');\n",
    });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('shared/ledger lies below shared/store');
    expect(problems.join('\n')).toContain('shared/bundle lies below shared/ledger');
  });

  it('fails on an import circle inside one folder', () => {
    const problems = planted({
      'shared/domain/probe-a.ts': "import { b } from './probe-b';\nexport const a = b;\n",
      'shared/domain/probe-b.ts': "import { a } from './probe-a';\nexport const b = () => a;\n",
    });
    expect(problems).toEqual(['import circle: shared/domain/probe-a.ts → shared/domain/probe-b.ts']);
  });

  it('fails on a folder of shared/ that has no place among the layers', () => {
    const problems = planted({
      'shared/misc/probe.ts': "import { newId } from '../domain/ids';\nexport const p = newId;\n",
    });
    expect(problems.join('\n')).toContain('shared/misc is not in SHARED_LAYERS');
  });

  it('fails when one workspace of the window reaches into another', () => {
    const target = [...tree.keys()].find((p) => p.startsWith('src-renderer/features/official/'))!;
    const spec = `../official/${target.slice('src-renderer/features/official/'.length).replace(/\.tsx?$/, '')}`;
    const problems = planted({
      'src-renderer/features/hr/Probe.tsx': `import * as o from '${spec}';\nexport const p = o;\n`,
    });
    expect(problems).toEqual([
      `src-renderer/features/hr/Probe.tsx imports ${target}: one workspace (features/hr) reaches into another (features/official)`,
    ]);
  });

  it('fails when shared window code imports a workspace', () => {
    const target = [...tree.keys()].find((p) => p.startsWith('src-renderer/features/hr/'))!;
    const spec = `../features/hr/${target.slice('src-renderer/features/hr/'.length).replace(/\.tsx?$/, '')}`;
    const problems = planted({
      'src-renderer/components/Probe.tsx': `import * as h from '${spec}';\nexport const p = h;\n`,
    });
    expect(problems).toEqual([
      `src-renderer/components/Probe.tsx imports ${target}: shared renderer code reaches up into features/hr`,
    ]);
  });
});
