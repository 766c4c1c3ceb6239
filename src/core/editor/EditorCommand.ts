import { commandIds } from '../commandIds';

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
  explain: { kind: 'explain', id: commandIds.editorExplain, title: 'Explain', answersIn: 'chat', progressVerb: 'explaining' },
  refactor: { kind: 'refactor', id: commandIds.editorRefactor, title: 'Refactor', answersIn: 'edit', progressVerb: 'refactoring' },
  fix: { kind: 'fix', id: commandIds.editorFix, title: 'Fix', answersIn: 'edit', progressVerb: 'fixing' },
  addTests: { kind: 'addTests', id: commandIds.editorAddTests, title: 'Add Tests', answersIn: 'edit', progressVerb: 'writing tests for' },
  addDocs: { kind: 'addDocs', id: commandIds.editorAddDocs, title: 'Add Docs', answersIn: 'edit', progressVerb: 'documenting' },
  review: { kind: 'review', id: commandIds.editorReview, title: 'Review', answersIn: 'chat', progressVerb: 'reviewing' },
  ask: { kind: 'ask', id: commandIds.editorAsk, title: 'Ask About Selection', answersIn: 'chat', progressVerb: 'answering about' },
};

/** Commands that act on a pending proposal (the diff editor's title actions and the notification). */
export const PROPOSAL_COMMANDS = { apply: commandIds.applyProposal, discard: commandIds.discardProposal } as const;

/** Context key set while the active editor shows a Jarvis proposal (gates the title actions). */
export const PROPOSAL_CONTEXT_KEY = 'jarvis.proposalActive';
