import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { QualityGate } from '../../../../src/core/routing/quality/QualityGate';
import { TreeSitterSyntax } from '../../../../src/core/routing/quality/TreeSitterSyntax';
import { GRAMMAR_FILES, installedWasmPath } from '../../../../src/core/routing/quality/grammarFiles';
import { RecordingLogger } from '../../../fakes/RecordingLogger';

const F = '```';
const block = (lang: string, code: string) => `${F}${lang}\n${code}\n${F}`;
const syntax = new TreeSitterSyntax();

async function checked(lang: string, code: string) {
  await syntax.warm([lang]);
  const r = syntax.check(lang, code);
  assert.notEqual(r, 'unavailable', `${lang} parser should be loaded`);
  return r as { ok: true } | { ok: false; line: number };
}

/** Per language added for issue 17's "every common language": good code (as answers show it) and broken code. */
const CASES: Record<string, { good: string[]; broken: Array<[code: string, line: number]> }> = {
  kotlin: {
    good: [
      'data class User(val id: Long, val name: String)\n\nfun greet(u: User): String = "Hello, ${u.name}"',
      'val users = listOf(1, 2, 3).map { it * 2 }\nprintln(users)',
      'suspend fun load(api: Api): List<Item> = withContext(Dispatchers.IO) {\n    api.items()\n}',
    ],
    broken: [['fun total(xs: List<Int>): Int {\n    return xs.sum(\n}', 2]],
  },
  swift: {
    good: [
      'struct Point {\n    var x: Double\n    var y: Double\n}\n\nlet p = Point(x: 1, y: 2)\nprint(p.x)',
      'func fetch() async throws -> Data {\n    let (data, _) = try await URLSession.shared.data(from: url)\n    return data\n}',
    ],
    broken: [['func half(_ n: Int) -> Int {\n    return n / 2\n', 1]],
  },
  scala: {
    good: ['case class User(id: Long, name: String)\n\nobject Main {\n  def main(args: Array[String]): Unit = println(User(1, "a"))\n}'],
    broken: [['object Main {\n  def twice(x: Int) = x * 2\n', 3]],
  },
  dart: {
    good: ['class Counter {\n  int value = 0;\n  void increment() => value++;\n}', "final names = ['a', 'b'];\nprint(names.length);"],
    broken: [['void main() {\n  print("hi")\n}', 2]],
  },
  lua: {
    good: ['local function add(a, b)\n  return a + b\nend\n\nprint(add(1, 2))'],
    broken: [['local function add(a, b)\n  return a + b\n', 2]],
  },
  elixir: {
    good: ['defmodule Math do\n  def sum(a, b), do: a + b\nend', 'Enum.map([1, 2, 3], fn x -> x * 2 end)'],
    broken: [['defmodule Math do\n  def sum(a, b) do\n    a + b\n  end\n', 5]],
  },
  haskell: {
    good: ['square :: Int -> Int\nsquare x = x * x\n\nmain :: IO ()\nmain = print (square 3)'],
    broken: [['main = print (square 3', 1]],
  },
  r: {
    good: ['df <- data.frame(x = 1:3, y = c("a", "b", "c"))\nsummary(df)'],
    broken: [['df <- data.frame(x = 1:3, y = c("a", "b")\nsummary(df)', 2]],
  },
  html: {
    good: [
      '<!DOCTYPE html>\n<html>\n  <body>\n    <p>Hello</p>\n  </body>\n</html>',
      '<label for="email">Email</label>\n<input id="email" type="email" required>',
    ],
    broken: [['<div class="card">\n  <p>Hello</p>\n</span>', 1]],
  },
  xml: {
    good: [
      '<?xml version="1.0"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n</project>',
      // Siblings without a root: the lines of a pom.xml an answer adds.
      '<dependency>\n  <groupId>junit</groupId>\n</dependency>\n<dependency>\n  <groupId>org.slf4j</groupId>\n</dependency>',
    ],
    broken: [['<project>\n  <name>demo</name>\n  <version>1.0</project>', 1]],
  },
  c: {
    // `new` is an identifier in C and a keyword in C++: only the C grammar parses this.
    good: ['#include <stdlib.h>\n\nint *make(int n) {\n    int *new = malloc(n * sizeof *new);\n    return new;\n}', 'printf("%d\\n", n);'],
    broken: [['int main(void) {\n    return 0\n}', 2]],
  },
  sql: {
    good: [
      'SELECT u.id, COUNT(o.id) AS orders\nFROM users u\nLEFT JOIN orders o ON o.user_id = u.id\nGROUP BY u.id;',
      "INSERT INTO t (k, v) VALUES ('a', 1)\nON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v;", // PostgreSQL
      'SELECT TOP 10 * FROM [dbo].[Orders] ORDER BY [Total] DESC;', // T-SQL
      "WHERE created_at > NOW() - INTERVAL '1 day'\nORDER BY created_at DESC", // a clause on its own
      '\\dt\nSELECT 1;', // a psql meta-command before the query
    ],
    broken: [
      ['SELECT id, name\nFROM users\nWHERE id IN (1, 2;', 3],
      // Trailing commas and the like are accepted: some dialect (DuckDB, BigQuery) allows them.
      ['SELEC id FROM users;', 1],
    ],
  },
  dockerfile: {
    good: [
      'FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci \\\n  && npm run build\nCMD ["node", "dist/main.js"]',
      // The lines an answer changes, without a FROM.
      'COPY --from=build /app/dist ./dist\nEXPOSE 3000',
    ],
    broken: [
      ['FROM python:3.12\nRUNN pip install -r requirements.txt', 2],
      ['FROM python:3.12\nCOPY requirements.txt', 2],
    ],
  },
  powershell: {
    // A variable followed by a path is an expandable string argument; the grammar only knows it quoted.
    good: ['Start-Service ssh-agent\nssh-add $env:USERPROFILE\\.ssh\\id_ed25519'],
    broken: [['Get-ChildItem | ForEach-Object {\n  $_.Name', 1]],
  },
  ini: {
    // An Ansible inventory: bare host names are keys without values.
    good: ['[web]\nweb1.example.org\nweb2.example.org\n\n[web:vars]\nansible_user=deploy'],
    broken: [['[web\nansible_user=deploy', 1]],
  },
};

