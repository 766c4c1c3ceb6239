import * as assert from 'node:assert/strict';
import { FakeClock } from '../../../fakes/FakeClock';
import { agentSignals, withAgentSignals } from '../../../../src/core/routing/complexity/agentComplexity';
import { TaskComplexity } from '../../../../src/core/routing/complexity/TaskComplexity';
import { STICKY_TTL_MS, StickyModels } from '../../../../src/core/routing/StickyModels';
import { detectToolLoop } from '../../../../src/core/llm/tools/detectToolLoop';
import type { ChatMessage } from '../../../../src/core/llm/types';

const base = (level: TaskComplexity) => ({ level, confidence: 0.8, reasons: ['x'] });
const signals = (o: Partial<ReturnType<typeof agentSignals>>) => ({ toolCount: 0, turns: 1, toolRounds: 0, chars: 100, ...o });

describe('agent signals in the complexity', () => {
  // VS Code's agent offers about 40 tools with every step: the rows use that set.
  const ROWS: [string, TaskComplexity, Partial<ReturnType<typeof agentSignals>>, TaskComplexity, RegExp | undefined][] = [
    ['no tools, short: unchanged', TaskComplexity.TRIVIAL, {}, TaskComplexity.TRIVIAL, undefined],
    ['a few tools: at least low', TaskComplexity.TRIVIAL, { toolCount: 3 }, TaskComplexity.LOW, /at least low/],
    ['40 tools, a short simple ask: stays at its prose tier (low)', TaskComplexity.LOW, { toolCount: 40 }, TaskComplexity.LOW, undefined],
    ['40 tools, a short medium ask: stays medium', TaskComplexity.MEDIUM, { toolCount: 40, turns: 3, toolRounds: 1 }, TaskComplexity.MEDIUM, undefined],
    [
      '40 tools after 5 tool rounds: one level up',
      TaskComplexity.LOW,
      { toolCount: 40, turns: 11, toolRounds: 5 },
      TaskComplexity.MEDIUM,
      /40 tools offered over 5 tool rounds/,
    ],
    ['3 tools after 5 tool rounds: unchanged', TaskComplexity.LOW, { toolCount: 3, turns: 11, toolRounds: 5 }, TaskComplexity.LOW, undefined],
    [
      'a long conversation with few tools: one level up',
      TaskComplexity.LOW,
      { toolCount: 2, turns: 30 },
      TaskComplexity.MEDIUM,
      /long conversation \(30 turns/,
    ],
    ['many characters count as long', TaskComplexity.MEDIUM, { chars: 80_000 }, TaskComplexity.HIGH, /80k chars/],
    [
      'a long session with 40 tools and many rounds: two levels',
      TaskComplexity.LOW,
      { toolCount: 40, turns: 30, toolRounds: 14 },
      TaskComplexity.HIGH,
      /tools offered over 14/,
    ],
    ['two levels at most, capped at critical', TaskComplexity.HIGH, { toolCount: 40, turns: 60, toolRounds: 30 }, TaskComplexity.CRITICAL, /tools offered/],
  ];
  for (const [what, from, s, to, reason] of ROWS) {
    it(what, () => {
      const out = withAgentSignals(base(from), signals(s));
      assert.equal(out.level, to);
      if (reason)
        assert.ok(
          out.reasons.some((r) => reason.test(r)),
          out.reasons.join('; '),
        );
    });
  }

  it('a user override wins', () => {
    const o = { level: TaskComplexity.TRIVIAL, confidence: 1, reasons: ['override'] };
    assert.equal(withAgentSignals(o, signals({ toolCount: 40, turns: 40 })).level, TaskComplexity.TRIVIAL);
  });

  it('measures turns, tool rounds and characters, tool results included', () => {
    const m: ChatMessage[] = [
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'abc' },
      { role: 'assistant', content: '', toolCalls: [{ id: '1', name: 'a', input: {} }] },
      { role: 'user', content: '', toolResults: [{ callId: '1', content: 'x'.repeat(10) }] },
    ];
    assert.deepEqual(agentSignals(m, 5), { toolCount: 5, turns: 3, toolRounds: 1, chars: 3 + 3 + 2 + 10 });
  });
});

describe('agent loops', () => {
  const round = (input: Record<string, unknown>, i: number): ChatMessage[] => [
    { role: 'assistant', content: '', toolCalls: [{ id: `c${i}`, name: 'read_file', input }] },
    { role: 'user', content: '', toolResults: [{ callId: `c${i}`, content: 'r' }] },
  ];
  const conv = (...inputs: Record<string, unknown>[]) => [{ role: 'user' as const, content: 'go' }, ...inputs.flatMap(round)];

  it('stops after the same call 5 times in a row, whatever the key order', () => {
    assert.match(detectToolLoop(conv({ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 1, b: 2 }, { a: 1, b: 2 }, { b: 2, a: 1 })) ?? '', /same input 5 times/);
  });
  it('lets 4 repeats, or 5 with a different one between, through', () => {
    assert.equal(detectToolLoop(conv({ a: 1 }, { a: 1 }, { a: 1 }, { a: 1 })), undefined);
    assert.equal(detectToolLoop(conv({ a: 1 }, { a: 1 }, { a: 2 }, { a: 1 }, { a: 1 })), undefined);
  });
  it('stops after more rounds than the limit, even when all differ', () => {
    assert.match(detectToolLoop(conv(...Array.from({ length: 61 }, (_, i) => ({ i })))) ?? '', /after 61 rounds .* limit is 60/);
  });
});

describe('StickyModels', () => {
  it("remembers a conversation's model until it has been idle too long", () => {
    const clock = new FakeClock(0);
    const sticky = new StickyModels(clock);
    sticky.set('k', { provider: 'ollama', model: 'llama3' }, true);
    clock.advance(STICKY_TTL_MS);
    assert.equal(sticky.get('k')?.candidate.model, 'llama3');
    clock.advance(1);
    assert.equal(sticky.get('k'), undefined);
  });
});
