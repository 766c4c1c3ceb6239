import * as assert from 'node:assert/strict';
import { QualityGate, TUNED_WEIGHTS } from '../../../../src/core/routing/quality/QualityGate';
import { TreeSitterSyntax } from '../../../../src/core/routing/quality/TreeSitterSyntax';

const F = '```';
// No newline before the closing fence's own line break is what an answer's block holds after splitting.
const block = (lang: string, code: string) => `${F}${lang}\n${code}\n${F}`;

const syntax = new TreeSitterSyntax();
const gate = new QualityGate({ syntax });
const ALL = ['go', 'rust', 'python', 'java', 'csharp', 'cpp', 'c', 'ruby', 'php', 'bash', 'css', 'typescript'];

async function checked(lang: string, code: string) {
  await syntax.warm([lang]);
  const r = syntax.check(lang, code);
  assert.notEqual(r, 'unavailable', `${lang} grammar should be loaded`);
  return r as { ok: true } | { ok: false; line: number };
}

describe('TreeSitterSyntax on code that ends where the fence does', () => {
  it('accepts Go whose last statement closes with } and no newline after it', async () => {
    const endings = [
      'type Account struct {\n\tID    int64\n\tOwner string\n}',
      'for idx, item := range inventory {\n\tlog.Printf("%d %s", idx, item)\n}',
      'if err := db.Ping(); err != nil {\n\treturn fmt.Errorf("ping: %w", err)\n}',
      'select {\ncase msg := <-inbox:\n\thandle(msg)\ndefault:\n}',
    ];
    for (const code of endings) assert.deepEqual(await checked('go', code), { ok: true }, code);
  });

  it('accepts a good snippet without trailing newline in every grammar', async () => {
    const snippets: Record<string, string> = {
      go: 'func half(n int) int {\n\treturn n / 2\n}',
      rust: 'fn half(n: u32) -> u32 {\n    n / 2\n}',
      python: 'def half(n):\n    return n // 2',
      java: 'class Half {\n    int of(int n) { return n / 2; }\n}',
      csharp: 'static int Half(int n) => n / 2;',
      cpp: 'int half(int n) {\n    return n / 2;\n}',
      c: 'int half(int n) {\n    return n / 2;\n}',
      ruby: 'def half(n)\n  n / 2\nend',
      php: '<?php\nfunction half($n) {\n    return intdiv($n, 2);\n}',
      bash: 'half() {\n  echo $(( $1 / 2 ))\n}',
      css: '.half {\n  width: 50%;\n}',
      typescript: 'const half = (n: number): number => n / 2;',
    };
    for (const lang of ALL) assert.deepEqual(await checked(lang, snippets[lang]), { ok: true }, lang);
  });

  it('accepts fragments answers show on their own: members without a class, statements without a function', async () => {
    const fragments: Array<[string, string]> = [
      ['go', 'type Point struct {\n\tX, Y float64\n}\n\nfunc (p Point) Norm() float64 {\n\treturn math.Hypot(p.X, p.Y)\n}'],
      ['go', 'rows, err := db.Query("SELECT id FROM t")\nif err != nil {\n\treturn err\n}\ndefer rows.Close()'],
      ['csharp', 'public string Email { get; init; }\npublic bool Active { get; set; } = true;'],
      ['java', 'private final Map<String, Integer> counts = new HashMap<>();\n\npublic int count(String k) {\n    return counts.getOrDefault(k, 0);\n}'],
      ['rust', 'let total: u64 = orders.iter().map(|o| o.amount).sum();\ntotal * 2'],
      ['rust', 'names.iter().filter(|n| n.len() > 3).collect::<Vec<_>>()'],
      ['cpp', 'std::sort(v.begin(), v.end());\nstd::cout << v.front() << "\\n";'],
      ['c', 'printf("%d\\n", count);\nreturn 0;'],
    ];
    for (const [lang, code] of fragments) assert.deepEqual(await checked(lang, code), { ok: true }, `${lang}: ${code}`);
  });

  it('still finds real errors, in fragments too: the wrapper does not close what the code left open', async () => {
    const broken: Array<[string, string, number]> = [
      ['go', 'type Account struct {\n\tID int64\n\tOwner string', 3],
      ['go', 'for _, x := range xs {\n\tfmt.Println(x', 2],
      ['rust', 'fn main() {\n    let v = vec![1, 2];\n    println!("{:?}", v);', 3],
      ['csharp', 'public int Add(int a, int b)\n{\n    return a + b;', 3],
      ['cpp', 'int main() {\n    std::cout << 1;', 2],
      ['java', 'public int twice(int x) {\n    return x * 2;', 2],
    ];
    for (const [lang, code] of broken) {
      const r = await checked(lang, code);
      assert.equal(r.ok, false, `${lang} should not parse: ${code}`);
    }
  });

  it('the gate passes a short good Go answer that ends on a closing brace', async () => {
    const answer = `Define the payload as a struct with JSON tags:\n\n${block('go', 'type Payload struct {\n\tUser  string `json:"user"`\n\tCount int    `json:"count"`\n}')}`;
    const v = await gate.assess({ question: 'How do I decode a JSON body into a Go struct?', answer });
    assert.ok(!v.findings.some((f) => f.rule === 'syntax'), v.reasons.join(' | '));
    assert.ok(v.score >= TUNED_WEIGHTS.threshold, `${v.score}: ${v.reasons.join(' | ')}`);
  });
});
