import { type Clock, systemClock } from '../../../common/Clock';
import { JarvisError } from '../../../common/errors';
import type { ChatChunk, ChatEngineRequest } from '../../chat/ChatChunk';
import type { SlashCommand } from '../../chat/ChatPipeline';
import type { JarvisSettings } from '../../config/settings';
import { ContextRetriever, type RetrievedMemory } from '../retrieval/ContextRetriever';
import { formatAge, MEMORY_TYPE_LABELS, memorySnippet, memoryTitle } from '../retrieval/describeMemory';
import { parseMemoryText } from '../retrieval/inferMemoryType';
import type { MemoryFilter, MemorySearchResult, SearchOptions } from '../store/MemoryQuery';
import type { MemoryMetadata, MemoryRecord, NewMemory } from '../store/MemoryRecord';
import { commandIds } from '../../commandIds';

/** The VS Code command behind /forget's button: asks for confirmation, then deletes the ids it is given. */
export const FORGET_COMMAND = commandIds.memoryForget;

/** What the commands need from the store (VectorMemoryStore satisfies it). */
export interface CommandMemoryStore {
  store(memory: NewMemory, signal?: AbortSignal): Promise<MemoryRecord>;
  search(query: string, options?: SearchOptions): Promise<MemorySearchResult[]>;
  list(filter?: MemoryFilter & { limit?: number }): MemoryRecord[];
}

export interface MemoryCommandsOptions {
  memory: { store(): Promise<CommandMemoryStore> };
  settings: () => JarvisSettings;
  clock?: Clock;
  /** Project and user to file new memories under (from the current session), when known. */
  scope?: () => Pick<MemoryMetadata, 'project' | 'user'>;
  /** Told about each memory /remember stored (e.g. to teach a stated preference to the learner). */
  onRemembered?: (record: MemoryRecord) => void | Promise<void>;
}

/** Minimum fused score for /forget to offer a memory: deleting needs closer matches than recall. */
const FORGET_MIN_SCORE = 0.35;
const FORGET_LIMIT = 10;

type Reference = Extract<ChatChunk, { type: 'reference' }>;

