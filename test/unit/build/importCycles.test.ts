import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import madge from 'madge';
import { folderCycles } from './folderCycles';

const root = path.resolve(__dirname, '../../../..');

describe('import graph of src/ (madge)', function () {
  this.timeout(900_000); // CPU-bound: a limit that only catches a hang, however loaded the machine
  let graph: Record<string, string[]>;
  let circular: string[][];

  before(async () => {
    // Type-only imports count: a cycle of types is a cycle in the design.
    const result = await madge(path.join(root, 'src'), {
      fileExtensions: ['ts'],
      tsConfig: path.join(root, 'tsconfig.json'),
      detectiveOptions: { ts: { skipTypeImports: false } },
    });
    graph = result.obj();
    circular = result.circular();
  });

  it('sees the whole tree (the graph is not empty by accident)', () => {
    assert.ok(Object.keys(graph).length > 150, `${Object.keys(graph).length} files`);
    assert.ok(graph['extension.ts']?.includes('core/routing/RoutingService.ts'), JSON.stringify(graph['extension.ts']));
  });

  it('has no cycle between files', () => {
    assert.deepEqual(circular, []);
  });

  it('has no cycle between folders', () => {
    assert.deepEqual(folderCycles(graph), []);
  });
});

describe('folderCycles', () => {
  it('finds a cycle between sibling folders, also through their subfolders', () => {
    assert.deepEqual(folderCycles({ 'core/a/x.ts': ['core/b/deep/y.ts'], 'core/b/deep/y.ts': ['core/b/z.ts'], 'core/b/z.ts': ['core/a/w.ts'] }), [
      'core/a -> core/b -> core/a',
    ]);
  });

  it('allows a folder to use its parent and a parent to compose its subfolders', () => {
    assert.deepEqual(folderCycles({ 'core/llm/Registry.ts': ['core/llm/ollama/P.ts'], 'core/llm/ollama/P.ts': ['core/llm/types.ts'] }), []);
  });

  it('allows a DAG of siblings', () => {
    assert.deepEqual(folderCycles({ 'core/a/x.ts': ['core/b/y.ts', 'common/e.ts'], 'core/b/y.ts': ['common/e.ts'] }), []);
  });
});
