import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from '../../../common/Clock';
import { JarvisError } from '../../../common/errors';
import type { KeyValueStore } from '../../ports';
import type { NewMemory } from '../store/MemoryRecord';
import type { WorkspaceTrust } from '../store/WorkspaceTrust';

export interface HistoryEntry {
  at: number;
  role: 'user' | 'assistant' | 'note';
  text: string;
}

export interface Session {
  id: string;
  user: string;
  /** Workspace identity from the host (e.g. the first folder's URI). */
  workspace: string;
  projectId?: string;
  currentTaskId?: string;
  /** When set, Jarvis neither learns from nor remembers this workspace's content (see trustFor). */
  untrusted: boolean;
  startedAt: number;
  lastActiveAt: number;
  endedAt?: number;
  summary?: string;
  history: HistoryEntry[];
}

export interface Project {
  id: string;
  name: string;
  description: string;
  workspace?: string;
  createdAt: number;
}

export interface Task {
  id: string;
  projectId: string;
  title: string;
  description: string;
  status: 'open' | 'done';
  createdAt: number;
  completedAt?: number;
}

export interface ResumedSession {
  session: Session;
  /** e.g. "Welcome back — last worked on “Implement shopping cart” (E-commerce Platform), 2 days ago. 1 open task." */
  greeting: string;
  project?: Project;
  currentTask?: Task;
  openTasks: Task[];
  recentHistory: HistoryEntry[];
}

/** Where session summaries go (VectorMemoryStore satisfies it). */
export interface MemoryWriter {
  store(memory: NewMemory): Promise<unknown>;
}

export interface SessionManagerOptions {
  store: KeyValueStore;
  clock?: Clock;
  /** Receives session summaries as `meeting_summary` memories. */
  memory?: MemoryWriter;
  /** A session idle longer than this is no longer "active". @default 24 */
  timeoutHours?: number;
  /** Sessions kept per user (oldest dropped). @default 50 */
  maxSessionsPerUser?: number;
  /** History entries kept per session (oldest dropped). @default 200 */
  maxHistory?: number;
  /** @default 'jarvis.memory.sessions' */
  storageKey?: string;
}

interface Snapshot {
  version: 1;
  sessions: Session[];
  projects: Project[];
  tasks: Task[];
}

const HOUR_MS = 3_600_000;

/** Sessions, projects and tasks across VS Code restarts (Phase 10 `SessionManager`). */
export class SessionManager {
  private data: Snapshot = { version: 1, sessions: [], projects: [], tasks: [] };
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly maxSessions: number;
  private readonly maxHistory: number;
  private readonly key: string;

  constructor(private readonly options: SessionManagerOptions) {
    if (typeof options?.store?.get !== 'function' || typeof options.store.update !== 'function') {
      throw new JarvisError('invalid-input', 'SessionManager needs a KeyValueStore `store` to persist sessions.');
    }
    this.clock = options.clock ?? systemClock;
    const timeoutHours = options.timeoutHours ?? 24;
    if (!(timeoutHours > 0)) throw new JarvisError('invalid-input', `timeoutHours must be positive (got ${String(timeoutHours)}).`);
    this.timeoutMs = timeoutHours * HOUR_MS;
    this.maxSessions = positiveInt(options.maxSessionsPerUser ?? 50, 'maxSessionsPerUser');
    this.maxHistory = positiveInt(options.maxHistory ?? 200, 'maxHistory');
    this.key = options.storageKey ?? 'jarvis.memory.sessions';
    const saved = options.store.get<Snapshot>(this.key);
    // A damaged snapshot must not stop the extension; sessions are a convenience.
    if (isSnapshot(saved)) this.data = structuredClone(saved);
  }

  async startSession(start: { user: string; workspace: string; projectId?: string; untrusted?: boolean }): Promise<Session> {
    const user = text(start?.user, 'user');
    const workspace = text(start?.workspace, 'workspace');
    if (start.projectId !== undefined) this.project(start.projectId);
    const now = this.clock.now();
    const session: Session = {
      id: randomUUID(),
      user,
      workspace,
      ...(start.projectId !== undefined ? { projectId: start.projectId } : {}),
      untrusted: start.untrusted === true,
      startedAt: now,
      lastActiveAt: now,
      history: [],
    };
    this.data.sessions.push(session);
    const mine = this.data.sessions.filter((s) => s.user === user);
    if (mine.length > this.maxSessions) {
      const drop = new Set(mine.sort((a, b) => a.lastActiveAt - b.lastActiveAt).slice(0, mine.length - this.maxSessions));
      this.data.sessions = this.data.sessions.filter((s) => !drop.has(s));
    }
    await this.save();
    return structuredClone(session);
  }

