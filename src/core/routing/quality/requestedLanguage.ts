import { canonicalLanguage } from '../../languages';

export interface RequestedLanguage {
  language: string;
  /** Where it came from; the question is the strongest signal, the open editor the weakest. */
  source: 'question' | 'attachment' | 'editor';
}

export interface LanguageContext {
  /** VS Code language id of the attached file (e.g. `typescriptreact`). */
  attachedLanguageId?: string;
  /** VS Code language id of the active editor. */
  editorLanguageId?: string;
}

// Names that are unambiguous as words. "Go" and "C" need context (below): "go" is a verb.
const NAMED: Array<[RegExp, string]> = [
  [/\bpython3?\b/i, 'python'],
  [/\btypescript\b/i, 'typescript'],
  [/\bjavascript\b|\bnode(?:\.js|js)\b/i, 'javascript'],
  [/\bgolang\b/i, 'go'],
  [/\brust\b/i, 'rust'],
  [/\bjava\b(?!\s*script)/i, 'java'],
  [/\bkotlin\b/i, 'kotlin'],
  [/(?:^|[\s(])c#(?=$|[\s.,?!)])|\bc-?sharp\b|\.net\b/i, 'csharp'],
  [/(?:^|[\s(])c\+\+(?=$|[\s.,?!)])|\bcpp\b/i, 'cpp'],
  [/\bruby\b/i, 'ruby'],
  [/\bphp\b/i, 'php'],
  [/\bbash\b|\bshell script\b|\bzsh\b/i, 'bash'],
  [/\bpowershell\b/i, 'powershell'],
  [/\bswift\b/i, 'swift'],
  [/\bscala\b/i, 'scala'],
  [/\bsql\b|\bpostgres(?:ql)?\b|\bmysql\b|\bsqlite\b/i, 'sql'],
  [
    /\b(?:in|en|with|using|mit|avec|con|a|an|the|my|for|to|into)\s+Go\b|\bGo[- ](?:function|program|code|struct|handler|server|module|package|slice|routine|channel|map|HTTP|test|worker|middleware|CLI|script|app|service|Programm|Funktion|Code)\b|\b(?:fonction|función|programme|programa|Funktion)\s+(?:en\s+)?Go\b/,
    'go',
  ],
  [/\b(?:in|en|with|using|a|the|to|into)\s+C\b(?![#+])|\bC (?:function|program|code)\b/, 'c'],
];

// A framework names its language when the language itself is not named.
const FRAMEWORKS: Array<[RegExp, string]> = [
  [/\b(?:fastapi|flask|django|pandas|numpy|pytest|pydantic)\b/i, 'python'],
  [/\bspring(?: boot)?\b/i, 'java'],
  [/\brails\b/i, 'ruby'],
  [/\blaravel\b/i, 'php'],
  [/\bcargo\b|\btokio\b/i, 'rust'],
  [/\basp\.net\b|\blinq\b/i, 'csharp'],
];

/**
 * The programming language the user wants the answer in: named in the question (the target of
 * "convert … to X" when several are named), else the attached file's, else the open editor's.
 * Undefined when nothing says, or the question names several languages without a target.
 */
export function requestedLanguage(question: string, context: LanguageContext = {}): RequestedLanguage | undefined {
  const q = typeof question === 'string' ? question.slice(0, 4000) : '';
  const target = /\b(?:to|into|in|as)\s+([A-Za-z#+]+)\s*[?.!]?\s*$|\b(?:to|into)\s+([A-Za-z#+]+)\b/i.exec(q);
  const named = new Set<string>();
  for (const [re, lang] of NAMED) if (re.test(q)) named.add(lang);
  if (named.size > 1 && target) {
    const t = canonicalLanguage(target[1] ?? target[2]) ?? (/^golang$/i.test(target[1] ?? target[2] ?? '') ? 'go' : undefined);
    if (t && named.has(t)) return { language: t, source: 'question' };
  }
  if (named.size === 1) return { language: [...named][0], source: 'question' };
  if (named.size === 0) {
    for (const [re, lang] of FRAMEWORKS) if (re.test(q)) return { language: lang, source: 'question' };
  }
  if (named.size > 1) return undefined;
  const attached = canonicalLanguage(context.attachedLanguageId);
  if (attached && attached !== 'text' && attached !== 'markdown') return { language: attached, source: 'attachment' };
  const editor = canonicalLanguage(context.editorLanguageId);
  if (editor && editor !== 'text' && editor !== 'markdown') return { language: editor, source: 'editor' };
  return undefined;
}
