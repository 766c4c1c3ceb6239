import type { FinishReason } from '../../llm/types';
import type { QualityScore } from './QualityScore';
import type { LanguageContext } from './requestedLanguage';

/** Scores a local answer; HybridStrategy escalates it to the cloud when the score is below the threshold. */
export type QualityValidator = (
  answer: string,
  context: {
    question: string;
    finishReason: FinishReason;
    expectedCriteria?: string[];
    signal?: AbortSignal;
    /** Attached file's and open editor's language ids: where the requested programming language comes from. */
    languages?: LanguageContext;
    threshold: number;
    /** Whether this request may reach a cloud model at all (privacy, budget): a cloud judge needs it too. */
    cloudAllowed: boolean;
    /** An agent step after tool rounds: the code the ask wanted may already have gone out through tool calls. */
    codeViaTools?: boolean;
  },
) => QualityScore | Promise<QualityScore>;
