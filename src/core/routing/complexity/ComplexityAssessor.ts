import type { ComplexityAssessment, ComplexityInput } from './analyzeComplexity';
import type { TaskComplexity } from './TaskComplexity';

/** What the strategy needs from a complexity judge: the assessment, and where medium requests split. */
export interface ComplexityAssessor {
  assess(input: ComplexityInput, override?: TaskComplexity | string): ComplexityAssessment;
  /** P(≥ high) above which a medium request goes to the cloud, for a wanted local share; undefined: no opinion. */
  mediumCloudThreshold?(localRatio: number): number | undefined;
}
