import * as assert from 'node:assert/strict';
import { cloudLimits } from '../../../src/core/llm/contextLimits';

/** Model id → [input, output] as the providers' model pages document them (a dated id takes its family's row). */
const DOCUMENTED: [model: string, input: number, output: number][] = [
  ['gpt-4o', 128_000, 16_384],
  ['gpt-4o-2024-11-20', 128_000, 16_384],
  ['gpt-4o-mini', 128_000, 16_384],
  ['chatgpt-4o-latest', 128_000, 16_384],
  ['gpt-4.1', 1_047_576, 32_768],
  ['gpt-4.1-mini', 1_047_576, 32_768],
  ['gpt-4.5-preview', 128_000, 16_384],
  ['gpt-5', 272_000, 128_000],
  ['gpt-5-mini', 272_000, 128_000],
  ['o1', 200_000, 100_000],
  ['o1-mini', 128_000, 65_536],
  ['o1-mini-2024-09-12', 128_000, 65_536],
  ['o1-preview', 128_000, 32_768],
  ['o3', 200_000, 100_000],
  ['o3-mini', 200_000, 100_000],
  ['o4-mini', 200_000, 100_000],
  ['gpt-4', 8_192, 8_192],
  ['gpt-4-0613', 8_192, 8_192],
  ['gpt-4-turbo', 128_000, 4_096],
  ['gpt-3.5-turbo', 16_385, 4_096],
  ['claude-opus-5', 1_000_000, 128_000],
  ['claude-opus-4-6', 200_000, 128_000],
  ['claude-opus-4-5-20251101', 200_000, 64_000],
  ['claude-opus-4-1-20250805', 200_000, 32_000],
  ['claude-opus-4-20250514', 200_000, 32_000],
  ['claude-sonnet-4-6', 200_000, 128_000],
  ['claude-sonnet-4-5-20250929', 200_000, 64_000],
  ['claude-sonnet-4-0', 200_000, 64_000],
  ['claude-haiku-4-5-20251001', 200_000, 64_000],
  ['claude-3-7-sonnet-latest', 200_000, 64_000],
  ['claude-3-5-sonnet-20241022', 200_000, 8_192],
  ['claude-3-5-haiku-latest', 200_000, 8_192],
  ['claude-3-opus-20240229', 200_000, 4_096],
  ['claude-3-haiku-20240307', 200_000, 4_096],
];

describe('documented cloud model limits', () => {
  for (const [model, input, output] of DOCUMENTED) {
    it(`${model}: ${input.toLocaleString('en-US')} in, ${output.toLocaleString('en-US')} out`, () => {
      assert.deepEqual(cloudLimits(model), { maxInputTokens: input, maxOutputTokens: output, documented: true });
    });
  }
});