  getSession(id: string): Session | undefined {
    const s = this.data.sessions.find((x) => x.id === id);
    return s && structuredClone(s);
  }

  /** The user's latest session in this workspace, if it was active within the timeout and not ended. */
  findActiveSession(user: string, workspace: string): Session | undefined {
    const cutoff = this.clock.now() - this.timeoutMs;
    return this.getSessionHistory(user, { workspace, limit: 1 }).find((s) => !s.endedAt && s.lastActiveAt >= cutoff);
  }

  /** Newest first. */
  getSessionHistory(user: string, options: { workspace?: string; limit?: number } = {}): Session[] {
    const limit = positiveInt(options.limit ?? 10, 'limit');
    return this.data.sessions
      .filter((s) => s.user === user && (options.workspace === undefined || s.workspace === options.workspace))
      .sort((a, b) => b.lastActiveAt - a.lastActiveAt)
      .slice(0, limit)
      .map((s) => structuredClone(s));
  }

  async addHistory(sessionId: string, entry: { role: HistoryEntry['role']; text: string }): Promise<void> {
    const s = this.session(sessionId);
    if (!['user', 'assistant', 'note'].includes(entry?.role)) {
      throw new JarvisError('invalid-input', `History role must be user, assistant or note (got "${String(entry?.role)}").`);
    }
    s.history.push({ at: this.clock.now(), role: entry.role, text: text(entry.text, 'history text') });
    if (s.history.length > this.maxHistory) s.history.splice(0, s.history.length - this.maxHistory);
    s.lastActiveAt = this.clock.now();
    await this.save();
  }

  async setCurrentTask(sessionId: string, taskId: string): Promise<void> {
    const s = this.session(sessionId);
    const t = this.task(taskId);
    s.currentTaskId = t.id;
    s.projectId = t.projectId;
    s.lastActiveAt = this.clock.now();
    await this.save();
  }

  /** Files the session under a project (the current task is cleared when it belongs to another project). */
  async setProject(sessionId: string, projectId: string): Promise<void> {
    const s = this.session(sessionId);
    this.project(projectId);
    if (s.projectId !== projectId) delete s.currentTaskId;
    s.projectId = projectId;
    s.lastActiveAt = this.clock.now();
    await this.save();
  }

  /** Marks the workspace of a session untrusted (or trusted again), e.g. when VS Code's trust changes. */
  async setUntrusted(sessionId: string, untrusted: boolean): Promise<void> {
    this.session(sessionId).untrusted = untrusted;
    await this.save();
  }

  /** A live view of a session's trust, to hand to the learner and the memory store. */
  trustFor(sessionId: string): WorkspaceTrust {
    this.session(sessionId);
    return { isTrusted: () => this.data.sessions.find((s) => s.id === sessionId)?.untrusted === false };
  }

  async createProject(name: string, description = '', workspace?: string): Promise<Project> {
    const n = text(name, 'project name');
    if (this.data.projects.some((p) => p.name.toLowerCase() === n.toLowerCase() && p.workspace === workspace)) {
      throw new JarvisError('invalid-input', `A project named "${n}" already exists; pick another name.`);
    }
    const project: Project = {
      id: randomUUID(),
      name: n,
      description: String(description ?? ''),
      createdAt: this.clock.now(),
      ...(workspace ? { workspace } : {}),
    };
    this.data.projects.push(project);
    await this.save();
    return { ...project };
  }

  listProjects(workspace?: string): Project[] {
    return this.data.projects.filter((p) => workspace === undefined || p.workspace === workspace).map((p) => ({ ...p }));
  }

  async createTask(title: string, description: string, projectId: string): Promise<Task> {
    this.project(projectId);
    const task: Task = {
      id: randomUUID(),
      projectId,
      title: text(title, 'task title'),
      description: String(description ?? ''),
      status: 'open',
      createdAt: this.clock.now(),
    };
    this.data.tasks.push(task);
    await this.save();
    return { ...task };
  }

