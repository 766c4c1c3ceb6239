import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DEFAULT_PRICES } from '../../../../../src/core/llm/pricing/defaultPrices';
import { DEFAULT_ROUTES } from '../../../../../src/core/routing/RoutingTable';
import { readRouterRows, type RouterRow } from '../../../../../src/core/routing/complexity/train/routerData';
import { placeLocal, railedTier } from '../../../../../src/core/routing/complexity/train/trainComplexityModel';
import {
  MAX_AT_LEAST_HIGH,
  PLACEMENT_COST,
  placementOf,
  railedTiers,
  routingCost,
  tuneThresholds,
  tuningSet,
} from '../../../../../src/core/routing/complexity/train/tuneThresholds';
import type { TierThresholds } from '../../../../../src/core/routing/complexity/tierDecision';

const root = path.resolve(__dirname, '../../../../../..');

/** Seeded probabilities (xorshift32), so every run tests the same rows. */
function randomProbs(n: number, seed: number): Float64Array[] {
  let x = seed;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
  return Array.from({ length: n }, () => {
    const raw = Array.from({ length: 5 }, () => next() ** 3);
    const sum = raw.reduce((a, b) => a + b, 0);
    return Float64Array.from(raw, (v) => v / sum);
  });
}

const row = (tier: RouterRow['tier'], i: number): RouterRow => ({
  id: `${tier}-${i}`,
  lang: 'en',
  tier,
  prompt: `write a small helper number ${i}`,
  codeLines: 0,
  fileCount: 0,
  source: 'hand',
});
/** n rows of one tier with the same model probabilities. */
function add(rows: RouterRow[], p: Float64Array[], tier: RouterRow['tier'], n: number, probs: number[], from = 0): void {
  for (let i = from; i < from + n; i++) {
    rows.push(row(tier, i));
    p.push(Float64Array.from(probs));
  }
}

