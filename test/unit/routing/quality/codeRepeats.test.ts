import * as assert from 'node:assert/strict';
import { QualityGate } from '../../../../src/core/routing/quality/QualityGate';
import { repeatedTokenShare } from '../../../../src/core/routing/quality/rules/codeRepeats';

const F = '```';
const gate = new QualityGate();
const repetition = async (question: string, answer: string) => (await gate.assess({ question, answer })).findings.find((f) => f.rule === 'repetition');

describe('repetition over code (token n-grams)', () => {
  it('catches a loop that repeats the same statements with a counter bumped each time', async () => {
    const steps = Array.from(
      { length: 8 },
      (_, i) => `result_${i} = fetch_page(session, page=${i})\nrows_${i} = parse_rows(result_${i})\nall_rows.extend(rows_${i})\nprint("page ${i} done")`,
    ).join('\n');
    assert.ok(repeatedTokenShare([steps]) > 0.6, String(repeatedTokenShare([steps])));
    const f = await repetition('How do I fetch all pages of results in Python?', `${F}python\n${steps}\n${F}`);
    assert.ok(f && f.severity > 0.5, JSON.stringify(f));
  });

  it('catches a function pasted again with renamed parameters (whole lines differ, tokens repeat)', async () => {
    const one = (n: number) =>
      `function total${n}(items${n}) {\n  let sum${n} = 0;\n  for (const it of items${n}) sum${n} += it.price * it.qty;\n  return sum${n};\n}`;
    const answer = `${F}javascript\n${[1, 2, 3, 4, 5].map(one).join('\n\n')}\n${F}`;
    const f = await repetition('Sum the order lines in JavaScript', answer);
    assert.ok(f, 'each line differs by its digits, yet the code is one function five times');
  });

  it('does not flag code that is repetitive by nature: lookup tables, switch arms, test tables', async () => {
    const table = `${F}python\nHTTP_STATUS = {\n${Array.from({ length: 30 }, (_, i) => `    ${200 + i}: "status ${200 + i}",`).join('\n')}\n}\n${F}`;
    const cases = `${F}go\nswitch code {\n${[
      'Ok',
      'Created',
      'Accepted',
      'NoContent',
      'Moved',
      'Found',
      'BadRequest',
      'Unauthorized',
      'Forbidden',
      'NotFound',
      'Conflict',
      'Gone',
    ]
      .map((n, i) => `case ${200 + i}:\n\treturn "${n}"`)
      .join('\n')}\n}\n${F}`;
    const tests = `${F}go\ntests := []struct {\n\tin   string\n\twant int\n}{\n${Array.from({ length: 20 }, (_, i) => `\t{"${'x'.repeat(i)}", ${i}},`).join('\n')}\n}\nfor _, tt := range tests {\n\tif got := Len(tt.in); got != tt.want {\n\t\tt.Errorf("Len(%q) = %d, want %d", tt.in, got, tt.want)\n\t}\n}\n${F}`;
    for (const [q, a] of [
      ['Map HTTP status codes to names in Python', table],
      ['Switch over HTTP status codes in Go', cases],
      ['Write a table-driven test for Len in Go', tests],
    ]) {
      assert.equal(await repetition(q, a), undefined, a.slice(0, 60));
    }
  });

  it('does not count an ordinary longer program as repeating itself', () => {
    const program = [
      'import csv',
      'from collections import Counter',
      '',
      'def load(path):',
      '    with open(path, newline="") as fh:',
      '        return list(csv.DictReader(fh))',
      '',
      'def top_customers(rows, n=5):',
      '    totals = Counter()',
      '    for row in rows:',
      '        totals[row["customer"]] += float(row["amount"])',
      '    return totals.most_common(n)',
      '',
      'if __name__ == "__main__":',
      '    for name, amount in top_customers(load("orders.csv")):',
      '        print(f"{name}: {amount:.2f}")',
    ].join('\n');
    assert.ok(repeatedTokenShare([program]) < 0.1, String(repeatedTokenShare([program])));
  });
});
