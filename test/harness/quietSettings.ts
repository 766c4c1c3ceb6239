/** User settings that keep a test window deterministic: no welcome page, no update or recommendation look-ups. */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  // Installing a .vsix must not open Jarvis's walkthrough over the window a test drives.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  // The background model-list refresh must not add requests or key reads to a test's fake cloud server; tests run the command.
  'jarvis.cloudModels.refreshHours': 0,
};
