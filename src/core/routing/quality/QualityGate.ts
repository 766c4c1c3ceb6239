import { JarvisError, errorMessage } from '../../../common/errors';
import { Lazy } from '../../../common/Lazy';
import { nullLogger, type Logger } from '../../ports';
import type { FinishReason } from '../../llm/types';
import tuned from '../../../../data/quality/weights.json';
import { COMPANION_LANGUAGES, canonicalLanguage } from '../../languages';
import { detectBlockLanguage } from './detectCodeLanguage';
import type { QualityScore } from './QualityScore';
import {
  RULE_NAMES,
  type GateInput,
  type LanguageIdentifier,
  type QualityRule,
  type RuleFinding,
  type RuleName,
  type RuleTools,
  type SyntaxChecker,
} from './QualityRule';
import { requestedLanguage, type LanguageContext } from './requestedLanguage';
import { splitAnswer, type SplitAnswer } from './splitAnswer';
import { basicsRule } from './rules/basicsRule';
import { junkRule } from './rules/junkRule';
import { repetitionRule } from './rules/repetitionRule';
import { placeholderRule } from './rules/placeholderRule';
import { languageRule } from './rules/languageRule';
import { syntaxRule } from './rules/syntaxRule';
import { naturalLanguageRule } from './rules/naturalLanguageRule';
import { topicRule } from './rules/topicRule';
import { nonAnswerRule } from './rules/nonAnswerRule';
import { apiRule } from './rules/apiRule';
import { refusalRule } from './rules/refusalRule';
import { backgroundRule } from './rules/backgroundRule';
import { askedNamesRule } from './rules/askedNamesRule';
import type { KnownApis } from './KnownApis';

export const QUALITY_RULES: readonly QualityRule[] = [
  basicsRule,
  junkRule,
  repetitionRule,
  placeholderRule,
  languageRule,
  syntaxRule,
  naturalLanguageRule,
  topicRule,
  nonAnswerRule,
  apiRule,
  refusalRule,
  backgroundRule,
  askedNamesRule,
];

export interface GateWeights {
  /** Scores below this escalate (the tuning fixes it at the setting's default, 0.7, and fits the weights). */
  threshold: number;
  /** Within this distance of the threshold the rules count as unsure (the optional judge decides). */
  unsureMargin: number;
  weights: Record<RuleName, number>;
}

/** The committed output of scripts/tune-quality.mjs (fitted on data/quality/train.jsonl only). */
export const TUNED_WEIGHTS: GateWeights = tuned as GateWeights;

export interface GateRequest {
  question: string;
  answer: string;
  finishReason?: FinishReason;
  expectedCriteria?: string[];
  /** Attached file and open editor language ids: where the requested language comes from when the question does not say. */
  context?: LanguageContext;
  /** @default the tuned threshold */
  threshold?: number;
  /** An agent step after tool rounds: "asked for code, gave none" does not apply (see GateInput). */
  codeViaTools?: boolean;
}

export interface QualityVerdict extends QualityScore {
  /** What each rule found, strongest first. */
  findings: RuleFinding[];
  /** The few words the reader sees: "repeats itself; code is Python, question asked for Go". */
  note?: string;
  /** The rules cannot tell: near the threshold, or a check they would have needed was unavailable. */
  unsure: boolean;
  /** Checks that could not run on this answer ("no grammar for kotlin", "python grammar unavailable"). */
  skipped: string[];
}

/** Syntax checking with an async warm-up (grammars load on first use). */
export interface WarmableSyntax extends SyntaxChecker {
  warm(languages: Iterable<string>): Promise<void>;
}

export interface QualityGateOptions {
  weights?: GateWeights;
  syntax?: WarmableSyntax;
  /** Loads the natural-language identifier on first use. */
  naturalLanguage?: () => Promise<LanguageIdentifier>;
  /** Loads the table of real standard-library names (invented-API rule) on first use. */
  knownApis?: () => Promise<KnownApis>;
  logger?: Logger;
}

/**
 * The quality gate for local answers: every rule looks at the answer, each finding costs
 * weight × severity, and the score is what is left of 1. Deterministic and model-free; the optional
 * judge (judgeAnswer) is consulted only when `unsure`.
 */
export class QualityGate {
  readonly weights: GateWeights;
  private readonly syntax: WarmableSyntax | undefined;
  private readonly identifier: Lazy<LanguageIdentifier> | undefined;
  private identifierFailed = false;
  private readonly apis: Lazy<KnownApis> | undefined;
  private apisFailed = false;
  private readonly logger: Logger;

  constructor(options: QualityGateOptions = {}) {
    this.weights = options.weights ?? TUNED_WEIGHTS;
    for (const name of RULE_NAMES) {
      const w = this.weights.weights[name];
      if (typeof w !== 'number' || !(w >= 0))
        throw new JarvisError('invalid-input', `Quality gate weight for ${name} must be a number ≥ 0 (got ${JSON.stringify(w)}).`);
    }
    this.syntax = options.syntax;
    const load = options.naturalLanguage;
    this.identifier = load ? new Lazy(load) : undefined;
    this.apis = options.knownApis ? new Lazy(options.knownApis) : undefined;
    this.logger = options.logger ?? nullLogger;
  }

