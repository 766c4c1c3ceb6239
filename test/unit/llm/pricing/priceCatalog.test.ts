import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GENAI_PRICES_VERSION, GenaiPriceCatalog, type PriceCatalog } from '../../../../src/core/llm/pricing/GenaiPriceCatalog';
import { PRICES_TAKEN_ON } from '../../../../src/core/llm/pricing/defaultPrices';
import { PricingTable } from '../../../../src/core/llm/pricing/PricingTable';

const TABLE = { 'gpt-4o': { input: 2.5, output: 10 }, 'gpt-4o-mini': { input: 0.15, output: 0.6 }, 'old-model': { input: 1, output: 1 } };

/** A price database that knows one model, and counts how often it is asked. */
function fakeCatalog(): PriceCatalog & { asked: string[] } {
  const asked: string[] = [];
  return {
    source: 'db 1 (published 2026-11-01)',
    asked,
    priceOf(model) {
      asked.push(model);
      return model === 'gpt-4o-mini' ? { id: 'gpt-4o-mini', input: 0.2, output: 0.8 } : undefined;
    },
  };
}

describe('PricingTable with a price database', () => {
  it('order: overrides, then the database, then the dated table', () => {
    const db = fakeCatalog();
    const t = new PricingTable({ 'old-model': { input: 9, output: 9 } }, TABLE, db);
    assert.deepEqual(t.priceOf('gpt-4o-mini'), { input: 0.2, output: 0.8 }, 'the database wins over the table');
    assert.deepEqual(t.sourceOf('gpt-4o-mini'), { from: 'catalog', source: 'db 1 (published 2026-11-01)', id: 'gpt-4o-mini' });
    assert.deepEqual(t.priceOf('gpt-4o'), { input: 2.5, output: 10 }, 'the table answers what the database does not know');
    assert.equal(t.sourceOf('gpt-4o')?.from, 'table');
    assert.deepEqual(t.priceOf('old-model'), { input: 9, output: 9 }, 'an override wins over everything');
    assert.deepEqual(t.sourceOf('old-model'), { from: 'override' });
    assert.equal(t.priceOf('nobody-knows'), undefined);
    assert.equal(t.sourceOf('nobody-knows'), undefined);
    assert.deepEqual(t.costOf('gpt-4o-mini', { inputTokens: 1_000_000, outputTokens: 0 }), { usd: 0.2 });
    assert.equal(t.catalogSource, 'db 1 (published 2026-11-01)');
  });

  it('an override of a family does not reprice a model the table lists on its own (gpt-4o vs gpt-4o-mini)', () => {
    const t = new PricingTable({ 'gpt-4o': { input: 5, output: 20 } }, TABLE);
    assert.deepEqual(t.priceOf('gpt-4o-2024-08-06'), { input: 5, output: 20 });
    assert.deepEqual(t.priceOf('gpt-4o-mini'), { input: 0.15, output: 0.6 });
    const exact = new PricingTable({ 'gpt-4o-mini': { input: 1, output: 2 } }, TABLE, fakeCatalog());
    assert.deepEqual(exact.priceOf('gpt-4o-mini'), { input: 1, output: 2 }, 'an exact override beats the database');
  });

  it('without a database the table behaves as before', () => {
    const t = new PricingTable({}, TABLE);
    assert.equal(t.catalogSource, undefined);
    assert.deepEqual(t.sourceOf('gpt-4o-mini'), { from: 'table', takenOn: PRICES_TAKEN_ON });
    assert.deepEqual(t.priceOf('gpt-4o-mini'), { input: 0.15, output: 0.6 });
  });
});

describe('GenaiPriceCatalog (@pydantic/genai-prices, its shipped data, no network)', () => {
  const catalog = new GenaiPriceCatalog();

  it('prices current cloud models per 1M tokens at the base tier, matching dated names to their family', () => {
    assert.deepEqual(catalog.priceOf('gpt-4o'), { id: 'gpt-4o', input: 2.5, output: 10 });
    assert.deepEqual(catalog.priceOf('gpt-4o-2024-08-06'), { id: 'gpt-4o', input: 2.5, output: 10 });
    assert.deepEqual(catalog.priceOf('claude-sonnet-4-0'), { id: 'claude-sonnet-4-0', input: 3, output: 15 });
    // Tiered above 200k input tokens per request: the base tier is what a chat request pays.
    assert.deepEqual(catalog.priceOf('claude-sonnet-4-5'), { id: 'claude-sonnet-4-5', input: 3, output: 15 });
  });

  it('never prices a local model name, and says nothing about names it does not know', () => {
    assert.equal(catalog.priceOf('llama3'), undefined);
    assert.equal(catalog.priceOf('qwen2.5-coder:7b'), undefined);
    assert.equal(catalog.priceOf('gpt-nonexistent-9'), undefined);
  });

  it('a database that cannot load leaves the table to answer (and is not retried per price)', () => {
    let loads = 0;
    const broken = new GenaiPriceCatalog(() => {
      loads++;
      throw new Error('Cannot find module');
    });
    assert.equal(broken.priceOf('gpt-4o'), undefined);
    assert.equal(broken.priceOf('gpt-5'), undefined);
    assert.equal(loads, 1);
    assert.deepEqual(new PricingTable({}, TABLE, broken).priceOf('gpt-4o'), { input: 2.5, output: 10 });
  });

  it('names the installed release (bump GENAI_PRICES_VERSION with the dependency)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../node_modules/@pydantic/genai-prices/package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal(GENAI_PRICES_VERSION, pkg.version);
    assert.match(catalog.source, new RegExp(`^genai-prices ${pkg.version.replace(/\./g, '\\.')} \\(published \\d{4}-\\d\\d-\\d\\d\\)$`));
  });
});
