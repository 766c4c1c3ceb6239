import * as os from 'node:os';
import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import { formatAge } from '../../core/memory/retrieval/describeMemory';
import { CurrentSession } from '../../core/memory/sessions/CurrentSession';
import type { Project, SessionManager } from '../../core/memory/sessions/SessionManager';
import { commandIds } from '../../core/commandIds';

/** The session this window works in: filed under the OS user and the first workspace folder. */
export class WorkspaceSession extends CurrentSession {
  constructor(sessions: SessionManager) {
    super(sessions, {
      user: localUser(),
      workspace: vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? 'no-folder',
      isUntrusted: () => !vscode.workspace.isTrusted,
    });
  }
}

function localUser(): string {
  try {
    return os.userInfo().username || 'me';
  } catch {
    return 'me';
  }
}

/** jarvis.newProject, jarvis.newTask, jarvis.completeTask, jarvis.resumeSession. */
export function registerSessionCommands(ws: WorkspaceSession, log: vscode.LogOutputChannel): vscode.Disposable {
  const sessions = ws.sessions;
  const guard =
    <A extends unknown[]>(what: string, fn: (...args: A) => Promise<unknown>) =>
    async (...args: A) => {
      try {
        return await fn(...args);
      } catch (e) {
        log.warn(`${what}: ${errorMessage(e)}`);
        void vscode.window.showErrorMessage(`Jarvis could not ${what}: ${errorMessage(e)}`);
        return undefined;
      }
    };

  const pickProject = async (): Promise<Project | undefined> => {
    const s = await ws.current();
    const projects = sessions.listProjects(ws.workspace);
    const current = projects.find((p) => p.id === s.projectId);
    if (current) return current;
    if (projects.length === 0) return newProject();
    const NEW = { label: '$(add) New Project…', project: undefined };
    const pick = await vscode.window.showQuickPick(
      [...projects.map((p) => ({ label: p.name, description: p.description, project: p as Project | undefined })), NEW],
      {
        title: 'Which project is this task for?',
      },
    );
    if (!pick) return undefined;
    return pick.project ?? newProject();
  };

  const newProject = async (name?: unknown): Promise<Project | undefined> => {
    const n =
      typeof name === 'string'
        ? name
        : await vscode.window.showInputBox({
            title: 'New Project',
            prompt: 'Project name',
            validateInput: (v) => (v.trim() === '' ? 'Enter a name.' : undefined),
          });
    if (!n) return undefined;
    const project = await sessions.createProject(n, '', ws.workspace);
    await sessions.setProject((await ws.current()).id, project.id);
    void vscode.window.showInformationMessage(`Jarvis: now working on project “${project.name}”.`);
    return project;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.newProject, guard('create the project', newProject)),
    vscode.commands.registerCommand(
      commandIds.newTask,
      guard('create the task', async (title?: unknown) => {
        const project = await pickProject();
        if (!project) return undefined;
        const t =
          typeof title === 'string'
            ? title
            : await vscode.window.showInputBox({
                title: `New Task in ${project.name}`,
                prompt: 'What are you working on?',
                validateInput: (v) => (v.trim() === '' ? 'Enter a title.' : undefined),
              });
        if (!t) return undefined;
        const task = await sessions.createTask(t, '', project.id);
        await sessions.setCurrentTask((await ws.current()).id, task.id);
        void vscode.window.showInformationMessage(`Jarvis: current task is “${task.title}”.`);
        return task;
      }),
    ),
    vscode.commands.registerCommand(
      commandIds.completeTask,
      guard('complete the task', async () => {
        const s = await ws.current();
        const open = sessions.listTasks({ status: 'open', ...(s.projectId ? { projectId: s.projectId } : {}) });
        if (open.length === 0) {
          void vscode.window.showInformationMessage('No open tasks. Start one with “Jarvis: New Task”.');
          return undefined;
        }
        open.sort((a, b) => Number(b.id === s.currentTaskId) - Number(a.id === s.currentTaskId));
        const pick = await vscode.window.showQuickPick(
          open.map((t) => ({ label: t.title, description: t.id === s.currentTaskId ? 'current' : formatAge(Date.now() - t.createdAt), task: t })),
          { title: 'Complete Task' },
        );
        if (!pick) return undefined;
        const done = await sessions.completeTask(pick.task.id);
        void vscode.window.showInformationMessage(`Jarvis: “${done.title}” is done.`);
        return done;
      }),
    ),
    vscode.commands.registerCommand(
      commandIds.resumeSession,
      guard('resume the session', async () => {
        const history = sessions.getSessionHistory(ws.user, { workspace: ws.workspace, limit: 10 });
        if (history.length === 0) {
          void vscode.window.showInformationMessage('No earlier Jarvis session in this workspace yet.');
          return undefined;
        }
        const projects = new Map(sessions.listProjects().map((p) => [p.id, p.name]));
        const tasks = new Map(sessions.listTasks().map((t) => [t.id, t.title]));
        const chosen =
          history.length === 1
            ? history[0]
            : (
                await vscode.window.showQuickPick(
                  history.map((h) => ({
                    label: (h.currentTaskId && tasks.get(h.currentTaskId)) || (h.projectId && projects.get(h.projectId)) || 'Session without a project',
                    description: formatAge(Date.now() - h.lastActiveAt),
                    detail: h.summary,
                    session: h,
                  })),
                  { title: 'Resume a Jarvis Session' },
                )
              )?.session;
        if (!chosen) return undefined;
        const resumed = await sessions.resumeSession(chosen.id);
        ws.use(resumed.session.id);
        void vscode.window.showInformationMessage(resumed.greeting);
        return resumed.greeting;
      }),
    ),
  );
}
