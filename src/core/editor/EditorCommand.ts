/** The commands Jarvis offers on selected code (editor context menu, command palette, keybindings). */
export const EDITOR_COMMAND_KINDS = ['explain', 'refactor', 'fix', 'addTests', 'addDocs', 'review', 'ask'] as const;
export type EditorCommandKind = (typeof EDITOR_COMMAND_KINDS)[number];

export interface EditorCommandInfo {
  kind: EditorCommandKind;
  /** VS Code command id (package.json declares the same). */
  id: string;
  /** Command title without the "Jarvis:" category. */
  title: string;
  /**
   * Where the answer goes: `chat` answers in the chat with the code as a reference; `edit` proposes
   * code in a diff editor that the user applies or discards.
   */
  answersIn: 'chat' | 'edit';
  /** Shown in progress messages: "Jarvis is refactoring …". */
  progressVerb: string;
}

export const EDITOR_COMMANDS: Record<EditorCommandKind, EditorCommandInfo> = {
  explain: { kind: 'explain', id: 'jarvis.editor.explain', title: 'Explain', answersIn: 'chat', progressVerb: 'explaining' },
  refactor: { kind: 'refactor', id: 'jarvis.editor.refactor', title: 'Refactor', answersIn: 'edit', progressVerb: 'refactoring' },
  fix: { kind: 'fix', id: 'jarvis.editor.fix', title: 'Fix', answersIn: 'edit', progressVerb: 'fixing' },
  addTests: { kind: 'addTests', id: 'jarvis.editor.addTests', title: 'Add Tests', answersIn: 'edit', progressVerb: 'writing tests for' },
  addDocs: { kind: 'addDocs', id: 'jarvis.editor.addDocs', title: 'Add Docs', answersIn: 'edit', progressVerb: 'documenting' },
  review: { kind: 'review', id: 'jarvis.editor.review', title: 'Review', answersIn: 'chat', progressVerb: 'reviewing' },
  ask: { kind: 'ask', id: 'jarvis.editor.ask', title: 'Ask About Selection', answersIn: 'chat', progressVerb: 'answering about' },
};

/** Commands that act on a pending proposal (the diff editor's title actions and the notification). */
export const PROPOSAL_COMMANDS = { apply: 'jarvis.editor.applyProposal', discard: 'jarvis.editor.discardProposal' } as const;

/** Context key set while the active editor shows a Jarvis proposal (gates the title actions). */
export const PROPOSAL_CONTEXT_KEY = 'jarvis.proposalActive';
