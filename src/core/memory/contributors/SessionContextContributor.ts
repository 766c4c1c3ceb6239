import { type Clock, systemClock } from '../../../common/Clock';
import type { IDisposable } from '../../../common/Disposable';
import { errorMessage, JarvisError } from '../../../common/errors';
import type { ChatEngineRequest } from '../../chat/ChatChunk';
import type { ContextContribution, ContextContributor } from '../../chat/ChatPipeline';
import { type Logger, nullLogger } from '../../ports';
import { systemTimer, type Timer, type TimerHandle } from '../../resilience/Timer';
import { approximateTokens } from '../retrieval/ContextRetriever';
import type { CurrentSession } from '../sessions/CurrentSession';
import { formatAge } from '../retrieval/describeMemory';
import type { Session } from '../sessions/SessionManager';

export interface SessionContextContributorOptions {
  current: CurrentSession;
  /** A session idle this long is ended and summarised. @default 24 hours (SessionManager's timeout) */
  idleMs?: number;
  /** Tokens the project/task block may take in the system prompt. @default 200 */
  budgetTokens?: number;
  /** Characters of a prompt or an answer kept in the session history. @default 2000 */
  maxEntryChars?: number;
  clock?: Clock;
  timer?: Timer;
  logger?: Logger;
}

const HEADER = 'Current work in this workspace (from the Jarvis session):';
const SUMMARY_QUESTIONS = 5;

/**
 * Sessions in the chat: the current project and task go into the system prompt, the first chat of
 * a session that carries on earlier work says where the user left off, every exchange is recorded
 * in the session history, and a session that ends (window closed, or idle past the timeout) is
 * summarised — SessionManager keeps that summary as a `meeting_summary` memory in trusted workspaces.
 */
export class SessionContextContributor implements ContextContributor, IDisposable {
  readonly name = 'Session';
  private readonly clock: Clock;
  private readonly timer: Timer;
  private readonly logger: Logger;
  private readonly idleMs: number;
  private readonly budgetTokens: number;
  private readonly maxEntryChars: number;
  private greeted: string | undefined;
  private idle: TimerHandle | undefined;
  private disposed = false;

  constructor(private readonly options: SessionContextContributorOptions) {
    if (typeof options?.current?.ensure !== 'function') {
      throw new JarvisError('invalid-input', 'SessionContextContributor needs the CurrentSession to work in.');
    }
    this.idleMs = positive(options.idleMs ?? 24 * 3_600_000, 'idleMs');
    this.budgetTokens = positive(options.budgetTokens ?? 200, 'budgetTokens');
    this.maxEntryChars = positive(options.maxEntryChars ?? 2000, 'maxEntryChars');
    this.clock = options.clock ?? systemClock;
    this.timer = options.timer ?? systemTimer;
    this.logger = options.logger ?? nullLogger;
  }

  async contribute(_request: ChatEngineRequest, _signal: AbortSignal): Promise<ContextContribution> {
    const { session, previous } = await this.options.current.ensure();
    this.armIdle();
    const out: ContextContribution = {};
    if (this.greeted !== session.id) {
      this.greeted = session.id;
      const greeting = previous && this.greeting(previous);
      if (greeting) out.notices = [{ type: 'notice', level: 'info', message: greeting }];
    }
    const system = this.render(session, previous && previous.id !== session.id ? previous.summary : undefined);
    if (system) out.system = system;
    return out;
  }

  async observe(exchange: { prompt: string; answer: string }): Promise<void> {
    if (this.disposed) return;
    const { sessions } = this.options.current;
    const { session } = await this.options.current.ensure();
    await sessions.addHistory(session.id, { role: 'user', text: clip(exchange.prompt, this.maxEntryChars) || '(empty)' });
    if (exchange.answer.trim() !== '') await sessions.addHistory(session.id, { role: 'assistant', text: clip(exchange.answer, this.maxEntryChars) });
    this.armIdle();
  }

  /**
   * Ends the current session with a summary of its questions (none when nothing was asked).
   * The memory write starts before the first await, so a window that is closing still queues it.
   */
  endSession(): Promise<void> {
    if (this.idle !== undefined) this.timer.clearTimeout(this.idle);
    this.idle = undefined;
    const id = this.options.current.currentId;
    if (!id) return Promise.resolve();
    const { sessions } = this.options.current;
    const session = sessions.getSession(id);
    const summary = session ? this.summarize(session) : undefined;
    return sessions.endSession(id, summary).then(() => undefined);
  }

