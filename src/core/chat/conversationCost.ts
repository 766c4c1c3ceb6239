import type { ChatCost } from './ChatChunk';

/** What the answers of one conversation cost so far (the chat footers' running total). */
export interface ConversationCost {
  usd: number;
  /** Answers counted, priced or not. */
  answers: number;
  /** Answers whose price is unknown (not in `usd`). */
  unpriced: number;
}

export const NO_COST: ConversationCost = { usd: 0, answers: 0, unpriced: 0 };

/** Adds one answer; local answers without a cost are free, cloud ones without a price are unpriced. */
export function addAnswerCost(total: ConversationCost, cost: ChatCost | undefined, local: boolean): ConversationCost {
  if (cost && 'usd' in cost && Number.isFinite(cost.usd) && cost.usd >= 0)
    return { usd: total.usd + cost.usd, answers: total.answers + 1, unpriced: total.unpriced };
  if (cost === undefined && local) return { ...total, answers: total.answers + 1 };
  return { ...total, answers: total.answers + 1, unpriced: total.unpriced + 1 };
}

/** "conversation $0.0123 over 3 answers" (+ "1 unpriced"); nothing for the first answer (it is its own total). */
export function formatConversationCost(c: ConversationCost): string | undefined {
  if (c.answers < 2) return undefined;
  const usd = c.usd === 0 ? '$0.00' : c.usd < 0.0001 ? '< $0.0001' : c.usd < 1 ? `$${c.usd.toFixed(4)}` : `$${c.usd.toFixed(2)}`;
  return `conversation ${usd} over ${c.answers} answers${c.unpriced ? ` (${c.unpriced} unpriced)` : ''}`;
}
