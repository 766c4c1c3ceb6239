/** A span of a document as character offsets, end exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** The code an editor command works on, with the context the model gets around it. */
export interface CodeTarget {
  /** Workspace-relative path (or the document's name when it has no file). */
  file: string;
  /** VS Code language id of the document. */
  languageId: string;
  /** The code the command is about (the selection, or the enclosing symbol when nothing was selected). */
  code: string;
  /** 1-based, inclusive: for "lines 10–24" in prompts and references. */
  startLine: number;
  endLine: number;
  /** Where `code` came from: what the user selected, the symbol around the cursor, or the whole file. */
  source: 'selection' | 'symbol' | 'file';
  /** The innermost symbol (function, method, class…) containing the code, when the language reports one. */
  enclosing?: { name: string; kind: string; code?: string };
  /** The file's import lines (the model needs them to use the right names; never rewritten). */
  imports: string[];
  /** Problems reported in or around the code (for Fix). */
  diagnostics?: { message: string; line: number; source?: string; code?: string }[];
  /** Add Tests: the detected framework and the test file the tests go into. */
  tests?: { framework: string; file: string; existing?: string };
  /** Ask About Selection: the user's question. */
  question?: string;
}
