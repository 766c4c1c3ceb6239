/** Where a setting's effective value was written, as VS Code's `inspect()` reports it. */
export interface SettingInspection {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/**
 * Which settings file to change so the new value takes effect: the most specific one that already
 * sets it. Writing to User settings while the workspace overrides the value would silently do
 * nothing, so the workspace wins when it sets the value; otherwise User settings, which follow the
 * user across workspaces.
 */
export function chooseSettingTarget(inspection: SettingInspection | undefined): 'workspaceFolder' | 'workspace' | 'global' {
  if (inspection?.workspaceFolderValue !== undefined) return 'workspaceFolder';
  if (inspection?.workspaceValue !== undefined) return 'workspace';
  return 'global';
}
