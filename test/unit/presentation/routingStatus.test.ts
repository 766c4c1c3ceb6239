import * as assert from 'node:assert/strict';
import { formatRoutingStatus, type RoutingStatusInput } from '../../../src/core/presentation/formatRoutingStatus';

const input = (over: Partial<RoutingStatusInput> = {}): RoutingStatusInput => ({
  spend: { todayUsd: 0.5, monthUsd: 4, dailyBudgetUsd: 5, monthlyBudgetUsd: 0, unknownCostCalls: 0, localShare: 0.75 },
  circuits: [],
  keys: { openai: true, anthropic: false },
  ollama: 'Ollama 0.9.0 at http://localhost:11434, model llama3 installed',
  vscodeModels: { enabled: true, models: [] },
  generatedAt: '25/11/2025, 16:00:00',
  ...over,
});

describe('formatRoutingStatus', () => {
  it('summarises spend vs budget, local share, providers and keys', () => {
    const md = formatRoutingStatus(input());
    assert.match(md, /^# Jarvis routing status/);
    assert.match(md, /\| Today \| \$0\.50 \| \$5\.00 \| 10% \|/);
    assert.match(md, /\| This month \| \$4\.00 \| no cap \| — \|/);
    assert.match(md, /Answered locally: \*\*75%\*\*/);
    assert.match(md, /\*\*OpenAI:\*\* API key set/);
    assert.match(md, /\*\*Anthropic:\*\* no API key \(run \*\*Jarvis: Set Anthropic API Key\*\*\)/);
    assert.match(md, /VS Code chat models:\*\* none available/);
    assert.match(md, /No model has been called yet\./);
  });

  it('lists circuits sorted, with what each state means', () => {
    const md = formatRoutingStatus(
      input({
        circuits: [
          { key: 'openai:gpt-4o', state: 'open' },
          { key: 'ollama:llama3', state: 'closed' },
        ],
      }),
    );
    const lines = md.split('\n');
    const llama = lines.findIndex((l) => l.includes('`ollama:llama3`'));
    const gpt = lines.findIndex((l) => l.includes('`openai:gpt-4o`'));
    assert.ok(llama > 0 && gpt > llama, 'sorted by key');
    assert.match(lines[gpt], /open: failing: skipped until its cooldown ends/);
    assert.match(lines[llama], /closed: healthy/);
  });

  it('points to the override when a budget is spent, and to the pricing setting for unknown prices', () => {
    const md = formatRoutingStatus(
      input({ spend: { todayUsd: 5, monthUsd: 5, dailyBudgetUsd: 5, monthlyBudgetUsd: 0, unknownCostCalls: 2, localShare: 0.5 } }),
    );
    assert.match(md, /Allow One Cloud Request Over Budget/);
    assert.match(md, /2 cloud call\(s\) .*jarvis\.pricing\.overrides/);
  });

  it('says when vscode.lm models are turned off, and lists them when offered', () => {
    assert.match(formatRoutingStatus(input({ vscodeModels: { enabled: false, models: ['x'] } })), /not used \(`jarvis\.routing\.useVscodeModels` is off\)/);
    assert.match(formatRoutingStatus(input({ vscodeModels: { enabled: true, models: ['gpt-4o (copilot)'] } })), /`gpt-4o \(copilot\)`/);
  });

  it('keeps hostile names from breaking the table or the markup', () => {
    const md = formatRoutingStatus(input({ circuits: [{ key: 'openai:a|b`c\nd', state: 'half-open' }], ollama: 'host <script> | *x*' }));
    const row = md.split('\n').find((l) => l.includes('half-open'))!;
    assert.equal(row, "| `openai:a\\|b'c d` | half-open: recovering: the next call tests it |");
    assert.match(md, /host \\<script\\> \\\| \\\*x\\\*/);
  });
});
