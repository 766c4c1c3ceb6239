/** The two byte-pair encodings OpenAI's current and previous models use (gpt-tokenizer ships both). */
export type Encoding = 'o200k_base' | 'cl100k_base';

export type Encoder = { countTokens(text: string): number };

/**
 * gpt-tokenizer's table for `encoding`. Evaluating it parses a table of some 200,000 entries (seconds on
 * a busy machine) in one synchronous step, which is why the extension does it in a worker thread.
 */
export function loadEncoder(encoding: Encoding): Promise<Encoder> {
  return encoding === 'o200k_base' ? import('gpt-tokenizer/encoding/o200k_base') : import('gpt-tokenizer/encoding/cl100k_base');
}
