import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { playOnSchedule, pieceOffsets, type SimulatedBehaviour, type SimulatedReply, type SimulatedTurn } from './SimulatedReply';
import { openEventStream, readBody, sendJson, type SseFrame, writeSse } from './sse';
import type { FakeListedModel, ModelListFault } from './fakeModelLists';

/** Scripted misbehaviour, set at start or with `configure()`. Stream faults persist until changed. */
export interface FakeFaults {
  /** Fail the next N API requests (after the auth check) with `failStatus`. @default 0 */
  failNext: number;
  /** @default 500 */
  failStatus: number;
  /** `retry-after` header value sent with the failures. */
  retryAfter?: string;
  /** `retry-after-ms` header value sent with the failures. */
  retryAfterMs?: string;
  /** Replaces the provider's standard error body for the failures. */
  failBody?: unknown;
  /** Accept the request and never answer (no headers) until the client gives up. */
  stallBeforeHeaders: boolean;
  /** Stream faults fire after this many text chunks. @default 1 */
  faultAfterChunks: number;
  /** Stop sending mid-stream and keep the connection open. */
  stallMidStream: boolean;
  /** Destroy the socket mid-stream. */
  resetMidStream: boolean;
  /** Send an event whose data is not valid JSON, then end. */
  malformedChunk: boolean;
  /** End the response mid-stream without the closing events. */
  truncate: boolean;
  /** Send the provider's in-stream error event, then end. */
  errorEvent?: { type: string; message: string };
  /** Delay before each streamed event. @default 0 */
  chunkDelayMs: number;
  /**
   * Holds a stream fault until this settles: a test releases it once the client has shown text, so the
   * fault lands after the first token however the machine schedules the two processes' reads.
   */
  faultGate?: Promise<unknown>;
}

export interface FakeServerOptions extends Partial<FakeFaults> {
  /** The key the fake accepts. @default 'test-key-0123456789' */
  apiKey?: string;
  /** Models the fake serves; others get the provider's 404. */
  models?: string[];
  /** Echo the full received key in 401 bodies, as a careless proxy might (to test redaction). */
  echoKeyInErrors?: boolean;
  /** Scripted answers, pacing and faults per request (see SimulatedReply); markers still work without it. */
  behaviour?: SimulatedBehaviour;
  /** What `GET /v1/models` lists. @default `models` (a provider may list models it no longer serves, or not list one it does) */
  listedModels?: FakeListedModel[];
  /** Misbehaviour of `GET /v1/models` only. */
  listFault?: ModelListFault;
}

type Configurable = Partial<FakeFaults> & Pick<FakeServerOptions, 'apiKey' | 'models' | 'echoKeyInErrors' | 'behaviour' | 'listedModels' | 'listFault'>;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
  /** The client closed the connection before the fake finished its answer. */
  closedEarly: boolean;
}

/** The reply the fake streams, driven by markers in the last user message. */
export interface FakeReply {
  pieces: string[];
  delayMs: number;
  /** `error`: an in-stream error event after the text; `garbage`: a malformed event after it. */
  ending: 'done' | 'error' | 'garbage';
}

type StreamFault = 'stall' | 'reset' | 'malformed' | 'error' | 'truncate';

const DEFAULT_FAULTS: FakeFaults = {
  failNext: 0,
  failStatus: 500,
  stallBeforeHeaders: false,
  faultAfterChunks: 1,
  stallMidStream: false,
  resetMidStream: false,
  malformedChunk: false,
  truncate: false,
  chunkDelayMs: 0,
};

/**
 * Shared machinery of the OpenAI and Anthropic fakes: a real node:http server on 127.0.0.1,
 * request log, scripted faults and SSE playback. Subclasses speak the wire format.
 */
export abstract class FakeCloudServer {
  readonly requests: RecordedRequest[] = [];
  protected faults: FakeFaults;
  protected apiKey: string;
  protected models: string[];
  protected echoKeyInErrors: boolean;
  protected behaviour: SimulatedBehaviour | undefined;
  protected listedModels: FakeListedModel[] | undefined;
  protected listFault: ModelListFault | undefined;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly disconnectWaiters: ((r: RecordedRequest) => void)[] = [];
  private readonly requestWaiters: ((r: RecordedRequest) => void)[] = [];
  private port = 0;

