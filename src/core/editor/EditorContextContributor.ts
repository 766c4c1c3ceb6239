import type { Clock } from '../../common/Clock';
import type { ChatChunk, ChatEngineRequest } from '../chat/ChatChunk';
import type { ContextContribution, ContextContributor } from '../chat/ChatPipeline';

export interface EditorContext {
  /** Language, file, enclosing symbol, imports. */
  system: string;
  /** The code as a fenced block: added only when the request carries no attachment (the Jarvis chat view). */
  code?: string;
  references?: Extract<ChatChunk, { type: 'reference' }>[];
  notices?: Extract<ChatChunk, { type: 'notice' }>[];
}

interface Pending {
  prompt: string;
  context: EditorContext;
  until: number;
}

/** A request not sent within this time is forgotten: its context would be out of date. */
const TTL_MS = 2 * 60_000;
/** Old entries beyond this are dropped (the user clicked Explain many times without sending). */
const MAX_PENDING = 10;

/**
 * Carries an editor command's context (language, enclosing symbol, imports, and for the Jarvis chat
 * view the code itself) into the chat request it opens. Explain/Review/Ask go through the chat UI,
 * whose query is plain text; this contributor recognises that query and adds the rest once.
 */
export class EditorContextContributor implements ContextContributor {
  readonly name = 'Editor context';
  private pending: Pending[] = [];

  constructor(private readonly clock: Clock) {}

  /** The next request with exactly this prompt gets `contribution` (once, within two minutes). */
  expect(prompt: string, contribution: EditorContext): void {
    const now = this.clock.now();
    this.pending = this.pending.filter((p) => p.until >= now && p.prompt !== prompt.trim());
    this.pending.push({ prompt: prompt.trim(), context: contribution, until: now + TTL_MS });
    if (this.pending.length > MAX_PENDING) this.pending.shift();
  }

  async contribute(request: ChatEngineRequest): Promise<ContextContribution> {
    const now = this.clock.now();
    const prompt = request.prompt.trim();
    const i = this.pending.findIndex((p) => p.prompt === prompt && p.until >= now);
    if (i < 0) return {};
    const [{ context: c }] = this.pending.splice(i, 1);
    const attached = (request.attachments ?? []).length > 0;
    return {
      system: c.code && !attached ? `${c.system}\n\nThe code the user asks about:\n${c.code}` : c.system,
      ...(c.references ? { references: c.references } : {}),
      ...(c.notices ? { notices: c.notices } : {}),
    };
  }
}
