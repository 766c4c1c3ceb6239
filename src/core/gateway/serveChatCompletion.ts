import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Clock } from '../../common/Clock';
import type { ToolCall } from '../llm/tools/ToolTypes';
import type { TokenUsage } from '../llm/types';
import type { AgentAsk, AgentPart } from '../routing/AgentResponder';
import type { GatewayChatRequest } from './fromOpenAIChat';
import { toGatewayError } from './GatewayError';

/** What answers a chat completion: the AgentResponder (an agent's path with tools, @jarvis's without). */
export interface ChatAgent {
  respond(ask: AgentAsk): AsyncIterable<AgentPart>;
}

interface Outcome {
  model?: string;
  usage?: TokenUsage;
  truncated: boolean;
}

/**
 * Runs one chat completion through the agent responder — the routing @jarvis and Jarvis Auto use, with
 * the privacy guard, budget, cache (for requests without tools), breakers and ledger — and answers in OpenAI's wire format: one
 * `chat.completion`, or `chat.completion.chunk` server-sent events ending in `[DONE]`. A failure before
 * the first token is an HTTP error in OpenAI's shape; after it, an `error` event ends the stream.
 */
export async function serveChatCompletion(res: ServerResponse, chat: GatewayChatRequest, agent: ChatAgent, clock: Clock, signal: AbortSignal): Promise<void> {
  const outcome: Outcome = { truncated: false };
  const parts = agent.respond({
    messages: chat.messages,
    tools: chat.tools,
    toolMode: chat.toolMode,
    // Without tools, exactly @jarvis's path (the response cache included); with tools, an agent's step.
    asChat: true,
    ...(chat.target ? { model: chat.target } : {}),
    signal,
    observe: {
      model: (m) => (outcome.model = `${m.provider}/${m.model}`),
      done: (d) => {
        outcome.usage = d.usage;
        outcome.truncated = d.truncated;
      },
    },
  });
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(clock.now() / 1000);
  if (!chat.stream) return answerWhole(res, parts, outcome, { id, created, requested: chat.requestedModel });
  return answerStream(res, parts, outcome, { id, created, requested: chat.requestedModel, includeUsage: chat.includeUsage });
}

async function answerWhole(
  res: ServerResponse,
  parts: AsyncIterable<AgentPart>,
  outcome: Outcome,
  meta: { id: string; created: number; requested: string },
): Promise<void> {
  let text = '';
  const calls: ToolCall[] = [];
  for await (const p of parts) {
    if (p.type === 'text') text += p.text;
    else calls.push(p.call);
  }
  const body = {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: outcome.model ?? meta.requested,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: calls.length > 0 && text === '' ? null : text,
          refusal: null,
          ...(calls.length > 0 ? { tool_calls: calls.map(wireCall) } : {}),
        },
        logprobs: null,
        finish_reason: finishReason(calls.length, outcome.truncated),
      },
    ],
    usage: wireUsage(outcome.usage),
  };
  const json = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), ...modelHeader(outcome) });
  res.end(json);
}

async function answerStream(
  res: ServerResponse,
  parts: AsyncIterable<AgentPart>,
  outcome: Outcome,
  meta: { id: string; created: number; requested: string; includeUsage: boolean },
): Promise<void> {
  let started = false;
  let calls = 0;
  const send = (delta: object, finish: string | null = null) =>
    res.write(
      `data: ${JSON.stringify({ id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: outcome.model ?? meta.requested, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`,
    );
  const start = () => {
    if (started) return;
    started = true;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...modelHeader(outcome) });
    send({ role: 'assistant', content: '' });
  };
  try {
    for await (const p of parts) {
      start();
      if (p.type === 'text') send({ content: p.text });
      else send({ tool_calls: [{ index: calls++, ...wireCall(p.call) }] });
    }
  } catch (e) {
    // Nothing sent yet: the caller answers with a proper HTTP error status.
    if (!started) throw e;
    res.end(`data: ${JSON.stringify(toGatewayError(e).body())}\n\n`);
    return;
  }
  start();
  send({}, finishReason(calls, outcome.truncated));
  if (meta.includeUsage) {
    res.write(
      `data: ${JSON.stringify({ id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: outcome.model ?? meta.requested, choices: [], usage: wireUsage(outcome.usage) })}\n\n`,
    );
  }
  res.end('data: [DONE]\n\n');
}

function wireCall(c: ToolCall) {
  return { id: c.id, type: 'function' as const, function: { name: c.name, arguments: JSON.stringify(c.input) } };
}

function wireUsage(u: TokenUsage | undefined) {
  const prompt = u?.inputTokens ?? 0;
  const completion = u?.outputTokens ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function finishReason(calls: number, truncated: boolean): string {
  return calls > 0 ? 'tool_calls' : truncated ? 'length' : 'stop';
}

/** Which model answered, also as a header (the body's `model` carries it too). */
function modelHeader(outcome: Outcome): Record<string, string> {
  return outcome.model ? { 'x-jarvis-model': outcome.model } : {};
}