  protected constructor(options: FakeServerOptions, defaultModels: string[]) {
    const { apiKey, models, echoKeyInErrors, behaviour, listedModels, listFault, ...faults } = options;
    this.faults = { ...DEFAULT_FAULTS, ...faults };
    this.listedModels = listedModels;
    this.listFault = listFault;
    this.behaviour = behaviour;
    this.apiKey = apiKey ?? 'test-key-0123456789';
    this.models = models ?? defaultModels;
    this.echoKeyInErrors = echoKeyInErrors ?? false;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  protected async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** http://127.0.0.1:<port> */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The base URL to give the SDK. */
  abstract get url(): string;

  configure(partial: Configurable): void {
    const { apiKey, models, echoKeyInErrors, behaviour, listedModels, listFault, ...faults } = partial;
    if ('behaviour' in partial) this.behaviour = behaviour;
    if ('listedModels' in partial) this.listedModels = listedModels;
    if ('listFault' in partial) this.listFault = listFault;
    if (apiKey !== undefined) this.apiKey = apiKey;
    if (models !== undefined) this.models = models;
    if (echoKeyInErrors !== undefined) this.echoKeyInErrors = echoKeyInErrors;
    this.faults = { ...this.faults, ...faults };
  }

  /** Resolves when a client next closes a connection before the answer was finished. */
  waitForDisconnect(): Promise<RecordedRequest> {
    return new Promise((resolve) => this.disconnectWaiters.push(resolve));
  }

  /** Resolves when the next request arrives (before its body is read). */
  waitForRequest(): Promise<RecordedRequest> {
    return new Promise((resolve) => this.requestWaiters.push(resolve));
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Returns false (after answering 401) when the request's credentials are wrong. */
  protected abstract authorize(req: IncomingMessage, res: ServerResponse): boolean;
  /** Handles an authorised request that no fault intercepted. */
  protected abstract route(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void>;
  /** The provider's error body for an HTTP status. */
  protected abstract errorBody(status: number, message: string): unknown;
  /** The error type the provider uses for a server fault inside a stream. */
  protected abstract readonly streamErrorType: string;
  /** The provider's in-stream error event. */
  protected abstract errorFrame(type: string, message: string): SseFrame;

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0],
      headers: req.headers,
      body: undefined,
      closedEarly: false,
    };
    // Recorded and watched before the body is read, so an early disconnect is seen too.
    this.requests.push(record);
    res.on('close', () => {
      if (res.writableEnded || (res as { serverReset?: boolean }).serverReset) return;
      record.closedEarly = true;
      for (const w of this.disconnectWaiters.splice(0)) w(record);
    });
    for (const w of this.requestWaiters.splice(0)) w(record);
    let raw: string;
    try {
      raw = await readBody(req);
    } catch {
      return; // the client went away while sending; the close handler above recorded it
    }
    try {
      record.body = raw ? JSON.parse(raw) : undefined;
    } catch {
      record.body = raw; // kept as text: the route answers 400 like the real API
    }

    if (!this.authorize(req, res)) return;
    if (this.faults.failNext > 0) {
      this.faults.failNext--;
      const headers: Record<string, string> = {};
      if (this.faults.retryAfter !== undefined) headers['retry-after'] = this.faults.retryAfter;
      if (this.faults.retryAfterMs !== undefined) headers['retry-after-ms'] = this.faults.retryAfterMs;
      const status = this.faults.failStatus;
      sendJson(res, status, this.faults.failBody ?? this.errorBody(status, `Scripted failure (${status}).`), headers);
      return;
    }
    if (this.faults.stallBeforeHeaders) return; // the client's timeout or abort ends it
    try {
      await this.route(req, res, record);
    } catch (e) {
      if (!res.headersSent) sendJson(res, 500, this.errorBody(500, `Fake server bug: ${String(e)}`));
      else res.destroy();
    }
  }

  /**
   * Streams `frames`, applying the scripted stream faults after `faultAfterChunks` frames marked
   * as text, or the reply's own ending (`[[error]]`, `[[garbage]]`) after its last text frame.
   * Stops quietly when the client goes away.
   */
  protected async playStream(
    res: ServerResponse,
    frames: { frame: SseFrame; text?: boolean }[],
    reply: Pick<FakeReply, 'delayMs' | 'ending'>,
    headers: Record<string, string> = {},
  ): Promise<void> {
    openEventStream(res, headers);
    const f = this.faults;
    const totalTexts = frames.filter((x) => x.text).length;
    let fault: StreamFault | undefined;
    let faultAt = f.faultAfterChunks;
    if (f.stallMidStream) fault = 'stall';
    else if (f.resetMidStream) fault = 'reset';
    else if (f.malformedChunk) fault = 'malformed';
    else if (f.errorEvent) fault = 'error';
    else if (f.truncate) fault = 'truncate';
    else if (reply.ending !== 'done') {
      fault = reply.ending === 'garbage' ? 'malformed' : 'error';
      faultAt = totalTexts;
    }
    let texts = 0;
    for (const { frame, text } of frames) {
      const delay = Math.max(reply.delayMs, f.chunkDelayMs);
      if (delay > 0) await this.delay(delay);
      if (res.destroyed || res.writableEnded) return;
      writeSse(res, frame);
      if (text) texts++;
      if (fault && text && texts === faultAt) {
        if (f.faultGate) await f.faultGate;
        if (res.destroyed) return;
        this.applyStreamFault(res, fault, f.errorEvent ?? { type: this.streamErrorType, message: 'boom' });
        return;
      }
    }
    res.end();
  }

