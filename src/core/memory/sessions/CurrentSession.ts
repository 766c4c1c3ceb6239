import type { Session, SessionManager } from './SessionManager';

export interface CurrentSessionScope {
  /** Who the sessions are filed under (the OS user in the host). */
  user: string;
  /** Workspace identity (the first folder's URI, or a fixed id without a folder). */
  workspace: string;
  /** Read when a session starts: an untrusted workspace's conversation is never remembered. */
  isUntrusted: () => boolean;
}

/** What `ensure()` found: the session, and the earlier one it continues when there was one. */
export interface EnsuredSession {
  session: Session;
  /**
   * The session whose work this one carries on: the same session when it was still active (a
   * reloaded window), or the latest earlier session of this workspace when a new one was started.
   */
  previous?: Session;
}

/**
 * The session this window works in, shared by the chat (SessionContextContributor) and the session
 * commands. Started on demand — on the first chat or command — never during activation. A new
 * session carries on the project and task of the latest earlier one, so closing the window does not
 * make Jarvis forget what the user was working on.
 */
export class CurrentSession {
  private id: string | undefined;
  /** The earlier session the current one continues (kept until another session is used). */
  private continued: Session | undefined;
  private starting: Promise<EnsuredSession> | undefined;

  constructor(
    readonly sessions: SessionManager,
    private readonly scope: CurrentSessionScope,
  ) {}

  get user(): string {
    return this.scope.user;
  }

  get workspace(): string {
    return this.scope.workspace;
  }

  /** The id of the session in use, without starting one. */
  get currentId(): string | undefined {
    const s = this.id ? this.sessions.getSession(this.id) : undefined;
    return s && !s.endedAt ? s.id : undefined;
  }

  /** The active session in this workspace, or a new one. */
  async current(): Promise<Session> {
    return (await this.ensure()).session;
  }

  /** Like `current()`, and says which earlier work the session continues. */
  ensure(): Promise<EnsuredSession> {
    const known = this.id ? this.sessions.getSession(this.id) : undefined;
    if (known && !known.endedAt) return Promise.resolve(this.continued ? { session: known, previous: this.continued } : { session: known });
    // Two chats at once must not start two sessions.
    this.starting ??= this.find().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** Project name of the current session, for filing new memories; undefined before any session. */
  projectName(): string | undefined {
    const s = this.id ? this.sessions.getSession(this.id) : undefined;
    return s?.projectId ? this.sessions.listProjects().find((p) => p.id === s.projectId)?.name : undefined;
  }

  /** Switches to a session the user picked (e.g. "Resume Session"). */
  use(sessionId: string): void {
    this.id = sessionId;
    this.continued = undefined;
  }

  private async find(): Promise<EnsuredSession> {
    const { user, workspace } = this.scope;
    const active = this.sessions.findActiveSession(user, workspace);
    if (active) {
      this.id = active.id;
      this.continued = active;
      return { session: active, previous: active };
    }
    const [previous] = this.sessions.getSessionHistory(user, { workspace, limit: 1 });
    const projectStillExists = previous?.projectId !== undefined && this.sessions.listProjects().some((p) => p.id === previous.projectId);
    let session = await this.sessions.startSession({
      user,
      workspace,
      untrusted: this.scope.isUntrusted(),
      ...(projectStillExists ? { projectId: previous.projectId } : {}),
    });
    const task = previous?.currentTaskId ? this.sessions.listTasks({ status: 'open' }).find((t) => t.id === previous.currentTaskId) : undefined;
    if (task) {
      await this.sessions.setCurrentTask(session.id, task.id);
      session = this.sessions.getSession(session.id) ?? session;
    }
    this.id = session.id;
    this.continued = previous;
    return previous ? { session, previous } : { session };
  }
}
