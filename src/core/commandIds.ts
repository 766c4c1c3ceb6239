/**
 * Every command Jarvis contributes, in one place: registrations, status-bar items, chat actions and the
 * chat view's allowlist all name commands through this object, and a unit test checks it against
 * package.json's `contributes.commands` both ways, so a renamed or forgotten command fails a test
 * instead of doing nothing when clicked.
 */
export const commandIds = {
  openChat: 'jarvis.openChat',
  newChat: 'jarvis.newChat',
  setOpenAIKey: 'jarvis.setOpenAIKey',
  setAnthropicKey: 'jarvis.setAnthropicKey',
  clearApiKeys: 'jarvis.clearApiKeys',
  pullModel: 'jarvis.pullModel',
  checkOllama: 'jarvis.checkOllama',
  showStatusMenu: 'jarvis.showStatusMenu',
  openSettings: 'jarvis.openSettings',
  showLog: 'jarvis.showLog',
  exportMetrics: 'jarvis.exportMetrics',
  manageModels: 'jarvis.manageModels',
  deleteModel: 'jarvis.deleteModel',
  allowOverBudgetOnce: 'jarvis.allowOverBudgetOnce',
  showRoutingStatus: 'jarvis.showRoutingStatus',
  resetRoutingLearning: 'jarvis.resetRoutingLearning',
  rememberSelection: 'jarvis.rememberSelection',
  reviewPreferences: 'jarvis.reviewPreferences',
  memorySearch: 'jarvis.memory.search',
  memoryClearSearch: 'jarvis.memory.clearSearch',
  memoryRefresh: 'jarvis.memory.refresh',
  memoryExport: 'jarvis.memory.export',
  memoryImport: 'jarvis.memory.import',
  memoryOpen: 'jarvis.memory.open',
  memoryDelete: 'jarvis.memory.delete',
  memoryForget: 'jarvis.memory.forget',
  newProject: 'jarvis.newProject',
  newTask: 'jarvis.newTask',
  completeTask: 'jarvis.completeTask',
  resumeSession: 'jarvis.resumeSession',
  editorExplain: 'jarvis.editor.explain',
  editorRefactor: 'jarvis.editor.refactor',
  editorFix: 'jarvis.editor.fix',
  editorAddTests: 'jarvis.editor.addTests',
  editorAddDocs: 'jarvis.editor.addDocs',
  editorReview: 'jarvis.editor.review',
  editorAsk: 'jarvis.editor.ask',
  editorFixDiagnostics: 'jarvis.editor.fixDiagnostics',
  applyProposal: 'jarvis.editor.applyProposal',
  discardProposal: 'jarvis.editor.discardProposal',
  memoryConfirm: 'jarvis.memory.confirm',
  showReplacedAnswer: 'jarvis.showReplacedAnswer',
  showAlerts: 'jarvis.showAlerts',
  acknowledgeAlert: 'jarvis.acknowledgeAlert',
} as const;

export type CommandId = (typeof commandIds)[keyof typeof commandIds];