  /** The window is closing: end and summarise the session. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.endSession().catch((e: unknown) => this.logger.warn(`Could not end the Jarvis session: ${errorMessage(e)}`));
  }

  /** e.g. "Session on “Checkout” (Shop): 3 questions — “how do I …”; …". Undefined without questions. */
  summarize(session: Session): string | undefined {
    const questions = session.history.filter((h) => h.role === 'user').map((h) => h.text.replace(/\s+/g, ' ').trim());
    if (questions.length === 0) return undefined;
    const work = this.workName(session);
    const shown = questions.slice(-SUMMARY_QUESTIONS).map((q) => `“${clip(q, 120)}”`);
    const more = questions.length > SUMMARY_QUESTIONS ? ` (last ${SUMMARY_QUESTIONS} shown)` : '';
    return `Session${work ? ` on ${work}` : ''}: ${questions.length} question${questions.length === 1 ? '' : 's'}${more} — ${shown.join('; ')}.`;
  }

  private greeting(previous: Session): string | undefined {
    const work = this.workName(previous);
    if (!work) return undefined;
    const open = previous.projectId ? this.options.current.sessions.listTasks({ projectId: previous.projectId, status: 'open' }).length : 0;
    const tasks = previous.projectId ? ` ${open} open task${open === 1 ? '' : 's'}.` : '';
    return `Welcome back — last worked on ${work}, ${formatAge(this.clock.now() - previous.lastActiveAt)}.${tasks}`;
  }

  /** “Task” (Project), or Project, or undefined when the session was not filed under either. */
  private workName(session: Session): string | undefined {
    const { project, task } = this.lookup(session);
    if (task) return `“${task.title}”${project ? ` (${project.name})` : ''}`;
    return project?.name;
  }

  private lookup(session: Session) {
    const { sessions } = this.options.current;
    const project = session.projectId ? sessions.listProjects().find((p) => p.id === session.projectId) : undefined;
    const task = session.currentTaskId ? sessions.listTasks().find((t) => t.id === session.currentTaskId) : undefined;
    return { project, task };
  }

  /** Project, current task, other open tasks and the last session's summary, cut to the budget. */
  private render(session: Session, lastSummary: string | undefined): string | undefined {
    const { project, task } = this.lookup(session);
    const lines: string[] = [];
    if (project) lines.push(`- Project: ${project.name}${project.description ? ` — ${oneLine(project.description)}` : ''}`);
    if (task) lines.push(`- Current task: ${task.title}${task.description ? ` — ${oneLine(task.description)}` : ''}`);
    const others = project ? this.options.current.sessions.listTasks({ projectId: project.id, status: 'open' }).filter((t) => t.id !== task?.id) : [];
    if (others.length > 0) lines.push(`- Other open tasks: ${others.map((t) => t.title).join('; ')}`);
    if (lastSummary) lines.push(`- Last session: ${oneLine(lastSummary)}`);
    if (lines.length === 0) return undefined;
    let text = HEADER;
    for (const line of lines) {
      const left = this.budgetTokens - approximateTokens(`${text}\n`);
      if (approximateTokens(line) <= left) {
        text += `\n${line}`;
        continue;
      }
      // The first line that does not fit is cut (when enough room is left to say something), then stop.
      if (left >= 10) text += `\n${line.slice(0, left * 4 - 1).trimEnd()}…`;
      break;
    }
    return text === HEADER ? undefined : text;
  }

  private armIdle(): void {
    if (this.disposed) return;
    if (this.idle !== undefined) this.timer.clearTimeout(this.idle);
    this.idle = this.timer.setTimeout(() => {
      this.idle = undefined;
      this.logger.info('Jarvis session idle past the timeout: ending it.');
      this.endSession().catch((e: unknown) => this.logger.warn(`Could not end the idle Jarvis session: ${errorMessage(e)}`));
    }, this.idleMs);
  }
}

function clip(text: string, max: number): string {
  const t = String(text ?? '').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function positive(v: number, what: string): number {
  if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
    throw new JarvisError('invalid-input', `SessionContextContributor: ${what} must be a positive number (got ${String(v)}).`);
  }
  return v;
}
