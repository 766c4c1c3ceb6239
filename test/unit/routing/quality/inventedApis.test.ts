import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isJarvisError } from '../../../../src/common/errors';
import { RecordingLogger } from '../../../fakes/RecordingLogger';
import { EldLanguageIdentifier } from '../../../../src/core/routing/quality/EldLanguageIdentifier';
import { KnownApis } from '../../../../src/core/routing/quality/KnownApis';
import { QualityGate, TUNED_WEIGHTS } from '../../../../src/core/routing/quality/QualityGate';
import { TreeSitterSyntax } from '../../../../src/core/routing/quality/TreeSitterSyntax';
import { pythonInventedApi } from '../../../../src/core/routing/quality/apis/pythonApis';
import { javascriptInventedApi } from '../../../../src/core/routing/quality/apis/javascriptApis';
import {
  cliInventedCommand,
  goInventedApi,
  javaInventedApi,
  rustInventedApi,
  typescriptInventedType,
} from '../../../../src/core/routing/quality/apis/otherApis';

const F = '```';
const block = (lang: string, code: string) => `${F}${lang}\n${code}\n${F}`;

let known: KnownApis;
before(async () => {
  known = await KnownApis.load(); // the committed, generated table: the test checks real names
});

describe('invented-API checks against the table of real names', () => {
  it('Python: a module without the name, an import of a missing name, a method a built-in type lacks', () => {
    assert.equal(pythonInventedApi('import datetime\nprint(datetime.today_iso())', known)?.name, 'datetime.today_iso');
    assert.equal(pythonInventedApi('from os import flatten', known)?.name, 'os.flatten');
    assert.equal(pythonInventedApi('nested = [[1], [2]]\nflat = nested.flatten()', known)?.name, 'list.flatten');
    assert.equal(pythonInventedApi('from collections import Counter\nc = Counter(words)\nc.top(3)', known)?.name, 'collections.Counter.top');
    assert.equal(pythonInventedApi('import pandas as pd\ndf = pd.open_excel("a.xlsx")', known)?.name, 'pandas.open_excel');
  });

  it('Python: real names pass, and so do shadowed names, third-party modules and newer standard names', () => {
    const real = [
      'import os\nos.path.join("a", "b")\nos.makedirs("x", exist_ok=True)',
      'from datetime import datetime, timedelta\nnow = datetime.now().isoformat()',
      'from collections import Counter\nc = Counter(words)\nprint(c.most_common(2))',
      'import itertools\nfor chunk in itertools.batched(items, 10):\n    pass', // 3.12: from the hand list of newer names
      'import numpy as np\nnp.anything_at_all()', // not in the table: not judged
      'from os import path\npath = Path("x")\npath.read_text()', // re-bound: not os.path any more
      'name = "Ada"\nprint(name.casefold().title())',
    ];
    for (const code of real) assert.equal(pythonInventedApi(code, known), undefined, code);
  });

  it('JavaScript/TypeScript: statics of built-ins, Node module exports, prototype methods of literals', () => {
    assert.equal(javascriptInventedApi('await Promise.allIgnoringErrors([a()])', known)?.name, 'Promise.allIgnoringErrors');
    assert.equal(javascriptInventedApi("const fs = require('fs');\nfs.readFileAsync('a')", known)?.name, 'fs.readFileAsync');
    assert.equal(javascriptInventedApi("import { pathExists } from 'node:fs';", known)?.name, 'fs.pathExists');
    assert.equal(javascriptInventedApi('const items = [1, 2];\nitems.last();', known)?.name, 'Array.prototype.last');
    assert.equal(javascriptInventedApi("const s = 'a';\ns.capitalize();", known)?.name, 'String.prototype.capitalize');
    const real = [
      "const fs = require('fs');\nfs.promises.readFile('a', 'utf8');\nfs.existsSync('b');",
      "import { readFile } from 'node:fs/promises';\nimport * as path from 'node:path';\npath.resolve('a');",
      'const ids = [3, 1];\nconst s = new Set(ids);\nconsole.log([...s].toSorted(), Object.groupBy(ids, (x) => x));',
      "import { Map } from 'immutable';\nMap.of(1, 2);", // a declared Map is not the built-in
      'const items = [1];\nitems = load();\nitems.whatever();', // reassigned: type unknown
    ];
    for (const code of real) assert.equal(javascriptInventedApi(code, known), undefined, code);
  });

  it('TypeScript: a generic type claimed built-in that TypeScript does not declare', () => {
    const code = 'const patch: DeepPartial<Config> = {};';
    assert.equal(typescriptInventedType(code, 'TypeScript has a built-in DeepPartial type:', known)?.name, 'DeepPartial');
    assert.equal(typescriptInventedType(code, 'Here is a DeepPartial helper:', known), undefined, 'no claim, no finding');
    assert.equal(typescriptInventedType('type DeepPartial<T> = T;\n' + code, 'the built-in DeepPartial', known), undefined, 'declared');
    assert.equal(typescriptInventedType('const p: Partial<User> = {};', 'Use the built-in Partial utility type', known), undefined);
  });

  it('Go: names a standard package lacks, and methods on slices and maps', () => {
    assert.equal(goInventedApi('import "strings"\nstrings.Reverse("a")', known)?.name, 'strings.Reverse');
    assert.equal(goInventedApi('names := []string{"a"}\nnames.Contains("a")', known)?.name, 'names.Contains');
    const real = 'import (\n\t"net/http"\n\t"slices"\n)\nw.WriteHeader(http.StatusTeapot)\nslices.Contains(names, "a")';
    assert.equal(goInventedApi(real, known), undefined);
    assert.equal(goInventedApi('import "strings"\nfunc f(strings []string) { strings.Whatever() }', known), undefined, 'shadowed');
  });

  it('Java: methods of declared java.* types and statics', () => {
    assert.equal(javaInventedApi('List<String> names = List.of("a");\nnames.joinWith(", ");', known)?.name, 'List.joinWith');
    assert.equal(javaInventedApi('int t = Collections.sum(values);', known)?.name, 'Collections.sum');
    assert.equal(javaInventedApi('List<String> l = new ArrayList<>();\nl.add("a");\nString s = String.join(",", l);', known), undefined);
    assert.equal(javaInventedApi('import io.vavr.collection.List;\nList.ofAll(x).zipWithIndex();', known), undefined, 'another List');
  });

  it('Rust: std-only code with a method no std type has, and std paths', () => {
    assert.equal(rustInventedApi('let n = "42".to_string().to_int();', known)?.name, 'to_int');
    assert.equal(rustInventedApi('use std::fs;\nlet t = fs::read_file("a");', known)?.name, 'std::fs::read_file');
    assert.equal(rustInventedApi('let t = std::fs::read_to_string("a")?;\nlet n: i32 = t.trim().parse().unwrap();', known), undefined);
    assert.equal(rustInventedApi('use serde_json::Value;\nlet v = x.pointer_mut("/a");', known), undefined, 'another crate: not judged');
    assert.equal(rustInventedApi('fn total(&self) -> i32 { 0 }\nlet t = s.total();', known), undefined, 'its own method');
  });

  it('CLIs: subcommands of git, npm, docker, kubectl', () => {
    assert.equal(cliInventedCommand('git unpush origin main', known, true)?.name, 'git unpush');
    assert.equal(cliInventedCommand('$ docker purge --all', known, true)?.name, 'docker purge');
    assert.equal(cliInventedCommand('kubectl -n prod restart deployment x', known, true)?.name, 'kubectl restart');
    const real = 'git -C repo status && git lfs pull\nnpm ci; npm run build\ndocker compose up -d\nkubectl -n prod rollout restart deploy/x\ngo build ./...';
    assert.equal(cliInventedCommand(real, known, true), undefined);
  });
});

