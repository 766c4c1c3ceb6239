import type { Clock } from '../../common/Clock';
import type { ChatChunk, ChatEngineRequest } from '../chat/ChatChunk';
import type { ContextContribution, ContextContributor, LineSpanOfFile } from '../chat/ChatPipeline';

export interface EditorContext {
  /** Language, file, enclosing symbol, imports. */
  system: string;
  /** The code as a fenced block: added only when the request carries no attachment (the Jarvis chat view). */
  code?: string;
  references?: Extract<ChatChunk, { type: 'reference' }>[];
  notices?: Extract<ChatChunk, { type: 'notice' }>[];
  /** The file and lines `code` holds, for the egress ledger when the code is added. */
  files?: LineSpanOfFile[];
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
/** Generated prompts are recognised this long (an answer, and the learning after it, take a while). */
const GENERATED_TTL_MS = 15 * 60_000;
const MAX_GENERATED = 50;

/**
 * Carries an editor command's context (language, enclosing symbol, imports, and for the Jarvis chat
 * view the code itself) into the chat request it opens. Explain/Review/Ask go through the chat UI,
 * whose query is plain text; this contributor recognises that query and adds the rest once.
 */
export class EditorContextContributor implements ContextContributor {
  readonly name = 'Editor context';
  private pending: Pending[] = [];
  /** Prompts editor commands wrote recently (most recent last), whatever path they took. */
  private generated: { prompt: string; until: number }[] = [];

  constructor(private readonly clock: Clock) {}

  /** The next request with exactly this prompt gets `contribution` (once, within two minutes). */
  expect(prompt: string, contribution: EditorContext): void {
    this.markGenerated(prompt);
    const now = this.clock.now();
    this.pending = this.pending.filter((p) => p.until >= now && p.prompt !== prompt.trim());
    this.pending.push({ prompt: prompt.trim(), context: contribution, until: now + TTL_MS });
    if (this.pending.length > MAX_PENDING) this.pending.shift();
  }

  /** Notes that Jarvis wrote `prompt` (an edit command's instruction), for isGenerated. */
  markGenerated(prompt: string): void {
    const now = this.clock.now();
    this.generated = [
      ...this.generated.filter((g) => g.until >= now && g.prompt !== prompt.trim()),
      { prompt: prompt.trim(), until: now + GENERATED_TTL_MS },
    ].slice(-MAX_GENERATED);
  }

  /** Whether an editor command wrote this prompt recently (so preference learning skips it). */
  isGenerated(prompt: string): boolean {
    const now = this.clock.now();
    return this.generated.some((g) => g.prompt === prompt.trim() && g.until >= now);
  }

  async contribute(request: ChatEngineRequest): Promise<ContextContribution> {
    const now = this.clock.now();
    const prompt = request.prompt.trim();
    const i = this.pending.findIndex((p) => p.prompt === prompt && p.until >= now);
    if (i < 0) return {};
    const [{ context: c }] = this.pending.splice(i, 1);
    const attached = (request.attachments ?? []).length > 0;
    const withCode = c.code !== undefined && !attached;
    return {
      system: withCode ? `${c.system}\n\nThe code the user asks about:\n${c.code}` : c.system,
      ...(withCode && c.files ? { files: c.files } : {}),
      ...(c.references ? { references: c.references } : {}),
      ...(c.notices ? { notices: c.notices } : {}),
    };
  }
}