  listTasks(filter: { projectId?: string; status?: Task['status'] } = {}): Task[] {
    return this.data.tasks
      .filter((t) => (filter.projectId === undefined || t.projectId === filter.projectId) && (filter.status === undefined || t.status === filter.status))
      .map((t) => ({ ...t }));
  }

  async completeTask(taskId: string): Promise<Task> {
    const t = this.task(taskId);
    if (t.status !== 'done') {
      t.status = 'done';
      t.completedAt = this.clock.now();
      await this.save();
    }
    return { ...t };
  }

  /**
   * Ends a session; a summary is kept on the session and, in a trusted workspace, remembered as a
   * `meeting_summary` memory (an untrusted workspace's conversation may quote its files).
   */
  async endSession(sessionId: string, summary?: string): Promise<Session> {
    const s = this.session(sessionId);
    s.endedAt = this.clock.now();
    if (summary !== undefined) s.summary = text(summary, 'summary');
    // Both writes start before the first await: when the window is closing, the memory write must
    // already be queued when the store is shut down right after.
    const saved = this.save();
    let remembered: Promise<unknown> = Promise.resolve();
    if (s.summary && this.options.memory && !s.untrusted) {
      const project = s.projectId ? this.data.projects.find((p) => p.id === s.projectId)?.name : undefined;
      remembered = this.options.memory.store({
        type: 'meeting_summary',
        text: s.summary,
        metadata: { user: s.user, ...(project ? { project } : {}), tags: { sessionId: s.id } },
      });
    }
    await Promise.all([saved, remembered]);
    return structuredClone(s);
  }

  /** Reopens a session and says where the user left off. */
  async resumeSession(sessionId: string): Promise<ResumedSession> {
    const s = this.session(sessionId);
    const away = this.clock.now() - s.lastActiveAt;
    delete s.endedAt;
    s.lastActiveAt = this.clock.now();
    await this.save();
    const project = s.projectId ? this.data.projects.find((p) => p.id === s.projectId) : undefined;
    const currentTask = s.currentTaskId ? this.data.tasks.find((t) => t.id === s.currentTaskId) : undefined;
    const openTasks = project ? this.listTasks({ projectId: project.id, status: 'open' }) : [];
    let greeting = currentTask
      ? `Welcome back — last worked on “${currentTask.title}”${project ? ` (${project.name})` : ''}, ${ago(away)}.`
      : project
        ? `Welcome back — last worked on ${project.name}, ${ago(away)}.`
        : `Welcome back — your last session was ${ago(away)}.`;
    if (project) greeting += ` ${openTasks.length} open task${openTasks.length === 1 ? '' : 's'}.`;
    return {
      session: structuredClone(s),
      greeting,
      ...(project ? { project: { ...project } } : {}),
      ...(currentTask ? { currentTask: { ...currentTask } } : {}),
      openTasks,
      recentHistory: s.history.slice(-10).map((h) => ({ ...h })),
    };
  }

  toJSON(): Snapshot {
    return structuredClone(this.data);
  }

  private save(): Promise<void> {
    return this.options.store.update(this.key, this.data);
  }

  private session(id: string): Session {
    const s = this.data.sessions.find((x) => x.id === id);
    if (!s) throw new JarvisError('invalid-input', `There is no session "${String(id)}".`);
    return s;
  }

  private project(id: string): Project {
    const p = this.data.projects.find((x) => x.id === id);
    if (!p) throw new JarvisError('invalid-input', `There is no project "${String(id)}"; create it first.`);
    return p;
  }

  private task(id: string): Task {
    const t = this.data.tasks.find((x) => x.id === id);
    if (!t) throw new JarvisError('invalid-input', `There is no task "${String(id)}".`);
    return t;
  }
}

function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

function text(v: unknown, what: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new JarvisError('invalid-input', `A ${what} must be a non-empty string.`);
  return v.trim();
}

function positiveInt(v: unknown, what: string): number {
  if (!Number.isInteger(v) || (v as number) < 1) throw new JarvisError('invalid-input', `${what} must be a whole number of at least 1 (got ${String(v)}).`);
  return v as number;
}

function isSnapshot(v: unknown): v is Snapshot {
  const s = v as Partial<Snapshot> | undefined;
  return s?.version === 1 && Array.isArray(s.sessions) && Array.isArray(s.projects) && Array.isArray(s.tasks);
}