describe('the invented-API rule in the gate', () => {
  const gate = new QualityGate({
    syntax: new TreeSitterSyntax(),
    naturalLanguage: () => EldLanguageIdentifier.load(),
    knownApis: () => KnownApis.load(),
  });

  it('escalates an invented API with a note naming it, in code and in inline code', async () => {
    const v = await gate.assess({
      question: 'How do I get the current date in ISO format in Python?',
      answer: `Use datetime.today_iso():\n\n${block('python', 'import datetime\nprint(datetime.today_iso())')}`,
    });
    assert.equal(v.findings[0].rule, 'api');
    assert.match(v.note ?? '', /uses datetime\.today_iso, which does not exist/);
    assert.ok(v.score < TUNED_WEIGHTS.threshold);
    const inline = await gate.assess({ question: 'How do I undo a push?', answer: 'Run `git unpush` and the last pushed commit is removed from the remote.' });
    assert.ok(inline.findings.some((f) => f.rule === 'api'));
  });

  it('keeps a good answer using real APIs', async () => {
    const v = await gate.assess({
      question: 'How do I read a JSON file in Python?',
      answer: block('python', 'import json\nfrom pathlib import Path\n\ndata = json.loads(Path("a.json").read_text(encoding="utf-8"))'),
    });
    assert.deepEqual(v.findings, []);
  });

  it('bounds its work on an answer with dozens of code blocks and on junk', async () => {
    const many = Array.from({ length: 60 }, (_, i) => block('javascript', `const a${i} = [${i}];\na${i}.push(${i});`)).join('\n');
    const v = await gate.assess({ question: 'Give me sixty arrays', answer: `${many}\n${block('javascript', 'const z = [];\nz.last();')}` });
    assert.ok(!v.findings.some((f) => f.rule === 'api'), 'blocks past the twelfth are not read');
    const junk = await gate.assess({ question: 'What is this?', answer: `${F}python\n\u0000\u0001import os\nos.${'\uFFFD'.repeat(100)}\n${F}` });
    assert.ok(!junk.findings.some((f) => f.rule === 'api'));
  });

  it('a table that does not load is logged once and the check skipped; the answer is judged on the rest', async () => {
    const logger = new RecordingLogger();
    const broken = new QualityGate({ knownApis: () => KnownApis.load('/nonexistent/known-apis.json'), logger });
    for (let i = 0; i < 2; i++) {
      const v = await broken.assess({ question: 'Reverse a string in Go', answer: block('go', 'import "strings"\nstrings.Reverse("a")') });
      assert.ok(!v.findings.some((f) => f.rule === 'api'));
      assert.ok(v.skipped.includes('invented-API check unavailable'));
    }
    assert.equal(logger.warnings.filter((w) => /table of known APIs did not load/.test(w)).length, 1, logger.warnings.join(' | '));
  });

  it('refuses a table that is not one, with a clear error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'known-apis-'));
    try {
      const file = path.join(dir, 'known-apis.json');
      fs.writeFileSync(file, '{"python": ');
      await assert.rejects(KnownApis.load(file), (e: unknown) => isJarvisError(e) && /not JSON/.test((e as Error).message));
      fs.writeFileSync(file, '[1, 2]');
      await assert.rejects(KnownApis.load(file), (e: unknown) => isJarvisError(e) && /must be a JSON object/.test((e as Error).message));
      // A table missing a language's section checks nothing in that language (never fails an answer).
      const partial = KnownApis.fromJson('{"cli": {"git": "push pull"}}');
      assert.equal(pythonInventedApi('import os\nos.nothing()', partial), undefined);
      assert.equal(cliInventedCommand('git unpush', partial, true)?.name, 'git unpush');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
