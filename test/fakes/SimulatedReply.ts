/**
 * Scripted model behaviour for the HTTP fakes (used by the workload benchmark): instead of the
 * fakes' marker-driven replies, a `behaviour` callback decides, per request, what the model answers,
 * how fast (time to first token, tokens per second) and whether it fails (HTTP status with
 * Retry-After, a stall, a reset). Fakes without a behaviour work exactly as before.
 */

/** One chat request as the fake received it. */
export interface SimulatedTurn {
  provider: 'openai' | 'anthropic' | 'ollama';
  model: string;
  /** Messages in the provider's order; system text first when the wire format has it separately. */
  messages: { role: string; content: string }[];
}

export type SimulatedFault =
  /** Answer with this HTTP status (the provider's own error body); `retryAfterSeconds` sets Retry-After. */
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  /** Accept the request and never send headers (the client's deadline or abort ends it). */
  | { kind: 'stall-before-headers' }
  /** Stream `afterPieces` text pieces, then stop sending and keep the connection open. */
  | { kind: 'stall'; afterPieces: number }
  /** Stream `afterPieces` text pieces, then destroy the socket. */
  | { kind: 'reset'; afterPieces: number };

export interface SimulatedReply {
  /** The whole answer; streamed in word pieces. */
  text: string;
  /** From the request's arrival to the first text piece (queueing excluded; see the Ollama fake's `parallel`). */
  ttftMs: number;
  /** Output speed after the first token. */
  tokensPerSecond: number;
  /** Reported in the usage fields (what the real API bills). */
  promptTokens: number;
  completionTokens: number;
  fault?: SimulatedFault;
  /**
   * Words per streamed piece. @default 1. Real APIs send about a token per event; a benchmark that
   * compresses time may send several, so the client's per-event work is not stretched with it.
   */
  wordsPerPiece?: number;
}

/** Returns undefined to let the fake answer as it normally would. */
export type SimulatedBehaviour = (turn: SimulatedTurn) => SimulatedReply | undefined;

/** Pieces of `wordsPerPiece` words that join back to the exact text (spaces kept on the following piece). */
export function splitPieces(text: string, wordsPerPiece = 1): string[] {
  const words = text.match(/\s*\S+/g) ?? [text];
  if (wordsPerPiece <= 1) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerPiece) out.push(words.slice(i, i + wordsPerPiece).join(''));
  return out;
}

/**
 * When each piece is due, in ms after the request arrived: the first at `ttftMs`, the rest spread
 * evenly over completionTokens / tokensPerSecond. Absolute offsets (not per-piece sleeps) so timer
 * overshoot never accumulates over a long answer.
 */
export function pieceOffsets(reply: Pick<SimulatedReply, 'ttftMs' | 'tokensPerSecond' | 'completionTokens'>, pieces: number): number[] {
  if (pieces <= 0) return [];
  const generationMs = reply.tokensPerSecond > 0 ? (reply.completionTokens / reply.tokensPerSecond) * 1000 : 0;
  const step = pieces > 1 ? generationMs / (pieces - 1) : 0;
  return Array.from({ length: pieces }, (_, i) => reply.ttftMs + i * step);
}

/**
 * Plays `count` pieces on schedule: waits until each piece's offset from `startedAt`
 * (performance.now() time) and hands every piece that is due to `write`. Stops early (returning the
 * number written) when `stopAfter` pieces went out or `gone()` turns true.
 */
export async function playOnSchedule(
  offsets: number[],
  startedAt: number,
  write: (index: number) => void,
  gone: () => boolean,
  stopAfter = Infinity,
): Promise<number> {
  let i = 0;
  while (i < offsets.length && i < stopAfter) {
    const wait = startedAt + offsets[i] - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (gone()) return i;
    // Everything due by now goes out together, as a real server flushes its buffer.
    const now = performance.now();
    while (i < offsets.length && i < stopAfter && startedAt + offsets[i] <= now) write(i++);
  }
  return i;
}
