/**
 * The fake Ollama's streamed chat answers, as NDJSON lines the way Ollama writes them: a plan's
 * chunks, a model's tool calls, and a SimulatedBehaviour's timed reply. Each calls `onAbort` when the
 * client disconnects before the final line (the server counts those for tests that cancel).
 */
import type * as http from 'node:http';
import type { ToolPlan } from './fakeToolPlan';
import type { ChatPlan } from './ollamaChatPlan';
import { pause, sendJson } from './ollamaWire';
import { pieceOffsets, playOnSchedule, type SimulatedReply, splitPieces } from './SimulatedReply';

/** Sends the NDJSON headers; the returned check says whether the client left before the end (then `onAbort` ran). */
function openNdjson(res: http.ServerResponse, onAbort: () => void): () => boolean {
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  let gone = false;
  res.on('close', () => {
    if (res.writableFinished) return;
    gone = true;
    onAbort();
  });
  return () => gone;
}

/** Streams a plan's chunks, then `final` (the done line), or the plan's error/garbage ending. */
export async function streamPlan(model: string, plan: ChatPlan, final: object, res: http.ServerResponse, onAbort: () => void): Promise<void> {
  const gone = openNdjson(res, onAbort);
  const line = (o: unknown) => res.write(`${JSON.stringify(o)}\n`);
  for (const [i, text] of plan.chunks.entries()) {
    if (gone()) return;
    if (i > 0 && plan.delayMs > 0) await pause(plan.delayMs, res);
    if (gone()) return;
    line({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content: text }, done: false });
  }
  if (plan.ending === 'error') {
    line({ error: 'boom' });
    return void res.end();
  }
  if (plan.ending === 'garbage') res.write('this is not json\n');
  line({ ...final, message: { role: 'assistant', content: '' } });
  res.end();
}

/** Ollama sends a model's calls whole, in one line with empty content, then the final line. */
export async function streamToolCalls(model: string, plan: Extract<ToolPlan, { kind: 'calls' }>, res: http.ServerResponse, onAbort: () => void): Promise<void> {
  const gone = openNdjson(res, onAbort);
  if (plan.slow) {
    // A model "thinking" before it writes the call: an empty line now, the call 20 s later.
    res.write(`${JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content: '' }, done: false })}\n`);
    for (let i = 0; i < 400 && !gone(); i++) await pause(50, res);
    if (gone()) return;
  }
  const calls = plan.calls.map((c) => {
    let args: unknown;
    try {
      args = JSON.parse(c.argumentsText);
    } catch {
      args = c.argumentsText; // what a compatible server passes on when the model wrote bad JSON
    }
    return { function: { name: c.name, arguments: args } };
  });
  const line = JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content: '', tool_calls: calls }, done: false });
  if (plan.cut) return void res.end(line.slice(0, Math.floor(line.length / 2)));
  res.write(`${line}\n`);
  const final = {
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content: '' },
    done: true,
    done_reason: 'stop',
    total_duration: 6_000_000,
    load_duration: 1_000_000,
    prompt_eval_count: 10,
    prompt_eval_duration: 2_000_000,
    eval_count: 5,
    eval_duration: 3_000_000,
  };
  res.end(`${JSON.stringify(final)}\n`);
}

/** Streams a behaviour's reply as NDJSON on its schedule (time counted from the slot being free). */
export async function streamSimulated(model: string, sim: SimulatedReply, res: http.ServerResponse, onAbort: () => void): Promise<void> {
  const startedAt = performance.now();
  const fault = sim.fault;
  if (fault?.kind === 'status') {
    await pause(sim.ttftMs, res);
    if (!res.destroyed) sendJson(res, fault.status, { error: `simulated failure (${fault.status})` });
    return;
  }
  let finish: () => void = () => {};
  const closed = new Promise<void>((resolve) => (finish = resolve));
  res.on('close', () => {
    if (!res.writableFinished) onAbort();
    finish();
  });
  // A stalled model holds its slot until the client gives up, as a hung runner does.
  if (fault?.kind === 'stall-before-headers') return closed;
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  const pieces = splitPieces(sim.text, sim.wordsPerPiece);
  const line = (o: unknown) => res.write(`${JSON.stringify(o)}\n`);
  const stopAfter = fault ? fault.afterPieces : Infinity;
  const written = await playOnSchedule(
    pieceOffsets(sim, pieces.length),
    startedAt,
    (i) => line({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content: pieces[i] }, done: false }),
    () => res.destroyed,
    stopAfter,
  );
  if (res.destroyed) return;
  if (fault && written >= stopAfter) {
    if (fault.kind === 'reset') res.socket?.destroy();
    return closed;
  }
  const genNs = Math.round((sim.completionTokens / Math.max(sim.tokensPerSecond, 1e-9)) * 1e9);
  line({
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content: '' },
    done: true,
    done_reason: 'stop',
    total_duration: Math.round(sim.ttftMs * 1e6) + genNs,
    load_duration: 0,
    prompt_eval_count: sim.promptTokens,
    prompt_eval_duration: Math.round(sim.ttftMs * 1e6),
    eval_count: sim.completionTokens,
    eval_duration: genNs,
  });
  res.end();
}
