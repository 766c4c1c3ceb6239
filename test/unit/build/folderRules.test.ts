/**
 * The folder rules of eslint.config.mjs, shown on probe imports: `npm run lint` only proves the tree
 * obeys them, not that a rule still forbids anything, so each rule here must block what the architecture
 * forbids (docs/ARCHITECTURE.md, "Rules that are enforced") and let through what it allows.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../../../..');

/** [file the import is written in, what it imports, whether a folder rule refuses it] */
const CASES: [string, string, boolean][] = [
  ['src/core/config/probe.ts', '../llm/types', true],
  ['src/core/config/probe.ts', '../../core/llm/types', true],
  ['src/core/config/probe.ts', '../routing/RoutingService', true],
  ['src/core/config/probe.ts', 'vscode', true],
  ['src/core/config/probe.ts', '../ports', true],
  ['src/core/config/probe.ts', '../../common/Logger', false],
  ['src/core/config/probe.ts', '../../common/Emitter', false],
  ['src/core/config/probe.ts', './tiers', false],
  ['src/core/memory/embedders/probe.ts', '../store/VectorMemoryStore', true],
  ['src/core/memory/embedders/probe.ts', '../../memory/store/VectorMemoryStore', true],
  ['src/core/memory/embedders/probe.ts', '../../ports', false],
  ['src/core/memory/store/probe.ts', '../retrieval/searchMemoryState', true],
  ['src/core/memory/store/probe.ts', '../../memory/sessions/CurrentSession', true],
  ['src/core/memory/store/probe.ts', '../embedders/Embedder', false],
  ['src/core/routing/probe.ts', 'vscode', true],
  ['src/core/routing/probe.ts', '../../vscode/chat/ChatParticipant', true],
  ['src/core/routing/probe.ts', '../../../test/fakes/FakeClock', true],
  ['src/core/routing/probe.ts', '../llm/types', false],
  ['src/common/probe.ts', '../core/ports', true],
  ['src/webview/probe.ts', '../core/ports', true],
  ['src/webview/probe.ts', '../shared/protocol', false],
  ['src/vscode/probe.ts', '../../test/fakes/MemoryKv', true],
];

describe('eslint folder rules (eslint.config.mjs)', function () {
  this.timeout(900_000); // CPU-bound: a limit that only catches a hang, however loaded the machine
  const eslint = new ESLint({ cwd: root });

  async function refused(file: string, specifier: string): Promise<boolean> {
    const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath: path.join(root, file) });
    return result.messages.some((m) => m.ruleId === 'no-restricted-imports');
  }

  for (const [file, specifier, expected] of CASES) {
    it(`${file}: ${expected ? 'refuses' : 'allows'} '${specifier}'`, async () => {
      assert.equal(await refused(file, specifier), expected);
    });
  }
});
