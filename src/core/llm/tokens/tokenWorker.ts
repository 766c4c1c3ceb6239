// Entry of the tokenizer worker thread (dist/tokenWorker.js): loads gpt-tokenizer's tables and counts
// off the extension host's event loop, which every extension shares.
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../../../common/errors';
import { loadEncoder, type Encoder, type Encoding } from './loadEncoder';

/** A request to the worker: count `text` (omitted: only load the table). */
export interface TokenWorkerRequest {
  id: number;
  encoding: Encoding;
  text?: string;
}

export type TokenWorkerReply = { id: number; count: number } | { id: number; error: string };

const encoders = new Map<Encoding, Promise<Encoder>>();

parentPort?.on('message', (request: TokenWorkerRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply));
});

async function answer({ id, encoding, text }: TokenWorkerRequest): Promise<TokenWorkerReply> {
  try {
    let encoder = encoders.get(encoding);
    if (!encoder) encoders.set(encoding, (encoder = loadEncoder(encoding)));
    return { id, count: text === undefined ? 0 : (await encoder).countTokens(text) };
  } catch (e) {
    return { id, error: errorMessage(e) };
  }
}
