import type { CircuitInfo, RoutingLearningStatus, SpendSummary } from '../routing/RoutingServiceContract';
import type { AgentActivity } from '../routing/AgentResponder';
import { budgetLevel, formatShare } from './formatCostStatus';
import { formatUsd } from './formatUsd';

export interface RoutingStatusInput {
  spend: SpendSummary;
  circuits: CircuitInfo[];
  /** Whether a key is stored: the values themselves never reach this function. */
  keys: { openai: boolean; anthropic: boolean };
  /** One sentence about the local Ollama server. */
  ollama: string;
  /** Chat models other extensions offer (vscode.lm); `enabled` mirrors jarvis.routing.useVscodeModels. */
  vscodeModels: { enabled: boolean; models: string[] };
  /** When the snapshot was taken, already formatted for the reader. */
  generatedAt: string;
  /** How complexity is judged and what this workspace taught the router. */
  learning?: RoutingLearningStatus;
  /** Requests through Jarvis's language models (the model picker, other extensions). */
  agent?: AgentActivity;
  /** The loopback gateway: one sentence on its state, and requests through it. */
  gateway?: { state: string; activity: AgentActivity };
  /** The providers' model lists: one line per provider (describeListState), one per unlisted configured model. */
  cloudModels?: { lists: string[]; unlisted: string[] };
}

const CIRCUIT_TEXT: Record<CircuitInfo['state'], string> = {
  closed: 'healthy',
  'half-open': 'recovering: the next call tests it',
  open: 'failing: skipped until its cooldown ends',
  isolated: 'turned off',
};

/** The "Show Routing Status" page: a Markdown summary of what decides where a request goes. */
export function formatRoutingStatus(input: RoutingStatusInput): string {
  const { spend } = input;
  const out: string[] = ['# Jarvis routing status', '', `_As of ${escapeMd(input.generatedAt)}._`, ''];

  out.push('## Spend', '', '| | Spent | Budget | Used |', '|---|---|---|---|');
  out.push(spendRow('Today', spend.todayUsd, spend.dailyBudgetUsd), spendRow('This month', spend.monthUsd, spend.monthlyBudgetUsd), '');
  out.push(`Answered locally: **${formatShare(spend.localShare)}**.`);
  if (spend.unknownCostCalls > 0) {
    out.push(
      '',
      `${spend.unknownCostCalls} cloud call(s) this month used a model without a known price; they are not in the totals. Add the price in \`jarvis.pricing.overrides\`.`,
    );
  }
  if ([budgetLevel(spend.todayUsd, spend.dailyBudgetUsd), budgetLevel(spend.monthUsd, spend.monthlyBudgetUsd)].includes('exceeded')) {
    out.push('', 'A budget is spent: cloud requests are refused until it resets. Run **Jarvis: Allow One Cloud Request Over Budget** to send one anyway.');
  }

  out.push('', '## Providers', '');
  out.push(`- **Ollama (local):** ${escapeMd(input.ollama)}`);
  out.push(`- **OpenAI:** ${input.keys.openai ? 'API key set' : 'no API key (run **Jarvis: Set OpenAI API Key**)'}`);
  out.push(`- **Anthropic:** ${input.keys.anthropic ? 'API key set' : 'no API key (run **Jarvis: Set Anthropic API Key**)'}`);
  const vm = input.vscodeModels;
  if (!vm.enabled) out.push('- **VS Code chat models:** not used (`jarvis.routing.useVscodeModels` is off)');
  else if (vm.models.length === 0) out.push('- **VS Code chat models:** none available in this window');
  else out.push(`- **VS Code chat models:** ${vm.models.map(code).join(', ')}`);

  const cm = input.cloudModels;
  if (cm) {
    out.push('', '## Cloud model lists', '', ...cm.lists.map((l) => `- ${escapeMd(l)}`));
    for (const u of cm.unlisted) out.push('', `**Warning:** ${escapeMd(u)} Run **Jarvis: Choose Cloud Model…** to pick a listed one.`);
  }

  if (input.learning) out.push('', ...learningSection(input.learning));
  const a = input.agent;
  if (a) {
    out.push('', '## Jarvis in the model picker', '');
    if (a.requests === 0) out.push('No request has come through Jarvis Auto or the other Jarvis models yet.');
    else {
      out.push(`${a.requests} request(s) from VS Code's chat or other extensions; ${a.toolCalls} tool call(s) handed back.`);
      if (a.last) out.push('', `Last: ${code(a.last.model)} (${a.last.local ? 'local' : 'cloud'})${a.last.reason ? ` — ${escapeMd(a.last.reason)}` : ''}.`);
    }
  }

  const g = input.gateway;
  if (g) {
    out.push('', '## Gateway', '', `${escapeMd(g.state)}.`);
    if (g.activity.requests > 0) {
      out.push('', `${g.activity.requests} chat completion(s) from other tools; ${g.activity.toolCalls} tool call(s) handed back.`);
      if (g.activity.last) out.push('', `Last: ${code(g.activity.last.model)} (${g.activity.last.local ? 'local' : 'cloud'}).`);
    }
  }

  out.push('', '## Circuit breakers', '');
  if (input.circuits.length === 0) {
    out.push('No model has been called yet.');
  } else {
    out.push('| Model | State |', '|---|---|');
    const sorted = [...input.circuits].sort((a, b) => a.key.localeCompare(b.key));
    for (const c of sorted) out.push(`| ${code(c.key)} | ${c.state}: ${CIRCUIT_TEXT[c.state] ?? 'unknown'} |`);
  }
  return out.join('\n') + '\n';
}

function learningSection(l: RoutingLearningStatus): string[] {
  const out = ['## Complexity', '', `- **Judged by:** ${escapeMd(l.classifier)}`];
  if (l.learning === 'unavailable') out.push('- **Learning from this workspace:** unavailable (no workspace open)');
  else if (l.learning === 'off') out.push('- **Learning from this workspace:** off (`jarvis.routing.learnFromFeedback`)');
  else {
    out.push(
      `- **Learning from this workspace:** on — ${l.cloudReasks} /cloud re-ask(s), ${l.qualityEscalations} quality escalation(s) noted; kept on this machine, fades over two weeks`,
    );
    if (l.topWords.length > 0)
      out.push(`- **Requests mentioning these lean towards the cloud:** ${l.topWords.map((w) => `${code(w.word)} +${w.weight.toFixed(2)}`).join(', ')}`);
    out.push('- Run **Jarvis: Reset Routing Learning** to forget it.');
  }
  return out;
}

function spendRow(label: string, spent: number, budget: number): string {
  if (!(budget > 0)) return `| ${label} | ${formatUsd(spent)} | no cap | — |`;
  const used = Number.isFinite(spent) && spent >= 0 ? `${Math.round((spent / budget) * 100)}%` : '—';
  return `| ${label} | ${formatUsd(spent)} | ${formatUsd(budget)} | ${used} |`;
}

/** Names come from settings and other extensions: keep them from breaking the table or the markup. */
function code(text: string): string {
  return `\`${text
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')}\``;
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}
