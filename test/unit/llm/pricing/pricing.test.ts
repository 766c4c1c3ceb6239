import * as assert from 'node:assert/strict';
import { isJarvisError } from '../../../../src/common/errors';
import { DEFAULT_PRICES } from '../../../../src/core/llm/pricing/defaultPrices';
import { PricingTable } from '../../../../src/core/llm/pricing/PricingTable';

const usage = (inputTokens: number, outputTokens: number) => ({ inputTokens, outputTokens });

describe('PricingTable', () => {
  const table = new PricingTable();

  it('prices a call from $ per 1M input and output tokens', () => {
    // gpt-4o: $2.50 in, $10 out per 1M → 1M in + 0.5M out = 2.5 + 5
    assert.deepEqual(table.costOf('gpt-4o', usage(1_000_000, 500_000)), { usd: 7.5 });
    assert.deepEqual(table.costOf('claude-sonnet-4', usage(2000, 1000)), { usd: (2000 * 3 + 1000 * 15) / 1e6 });
  });

  for (const [model, family] of [
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
    ['gpt-4.1-mini-2025-04-14', 'gpt-4.1-mini'],
    ['gpt-4-turbo-2024-04-09', 'gpt-4-turbo'],
    ['gpt-4-0613', 'gpt-4'],
    ['gpt-3.5-turbo-0125', 'gpt-3.5-turbo'],
    ['o3-mini-2025-01-31', 'o3-mini'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
    ['claude-sonnet-4-0', 'claude-sonnet-4'],
    ['claude-opus-4-0', 'claude-opus-4'],
    ['claude-opus-4-1-20250805', 'claude-opus-4-1'],
    ['claude-3-5-haiku-latest', 'claude-3-5-haiku'],
    ['claude-3-opus-20240229', 'claude-3-opus'],
    ['GPT-4o', 'gpt-4o'],
  ] as const) {
    it(`matches ${model} to its longest known prefix ${family}`, () => {
      assert.deepEqual(table.priceOf(model), DEFAULT_PRICES[family]);
    });
  }

  it('does not match across a name boundary: gpt-4.5 is not gpt-4, gpt-4ox is not gpt-4o', () => {
    assert.equal(table.priceOf('gpt-4.5-preview'), undefined);
    assert.equal(table.priceOf('gpt-4ox'), undefined);
  });

  it('reports an unknown model as unknown, never as $0', () => {
    assert.deepEqual(table.costOf('mystery-model-9', usage(10, 10)), { unknown: true });
  });

  it('prices local models at $0 whatever their name', () => {
    assert.deepEqual(table.costOf('llama3:8b', usage(5000, 5000), { local: true }), { usd: 0 });
    assert.deepEqual(table.costOf('gpt-4o', usage(5000, 5000), { local: true }), { usd: 0 });
  });

  it('lets overrides replace and add prices, still matched by prefix', () => {
    const t = new PricingTable({ 'gpt-4o': { input: 1, output: 2 }, 'my-finetune': { input: 3, output: 4 } });
    assert.deepEqual(t.costOf('gpt-4o-2024-11-20', usage(1e6, 1e6)), { usd: 3 });
    assert.deepEqual(t.costOf('my-finetune-v2', usage(1e6, 0)), { usd: 3 });
    assert.deepEqual(t.priceOf('gpt-4o-mini'), DEFAULT_PRICES['gpt-4o-mini'], 'longer built-in prefix still wins');
  });

  it('refuses malformed overrides with a message naming the model', () => {
    const bad = (o: unknown, msg: RegExp) =>
      assert.throws(
        () => new PricingTable(o as never),
        (e) => isJarvisError(e, 'invalid-input') && msg.test(e.message),
      );
    bad({ 'gpt-4o': { input: -1, output: 2 } }, /The price for "gpt-4o" must be \{ input, output \} with non-negative numbers/);
    bad({ 'gpt-4o': { input: 1 } }, /"gpt-4o"/);
    bad({ x: 'cheap' }, /The price for "x"/);
    bad({ ' ': { input: 1, output: 1 } }, /empty model name/);
    bad([], /Price overrides must be an object/);
  });

  it('refuses negative or fractional token counts', () => {
    assert.throws(
      () => table.costOf('gpt-4o', usage(-1, 0)),
      (e) => isJarvisError(e, 'invalid-input') && /whole, non-negative/.test(e.message),
    );
    assert.throws(() => table.costOf('gpt-4o', usage(1.5, 0)), /whole, non-negative/);
  });
});
