import * as assert from 'node:assert/strict';
import { budgetLevel, formatCostStatus, formatShare } from '../../../src/core/presentation/formatCostStatus';
import { formatUsd } from '../../../src/core/presentation/formatUsd';
import type { SpendSummary } from '../../../src/core/routing/RoutingServiceContract';

const spend = (over: Partial<SpendSummary> = {}): SpendSummary => ({
  todayUsd: 0.12,
  monthUsd: 1.5,
  dailyBudgetUsd: 5,
  monthlyBudgetUsd: 50,
  unknownCostCalls: 0,
  localShare: 0.8,
  ...over,
});

describe('formatUsd', () => {
  it('shows two decimals, and a tiny spend as "<$0.01" rather than nothing', () => {
    assert.equal(formatUsd(0), '$0.00');
    assert.equal(formatUsd(0.12), '$0.12');
    assert.equal(formatUsd(12.345), '$12.35');
    assert.equal(formatUsd(0.0004), '<$0.01');
  });

  it('shows "$?" for values that are not a spend (NaN, negative, infinite, not a number)', () => {
    for (const bad of [NaN, -1, Infinity, '3' as unknown as number, undefined as unknown as number]) assert.equal(formatUsd(bad), '$?', String(bad));
  });
});

describe('formatCostStatus', () => {
  it("shows today's spend on the item and month vs budget and local share in the tooltip", () => {
    const v = formatCostStatus(spend());
    assert.equal(v.text, '$(hubot) $0.12 today · 80% local');
    assert.equal(v.alerting, false);
    assert.equal(v.level, 'ok');
    assert.match(v.tooltip, /Today: \$0\.12 of \$5\.00 \(2%\)/);
    assert.match(v.tooltip, /This month: \$1\.50 of \$50\.00 \(3%\)/);
    assert.match(v.tooltip, /Answered locally: 80%/);
    assert.doesNotMatch(v.tooltip, /without a known price/);
    assert.doesNotMatch(v.accessibilityLabel, /\$\(/, 'no codicon syntax for screen readers');
  });

  it('warns from 80% of the daily or the monthly budget and marks a spent budget as exceeded', () => {
    assert.equal(formatCostStatus(spend({ todayUsd: 3.99 })).level, 'ok');
    assert.equal(formatCostStatus(spend({ todayUsd: 4 })).level, 'warning');
    assert.equal(formatCostStatus(spend({ monthUsd: 40 })).level, 'warning');
    const over = formatCostStatus(spend({ todayUsd: 1, monthUsd: 50 }));
    assert.equal(over.level, 'exceeded');
    assert.match(over.tooltip, /budget is spent/);
  });

  it('treats a budget of 0 as no cap', () => {
    const v = formatCostStatus(spend({ todayUsd: 100, monthUsd: 900, dailyBudgetUsd: 0, monthlyBudgetUsd: 0 }));
    assert.equal(v.level, 'ok');
    assert.match(v.tooltip, /Today: \$100\.00 \(no daily cap\)/);
    assert.match(v.tooltip, /This month: \$900\.00 \(no monthly cap\)/);
  });

  it('says how many calls had no known price and how to fix it', () => {
    assert.match(formatCostStatus(spend({ unknownCostCalls: 1 })).tooltip, /1 cloud call this month .* is not in these totals .*jarvis\.pricing\.overrides/);
    assert.match(formatCostStatus(spend({ unknownCostCalls: 3 })).tooltip, /3 cloud calls this month .* are not in these totals/);
  });

  it('survives a malformed summary without throwing (NaN spend, share out of range)', () => {
    const v = formatCostStatus(spend({ todayUsd: NaN, localShare: 7 }));
    assert.equal(v.text, '$(hubot) $? today', 'no share shown when it is not a share');
    assert.equal(v.level, 'ok');
    assert.match(v.tooltip, /Answered locally: no answers yet/);
  });
});

describe('formatCostStatus with the breakdown, savings and alerts', () => {
  it('lists cloud cost by model, the savings with its reference, budget left, and active alerts', () => {
    const v = formatCostStatus(spend({ todayUsd: 0.42, localShare: 0.81 }), {
      byModel: [
        { model: 'gpt-4o-mini', usd: 0.02, requests: 3, unknownCost: 0 },
        { model: 'gpt-4o', usd: 0.4, requests: 1, unknownCost: 0 },
        { model: 'llama3', usd: 0, requests: 9, unknownCost: 0 },
      ],
      savings: { referenceModel: 'gpt-4o', baselineUsd: 1.9, actualUsd: 0.42, savedUsd: 1.48, requests: 13, skipped: 0 },
      period: 'this month',
      alerts: ['Circuit breaker open for openai'],
    });
    assert.equal(v.text, '$(hubot) $0.42 today · 81% local');
    assert.match(v.tooltip, /\*\*Cloud cost by model this month\*\*\n\n- gpt-4o: \$0\.40 \(1 answer\)\n- gpt-4o-mini: \$0\.02 \(3 answers\)/);
    assert.doesNotMatch(v.tooltip, /llama3/, 'free local models are not in the cost breakdown');
    assert.match(v.tooltip, /\*\*Saved \$1\.48 this month\*\* against sending all 13 answers to gpt-4o \(\$1\.90 at its list price; they cost \$0\.42\)/);
    assert.match(v.tooltip, /Budget left: \$4\.58 today, \$48\.50 this month/);
    assert.match(v.tooltip, /1 active alert\*\*\n\n- \$\(warning\) Circuit breaker open for openai/);
    assert.equal(v.alerting, true);
    assert.match(v.accessibilityLabel, /81% answered locally, 1 active alerts/);
  });

  it('lists six models and says how many more the dashboard has', () => {
    const byModel = Array.from({ length: 8 }, (_, k) => ({ model: `m${k}`, usd: 1 + k, requests: 1, unknownCost: 0 }));
    const v = formatCostStatus(spend(), { byModel, period: 'this month' });
    assert.match(v.tooltip, /- m7: \$8\.00/);
    assert.doesNotMatch(v.tooltip, /- m1:/);
    assert.match(v.tooltip, /- 2 more on the dashboard/);
  });
});

describe('budgetLevel / formatShare', () => {
  it('classifies spend against a cap', () => {
    assert.equal(budgetLevel(0, 10), 'ok');
    assert.equal(budgetLevel(7.99, 10), 'ok');
    assert.equal(budgetLevel(8, 10), 'warning');
    assert.equal(budgetLevel(10, 10), 'exceeded');
    assert.equal(budgetLevel(10, -1), 'ok');
  });

  it('rounds a share to a whole percentage', () => {
    assert.equal(formatShare(0), '0%');
    assert.equal(formatShare(0.666), '67%');
    assert.equal(formatShare(1), '100%');
    assert.equal(formatShare(NaN), 'no answers yet');
  });
});