describe('threshold tuner (cost-aware, smoothed, several starts)', function () {
  this.timeout(900_000); // CPU-bound: a limit that only catches a hang, however loaded the machine

  it('prices placements as the default routing table and list prices do (1,000 tokens in, 500 out, in gpt-4o answers)', () => {
    const price = (model: string): number => {
      const key = Object.keys(DEFAULT_PRICES)
        .filter((k) => model.startsWith(k))
        .sort((a, b) => b.length - a.length)[0];
      const p = DEFAULT_PRICES[key];
      return (1000 * p.input + 500 * p.output) / 1e6;
    };
    const cloud = (tier: keyof typeof DEFAULT_ROUTES): string => DEFAULT_ROUTES[tier].find((c) => c.provider !== 'ollama')!.model;
    const unit = price(cloud('high'));
    assert.equal(DEFAULT_ROUTES.low[0].provider, 'ollama');
    assert.equal(PLACEMENT_COST[0], 0);
    assert.equal(Math.round((price(cloud('medium')) / unit) * 100) / 100, PLACEMENT_COST[1]);
    assert.equal(PLACEMENT_COST[2], 1);
    assert.equal(Math.round(price(cloud('critical')) / unit), PLACEMENT_COST[3]);
  });

  it('decides tiers and placements exactly as the shipped decision does (railedTier, placeLocal), veto included', () => {
    const rows = readRouterRows(path.join(root, 'data/router/train-hand.jsonl')).filter((_, i) => i % 4 === 0);
    const p = randomProbs(rows.length, 0x1234567);
    const set = tuningSet(rows, p);
    const cases: TierThresholds[] = [
      { atLeast: [0.5, 0.5, 0.5, 0.5] },
      { atLeast: [0.7, 0.3, 0.55, 0.55], stakesVeto: 0.5 },
      { atLeast: [0.2, 0.8, 0.25, 0.3], stakesVeto: 0.9 },
    ];
    for (const t of cases) {
      const tiers = railedTiers(set, t);
      const cost = routingCost(set, t);
      rows.forEach((r, i) => {
        assert.equal(tiers[i], railedTier(r, p[i], t), `${r.id} at ${JSON.stringify(t)}`);
        assert.equal(placementOf(tiers[i], set.pHigh[i], cost.mediumThreshold) === 0, placeLocal(tiers[i], p[i], cost.mediumThreshold), r.id);
      });
    }
  });

  it('does not send high requests to the critical tier to win a few more critical ones (a critical placement costs seven high ones)', () => {
    const rows: RouterRow[] = [];
    const p: Float64Array[] = [];
    // Critical requests the model is sure of, plus a group it cannot tell apart (P(= critical) 0.4): 20
    // labelled critical, 15 high. Counting agreement sends the group to critical (20 right, 15 wrong);
    // priced on the traffic mix, where high requests are twice as common, opus for all of them costs more
    // than gpt-4o for the 20 critical ones.
    add(rows, p, 'critical', 40, [0, 0, 0, 0.1, 0.9]);
    add(rows, p, 'critical', 20, [0, 0, 0, 0.6, 0.4], 100);
    add(rows, p, 'high', 15, [0, 0, 0, 0.6, 0.4]);
    add(rows, p, 'low', 60, [0.2, 0.7, 0.1, 0, 0]);
    add(rows, p, 'medium', 40, [0, 0.1, 0.8, 0.1, 0]);
    const t = tuneThresholds(tuningSet(rows, p));
    assert.ok(t.atLeast[3] > 0.4 && t.atLeast[3] <= 0.9, `P(= critical) threshold ${t.atLeast[3]}`);
    const tiers = railedTiers(tuningSet(rows, p), t);
    assert.equal(tiers.filter((x, i) => x === 4 && rows[i].tier === 'high').length, 0);
    assert.equal(tiers.filter((x, i) => x === 4 && rows[i].tier === 'critical').length, 40);
    assert.equal(tiers.filter((x) => x === 3).length, 35);
  });

  it('keeps a hard request off the local model before it saves cloud spend', () => {
    const rows: RouterRow[] = [];
    const p: Float64Array[] = [];
    // High requests with P(≥ high) 0.35: tiered high only when that threshold is ≤ 0.35.
    add(rows, p, 'high', 30, [0, 0.05, 0.6, 0.35, 0]);
    add(rows, p, 'medium', 100, [0, 0.3, 0.65, 0.05, 0]);
    add(rows, p, 'low', 100, [0.1, 0.85, 0.05, 0, 0]);
    const set = tuningSet(rows, p);
    const t = tuneThresholds(set);
    const cost = routingCost(set, t);
    const tiers = railedTiers(set, t);
    const hardLocal = rows.filter((r, i) => r.tier === 'high' && placementOf(tiers[i], set.pHigh[i], cost.mediumThreshold) === 0).length;
    assert.equal(hardLocal, 0, JSON.stringify(t));
  });

  it('never tiers medium a request the model finds at least as likely high-or-harder as not, even when that would save spend', () => {
    const rows: RouterRow[] = [];
    const p: Float64Array[] = [];
    // Medium requests with P(≥ high) 0.6: a free tuner would raise the "≥ high" threshold above 0.6 to keep them off gpt-4o.
    add(rows, p, 'medium', 100, [0, 0.1, 0.3, 0.6, 0]);
    add(rows, p, 'high', 10, [0, 0, 0.2, 0.8, 0]);
    add(rows, p, 'low', 100, [0.1, 0.85, 0.05, 0, 0]);
    const t = tuneThresholds(tuningSet(rows, p));
    assert.equal(MAX_AT_LEAST_HIGH, 0.5);
    assert.ok(t.atLeast[2] <= 0.5, JSON.stringify(t));
  });

  it('is deterministic, and one dev row more or less does not move the critical threshold by more than a grid step', () => {
    const rows = readRouterRows(path.join(root, 'data/router/train-hand.jsonl')).filter((_, i) => i % 5 === 0);
    // Probabilities that lean towards each row's label, with noise: a stand-in for out-of-fold predictions.
    const noise = randomProbs(rows.length, 0x7777);
    const p = rows.map((r, i) => {
      const y = ['trivial', 'low', 'medium', 'high', 'critical'].indexOf(r.tier);
      return Float64Array.from(noise[i], (v, k) => (v + (k === y ? 1.2 : 0)) / 2.2);
    });
    const base = tuneThresholds(tuningSet(rows, p));
    assert.deepEqual(tuneThresholds(tuningSet(rows, p)), base);
    for (const drop of [0, 37, 111, 222, 280]) {
      const keep = rows.map((_, i) => i).filter((i) => i !== drop);
      const t = tuneThresholds(
        tuningSet(
          keep.map((i) => rows[i]),
          keep.map((i) => p[i]),
        ),
      );
      assert.ok(Math.abs(t.atLeast[3] - base.atLeast[3]) <= 0.05 + 1e-9, `without row ${drop}: ${t.atLeast[3]} vs ${base.atLeast[3]}`);
    }
  });
});