describe('syntax checks in every common language (issue 17)', () => {
  // Loading a grammar is 0.1–4 MB of WASM to compile: done once, outside the per-test timeout, so a
  // loaded machine slows the hook, not a test.
  before(async function () {
    this.timeout(120_000);
    await syntax.warm(Object.keys(CASES));
  });

  for (const [lang, { good, broken }] of Object.entries(CASES)) {
    it(`${lang}: accepts good code and finds the error in broken code`, async () => {
      for (const code of good) assert.deepEqual(await checked(lang, code), { ok: true }, `${lang} should parse:\n${code}`);
      for (const [code, line] of broken) assert.deepEqual(await checked(lang, code), { ok: false, line }, `${lang} should not parse:\n${code}`);
    });
  }

  it('does not judge SQL that is not plain SQL yet: elided parts, dbt templates, DELIMITER scripts', async () => {
    await syntax.warm(['sql']);
    for (const code of [
      '... FROM payments WHERE account_id = 42 ...',
      'SELECT * FROM {{ ref("orders") }}',
      'DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END //',
    ])
      assert.equal(syntax.check('sql', code), 'unavailable', code);
  });

  it('the gate fails a broken Kotlin answer on syntax and passes the good one', async () => {
    const gate = new QualityGate({ syntax });
    const q = 'Write a Kotlin function that sums a list';
    const bad = await gate.assess({ question: q, answer: `Here you go:\n\n${block('kotlin', 'fun total(xs: List<Int>): Int {\n    return xs.sum(\n}')}` });
    assert.ok(
      bad.findings.some((f) => f.rule === 'syntax' && /Kotlin block 1 does not parse \(line 2\)/.test(f.reason)),
      bad.reasons.join(' | '),
    );
    const good = await gate.assess({ question: q, answer: `Here you go:\n\n${block('kotlin', 'fun total(xs: List<Int>): Int = xs.sum()')}` });
    assert.ok(!good.findings.some((f) => f.rule === 'syntax'), good.reasons.join(' | '));
  });

  it('a SQL parser that fails to load is logged once and that check is skipped, never the answer', async () => {
    const logger = new RecordingLogger();
    const broken = new TreeSitterSyntax({ logger, loadSql: () => Promise.reject(new Error('WebAssembly.instantiate(): out of memory')) });
    const gate = new QualityGate({ syntax: broken, logger });
    for (let i = 0; i < 3; i++) {
      const v = await gate.assess({ question: 'Write a SQL query for the newest users', answer: block('sql', 'SELECT id FROM FROM users;') });
      assert.ok(!v.findings.some((f) => f.rule === 'syntax'), v.reasons.join(' | '));
    }
    assert.equal(broken.available('sql'), false);
    assert.equal(logger.warnings.filter((w) => /could not load the SQL parser \(WebAssembly/.test(w)).length, 1, logger.warnings.join(' | '));
  });

  it('a grammar file that fails to load is logged once and its language skipped', async () => {
    const logger = new RecordingLogger();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jarvis-grammars-'));
    // The runtime is there, the Kotlin grammar is not (a partial install).
    fs.copyFileSync(installedWasmPath('tree-sitter.wasm'), path.join(dir, 'tree-sitter.wasm'));
    const partial = new TreeSitterSyntax({ logger, wasmDir: dir });
    await partial.warm(['kotlin']);
    await partial.warm(['kotlin']);
    assert.equal(partial.check('kotlin', 'fun f( {'), 'unavailable');
    assert.equal(logger.warnings.filter((w) => /could not load the tree-sitter-kotlin\.wasm grammar/.test(w)).length, 1, logger.warnings.join(' | '));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('every grammar file is installed and copied into the bundle', async () => {
    // A computed specifier keeps tsc (Node16 CJS output) from rewriting this ESM import into require().
    const sharedPath = path.join(__dirname, '..', '..', '..', '..', '..', 'esbuild.shared.mjs');
    const shared = (await import(pathToFileURL(sharedPath).href)) as { TREE_SITTER_WASM: string[]; EXTRA_TREE_SITTER_WASM: string[] };
    const shipped = new Set([...shared.TREE_SITTER_WASM, ...shared.EXTRA_TREE_SITTER_WASM]);
    for (const [lang, files] of Object.entries(GRAMMAR_FILES)) {
      for (const f of files) {
        assert.ok(fs.existsSync(installedWasmPath(f)), `${lang}: ${f} is not installed`);
        assert.ok(shipped.has(f), `${lang}: ${f} is not copied to dist/vendor`);
      }
    }
  });
});