  /** Loads what this answer's checks need (grammars, the language identifier), then assesses it. */
  async assess(request: GateRequest): Promise<QualityVerdict> {
    check(request);
    const split = splitAnswer(request.answer);
    const languages = new Set<string>();
    for (const b of split.blocks) {
      const l = canonicalLanguage(b.label) ?? detectBlockLanguage(b)?.language;
      if (l) languages.add(l);
    }
    const tools: RuleTools = { syntax: this.syntax };
    await Promise.all([
      this.apis && !this.apisFailed
        ? this.apis.get().then(
            (apis) => (tools.knownApis = apis),
            (e: unknown) => {
              this.apisFailed = true;
              this.logger.warn(`Quality gate: the table of known APIs did not load (${errorMessage(e)}); the invented-API check is skipped.`);
            },
          )
        : undefined,
      this.syntax && languages.size > 0 ? this.syntax.warm(languages) : undefined,
      this.identifier && !this.identifierFailed
        ? this.identifier.get().then(
            (id) => (tools.naturalLanguage = id),
            (e: unknown) => {
              this.identifierFailed = true;
              this.logger.warn(`Quality gate: the language identifier did not load (${errorMessage(e)}); that check is skipped.`);
            },
          )
        : undefined,
    ]);
    return this.evaluate(request, split, tools);
  }

  /** Assesses with the tools already loaded (no I/O): what `assess` does after its warm-up. */
  assessSync(
    request: GateRequest,
    tools: RuleTools = { syntax: this.syntax, naturalLanguage: this.identifier?.peek(), knownApis: this.apis?.peek() },
  ): QualityVerdict {
    check(request);
    return this.evaluate(request, splitAnswer(request.answer), tools);
  }

  private evaluate(request: GateRequest, answer: SplitAnswer, tools: RuleTools): QualityVerdict {
    const input: GateInput = {
      question: request.question,
      answer,
      finishReason: request.finishReason,
      expectedCriteria: request.expectedCriteria,
      requested: requestedLanguage(request.question, request.context),
      codeViaTools: request.codeViaTools,
    };
    if (answer.text.trim() === '') {
      const f: RuleFinding = { rule: 'basics', severity: 1, reason: 'empty answer', note: 'is empty' };
      return { score: 0, reasons: [f.reason], findings: [f], note: f.note, unsure: false, skipped: [] };
    }
    const findings: RuleFinding[] = [];
    // Two rules identify the question's language: once is enough.
    const ruleTools = tools.naturalLanguage ? { ...tools, naturalLanguage: memoised(tools.naturalLanguage) } : tools;
    for (const rule of QUALITY_RULES) {
      const f = rule.check(input, ruleTools);
      if (f && f.severity > 0 && this.weights.weights[rule.name] > 0) findings.push(f);
    }
    const cost = (f: RuleFinding) => this.weights.weights[f.rule] * f.severity;
    findings.sort((a, b) => cost(b) - cost(a));
    const raw = 1 - findings.reduce((s, f) => s + cost(f), 0);
    const score = Math.round(Math.max(0, Math.min(1, raw)) * 100) / 100;
    const { skipped, noParser } = skippedChecks(answer.blocks, tools);
    if (this.apisFailed) skipped.push('invented-API check unavailable');
    const threshold = request.threshold ?? this.weights.threshold;
    // A check that should have run and could not makes the rules unsure; a language no parser exists for does not.
    const unsure = Math.abs(score - threshold) < this.weights.unsureMargin || (score >= threshold && skipped.length > 0);
    skipped.push(...noParser);
    const notes = [...new Set(findings.filter((f) => cost(f) >= 0.1).map((f) => f.note))].slice(0, 2);
    if (answer.clipped)
      skipped.push(`only the first ${Math.round(answer.text.length / 1024)} KB of ${Math.round(request.answer.length / 1024)} KB were checked`);
    return { score, reasons: findings.map((f) => f.reason), findings, note: notes.length > 0 ? notes.join('; ') : undefined, unsure, skipped };
  }
}

function memoised(identifier: LanguageIdentifier): LanguageIdentifier {
  const seen = new Map<string, ReturnType<LanguageIdentifier['identify']>>();
  return {
    identify(text) {
      let r = seen.get(text);
      if (!r) seen.set(text, (r = identifier.identify(text)));
      return r;
    },
  };
}

function check(request: GateRequest): void {
  if (!request || typeof request.answer !== 'string' || typeof request.question !== 'string') {
    throw new JarvisError('invalid-input', 'The quality gate needs { question: string, answer: string }.');
  }
}

/** Checks that could not run (`skipped`), and languages with no parser at all (`noParser`, informational). */
function skippedChecks(blocks: readonly { label: string; code: string }[], tools: RuleTools): { skipped: string[]; noParser: string[] } {
  const out: string[] = [];
  const none = new Set<string>();
  if (!tools.naturalLanguage) out.push('natural-language check unavailable');
  if (!tools.syntax) return { skipped: out, noParser: [] };
  for (const b of blocks.slice(0, 8)) {
    const l = canonicalLanguage(b.label);
    if (!l || l === 'javascript' || COMPANION_LANGUAGES.has(l)) continue;
    if (tools.syntax.supports && !tools.syntax.supports(l)) {
      none.add(`no ${l} parser (judged on the other rules)`);
      continue;
    }
    const available = tools.syntax.available ? tools.syntax.available(l) : tools.syntax.check(l, '') !== 'unavailable';
    if (!available) out.push(`${l} parser unavailable`);
  }
  return { skipped: [...new Set(out)], noParser: [...none] };
}
