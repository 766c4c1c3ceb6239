import type { FinishReason } from '../../llm/types';
import type { KnownApis } from './KnownApis';
import type { RequestedLanguage } from './requestedLanguage';
import type { SplitAnswer } from './splitAnswer';

/** The rules the gate runs; each has one weight in data/quality/weights.json. */
export const RULE_NAMES = [
  'basics',
  'junk',
  'repetition',
  'placeholder',
  'language',
  'syntax',
  'naturalLanguage',
  'topic',
  'nonAnswer',
  'api',
  'refusal',
  'background',
  'askedNames',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

export interface RuleFinding {
  rule: RuleName;
  /** How sure the rule is that this problem is there, 0–1; the gate multiplies it by the rule's weight. */
  severity: number;
  /** The full reason, for the trace: "python block 1 does not parse (line 3)". */
  reason: string;
  /** A few words for the one-line note the reader sees: "repeats itself". */
  note: string;
}

/** What a rule may look at: the answer, split once, and what the user asked. */
export interface GateInput {
  question: string;
  answer: SplitAnswer;
  finishReason?: FinishReason;
  expectedCriteria?: string[];
  requested?: RequestedLanguage;
  /**
   * The answer is an agent's step after tool rounds: the code the ask wanted may already have been
   * written through tool calls (file edits), so its absence from this text is no failure.
   */
  codeViaTools?: boolean;
}

/** Parsers the syntax rule may use; only grammars already loaded are used (loading is async). */
export interface SyntaxChecker {
  /** 'unavailable' when the language has no grammar or its grammar is not (or could not be) loaded. */
  check(language: string, code: string): { ok: true } | { ok: false; line: number } | 'unavailable';
  /**
   * Whether `check` could parse this language now, without parsing anything: the gate asks it for every
   * labelled block to report the checks it skipped. Without it the gate checks an empty string instead.
   */
  available?(language: string): boolean;
  /**
   * Whether any parser exists for this language. A language without one is judged on the other rules
   * and does not make them unsure (under `rules+cloud` that would be a paid judge call per answer).
   */
  supports?(language: string): boolean;
}

/** Natural-language identification; undefined language when unsure. */
export interface LanguageIdentifier {
  identify(text: string): { language: string | undefined; reliable: boolean };
}

export interface RuleTools {
  syntax?: SyntaxChecker;
  naturalLanguage?: LanguageIdentifier;
  /** Real names of standard libraries and CLIs, for the invented-API rule. */
  knownApis?: KnownApis;
}

export interface QualityRule {
  readonly name: RuleName;
  /** Synchronous and bounded: the gate runs every rule on every local answer. */
  check(input: GateInput, tools: RuleTools): RuleFinding | undefined;
}