  /**
   * Answers with the behaviour's reply when one is set and returns true; false lets the subclass
   * answer as usual. `frames` builds the provider's events for the reply's text pieces; headers go
   * out at once, text pieces on the reply's schedule, an HTTP fault after `ttftMs`.
   */
  protected async simulate(
    res: ServerResponse,
    turn: SimulatedTurn,
    frames: (reply: SimulatedReply) => { frame: SseFrame; text?: boolean }[],
    headers: Record<string, string> = {},
  ): Promise<boolean> {
    const reply = this.behaviour?.(turn);
    if (!reply) return false;
    const startedAt = performance.now();
    const fault = reply.fault;
    if (fault?.kind === 'stall-before-headers') return true; // the client's deadline or abort ends it
    if (fault?.kind === 'status') {
      await this.delay(reply.ttftMs);
      if (res.destroyed) return true;
      const extra: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
      sendJson(res, fault.status, this.errorBody(fault.status, `Simulated failure (${fault.status}).`), extra);
      return true;
    }
    const all = frames(reply);
    const textAt = all.flatMap((f, i) => (f.text ? [i] : []));
    openEventStream(res, headers);
    const writeRange = (from: number, to: number) => {
      for (let i = from; i < to; i++) writeSse(res, all[i].frame);
    };
    writeRange(0, textAt[0] ?? all.length);
    const stopAfter = fault ? fault.afterPieces : Infinity;
    const gone = () => res.destroyed || res.writableEnded;
    const written = await playOnSchedule(
      pieceOffsets(reply, textAt.length),
      startedAt,
      (k) => writeRange(textAt[k], textAt[k + 1] ?? all.length),
      gone,
      stopAfter,
    );
    if (gone()) return true;
    if (fault && written >= stopAfter) {
      this.applyStreamFault(res, fault.kind, { type: this.streamErrorType, message: 'boom' });
      return true;
    }
    res.end();
    return true;
  }

  private applyStreamFault(res: ServerResponse, fault: StreamFault, error: { type: string; message: string }): void {
    switch (fault) {
      case 'stall':
        return; // left open: the client's abort or watchdog ends it
      case 'reset':
        (res as { serverReset?: boolean }).serverReset = true;
        res.socket?.destroy();
        return;
      case 'malformed':
        res.end('data: {"broken": \n\n');
        return;
      case 'error':
        writeSse(res, this.errorFrame(error.type, error.message));
        res.end();
        return;
      case 'truncate':
        res.end();
        return;
    }
  }

  protected delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }
}

/**
 * The fake's answer, steered (as in the Ollama fake) by markers in the last user message, so tests
 * in another process (VS Code, a browser) can script it: `[[slow]]` 400 pieces 50 ms apart,
 * `[[error]]` a partial answer then an error event, `[[garbage]]` a malformed event, `[[code]]` a
 * fenced code block, `[[history]]` `history:<number of messages received>`, `[[long]]` 300 more words.
 */
export function fakeReply(greeting: string, prompt: string, messageCount: number): FakeReply {
  const done = { delayMs: 0, ending: 'done' as const };
  if (prompt.includes('[[slow]]')) return { ...done, pieces: Array<string>(400).fill('tick '), delayMs: 50 };
  if (prompt.includes('[[error]]')) return { ...done, pieces: ['Partial ', 'answer '], ending: 'error' };
  if (prompt.includes('[[garbage]]')) return { ...done, pieces: ['Hello '], ending: 'garbage' };
  if (prompt.includes('[[history]]')) return { ...done, pieces: [`history:${messageCount}`] };
  let text = `${greeting} You said: ${prompt}`;
  if (prompt.includes('[[code]]')) text += '\n\n```ts\nexport const answer = 42;\n```\n';
  if (prompt.includes('[[long]]')) text += ' ' + Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
  // One piece per word, keeping the spaces, so pieces join back to the exact text.
  return { ...done, pieces: text.match(/\s*\S+/g) ?? [text] };
}

/** A stable stand-in for a tokenizer: one token per whitespace-separated word. */
export function countTokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