/** `/remember`, `/recall`, `/decisions` and `/forget`, answered by Jarvis itself in both chat front ends. */
export function createMemoryCommands(options: MemoryCommandsOptions): SlashCommand[] {
  const clock = options.clock ?? systemClock;
  const ref = (r: MemoryRecord, detail?: string): Reference => ({ type: 'reference', title: memoryTitle(r, clock.now(), 60), ...(detail ? { detail } : {}) });
  const retriever = async (decayHours = options.settings().memory.decayHours) => new ContextRetriever(await options.memory.store(), { clock, decayHours });

  const remember: SlashCommand = {
    name: 'remember',
    description: 'Remember a decision, preference or fact for this workspace',
    async *run(args: string, request: ChatEngineRequest) {
      const parsed = parseMemoryText(args);
      const store = await options.memory.store();
      const scope = options.scope?.() ?? {};
      const record = await store.store({ text: parsed.text, type: parsed.type, metadata: { ...definedOnly(scope) } }, request.signal);
      await options.onRemembered?.(record);
      const how = parsed.explicit ? '' : ` I guessed the type; to choose it, start with a type and a colon, e.g. \`/remember decision: …\`.`;
      yield {
        type: 'markdown',
        text: `Remembered as ${article(parsed.type)} **${MEMORY_TYPE_LABELS[parsed.type]}**: ${memorySnippet(record.text, 200)}${how}`,
      };
      yield ref(record);
    },
  };

  const recall: SlashCommand = {
    name: 'recall',
    description: 'Search what Jarvis remembers',
    async *run(args: string, request: ChatEngineRequest) {
      const query = required(args, 'Tell me what to look for, e.g. `/recall database choice`.');
      const found = await (await retriever()).retrieveContext(query, {}, options.settings().memory.maxResults, request.signal);
      if (found.length === 0) {
        yield { type: 'markdown', text: `I don't remember anything about “${query}”. Save something with \`/remember …\`.` };
        return;
      }
      yield { type: 'markdown', text: `${count(found.length, 'memory', 'memories')} about “${query}”:\n\n${list(found, clock.now())}` };
      for (const f of found) yield ref(f.record, `relevance ${f.relevance.toFixed(2)}`);
    },
  };

  const decisions: SlashCommand = {
    name: 'decisions',
    description: 'List decisions about a topic',
    async *run(args: string, request: ChatEngineRequest) {
      const topic = args.trim();
      const s = options.settings().memory;
      let records: MemoryRecord[];
      if (topic === '') {
        records = (await options.memory.store()).list({ type: 'decision', limit: 10 });
      } else {
        // Decisions stay valid long after they were made: look back over the whole retention period,
        // and let age only order them (a decay as slow as retention), not hide them.
        const horizon = s.retentionDays * 24;
        const found = await (await retriever(Math.max(s.decayHours, horizon))).findRelatedDecisions(topic, horizon, request.signal);
        records = found.map((f) => f.record);
      }
      if (records.length === 0) {
        const about = topic ? ` about “${topic}”` : '';
        yield { type: 'markdown', text: `No decisions recorded${about}. Record one with \`/remember decision: …\`.` };
        return;
      }
      const title = topic ? `Decisions about “${topic}”` : 'Latest decisions';
      yield {
        type: 'markdown',
        text: `${title}:\n\n${records.map((r, i) => `${i + 1}. ${memorySnippet(r.text, 300)} *(${formatAge(clock.now() - r.metadata.createdAt)})*`).join('\n')}`,
      };
      for (const r of records) yield ref(r);
    },
  };

  const forget: SlashCommand = {
    name: 'forget',
    description: 'Forget memories matching a query (asks first)',
    async *run(args: string, request: ChatEngineRequest) {
      const query = required(args, 'Tell me what to forget, e.g. `/forget old staging server`. I will list the matches and ask before deleting.');
      const store = await options.memory.store();
      const hits = (await store.search(query, { limit: FORGET_LIMIT, signal: request.signal })).filter((h) => h.score >= FORGET_MIN_SCORE);
      if (hits.length === 0) {
        yield { type: 'markdown', text: `No memories match “${query}”; nothing to forget.` };
        return;
      }
      const lines = hits.map(
        (h, i) =>
          `${i + 1}. **${MEMORY_TYPE_LABELS[h.record.type]}** · ${memorySnippet(h.record.text, 200)} *(${formatAge(clock.now() - h.record.metadata.createdAt)})*`,
      );
      yield {
        type: 'markdown',
        text: `${count(hits.length, 'memory matches', 'memories match')} “${query}”:\n\n${lines.join('\n')}\n\nNothing is deleted until you confirm. You can also delete single memories in the Memory view.`,
      };
      yield {
        type: 'notice',
        level: 'info',
        message: `Forget ${hits.length === 1 ? 'this memory' : `these ${hits.length} memories`}?`,
        actions: [{ title: `Forget ${count(hits.length, 'memory', 'memories')}…`, command: FORGET_COMMAND, args: hits.map((h) => h.record.id) }],
      };
    },
  };

  return [remember, recall, decisions, forget];
}

function required(args: string, hint: string): string {
  const v = args.trim();
  if (v === '') throw new JarvisError('invalid-input', hint);
  return v;
}

function list(found: RetrievedMemory[], now: number): string {
  return found
    .map(
      (f, i) => `${i + 1}. **${MEMORY_TYPE_LABELS[f.record.type]}** · ${memorySnippet(f.record.text, 300)} *(${formatAge(now - f.record.metadata.createdAt)})*`,
    )
    .join('\n');
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function article(type: string): string {
  return /^[aeio]/.test(type) ? 'an' : 'a';
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
