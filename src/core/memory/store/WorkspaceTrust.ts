import { JarvisError } from '../../../common/errors';

/**
 * Whether the open workspace is trusted. In an untrusted workspace Jarvis neither learns from its
 * files nor remembers their content: a cloned repository must not be able to plant "preferences"
 * or "decisions" that later steer answers in other projects.
 */
export interface WorkspaceTrust {
  isTrusted(): boolean;
}

export const alwaysTrusted: WorkspaceTrust = { isTrusted: () => true };

export function assertTrusted(trust: WorkspaceTrust, action: string): void {
  if (!trust.isTrusted()) {
    throw new JarvisError(
      'untrusted-workspace',
      `Jarvis does not ${action} in an untrusted workspace. Trust the folder (Workspaces: Manage Workspace Trust) to enable it.`,
    );
  }
}
