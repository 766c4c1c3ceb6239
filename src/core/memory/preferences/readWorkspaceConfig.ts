import { JarvisError, errorMessage } from '../../../common/errors';
import type { PreferenceEvidence } from './Preference';

/** A configuration file's name (any path; the base name decides the format) and its text. */
export interface ConfigFile {
  fileName: string;
  content: string;
}

const indent = (value: string): PreferenceEvidence => ({ category: 'coding_style', key: 'indent', value, statement: `Indent with ${value}` });
const quotes = (value: string): PreferenceEvidence => ({ category: 'coding_style', key: 'quotes', value, statement: `Use ${value} quotes for strings` });
const semis = (always: boolean): PreferenceEvidence => ({
  category: 'coding_style',
  key: 'semicolons',
  value: always ? 'always' : 'never',
  statement: always ? 'End statements with semicolons' : 'Omit semicolons',
});

/**
 * Reads indentation, quote and semicolon conventions from .editorconfig, Prettier (.prettierrc,
 * .prettierrc.json) and ESLint JSON configs (.eslintrc, .eslintrc.json). JavaScript configs
 * (eslint.config.js, prettier.config.js) are refused: running workspace code to read them is not an option.
 * @throws `invalid-input` naming the file for unknown or malformed files.
 */
export function readWorkspaceConfig(file: ConfigFile): PreferenceEvidence[] {
  if (typeof file?.fileName !== 'string' || typeof file.content !== 'string') {
    throw new JarvisError('invalid-input', 'A workspace config needs a `fileName` and its `content` as strings.');
  }
  const base = file.fileName.split(/[\\/]/).pop()!.toLowerCase();
  if (base === '.editorconfig') return fromEditorConfig(file.content);
  if (base === '.prettierrc' || base === '.prettierrc.json') return fromPrettier(parseJson(file.content, file.fileName));
  if (base === '.eslintrc' || base === '.eslintrc.json') return fromEslint(parseJson(file.content, file.fileName));
  throw new JarvisError(
    'invalid-input',
    `Jarvis cannot learn from "${file.fileName}": supported files are .editorconfig, .prettierrc(.json) and .eslintrc(.json).`,
  );
}

function fromEditorConfig(text: string): PreferenceEvidence[] {
  const sections = new Map<string, Map<string, string>>();
  let current = sections.set('', new Map()).get('')!;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1], current);
      continue;
    }
    const kv = /^([\w-]+)\s*=\s*(.*)$/.exec(line);
    if (kv) current.set(kv[1].toLowerCase(), kv[2].trim().toLowerCase());
  }
  // `[*]` speaks for the whole project; otherwise the first section that says anything about indentation.
  const s = sections.get('*') ?? [...sections.values()].find((m) => m.has('indent_style') || m.has('indent_size')) ?? new Map();
  const out: PreferenceEvidence[] = [];
  if (s.get('indent_style') === 'tab') out.push(indent('tabs'));
  else if (s.get('indent_style') === 'space' || s.has('indent_size')) {
    const size = Number(s.get('indent_size'));
    if (Number.isInteger(size) && size > 0) out.push(indent(`${size} spaces`));
  }
  const q = s.get('quote_type');
  if (q === 'single' || q === 'double') out.push(quotes(q));
  return out;
}

function fromPrettier(config: Record<string, unknown>): PreferenceEvidence[] {
  const out: PreferenceEvidence[] = [];
  if (config.useTabs === true) out.push(indent('tabs'));
  else if (Number.isInteger(config.tabWidth) && (config.tabWidth as number) > 0) out.push(indent(`${config.tabWidth} spaces`));
  if (typeof config.singleQuote === 'boolean') out.push(quotes(config.singleQuote ? 'single' : 'double'));
  if (typeof config.semi === 'boolean') out.push(semis(config.semi));
  return out;
}

function fromEslint(config: Record<string, unknown>): PreferenceEvidence[] {
  const rules = (config.rules ?? {}) as Record<string, unknown>;
  const option = (names: string[]): unknown => {
    for (const name of names) {
      const rule = rules[name];
      // Only rules that are on and carry an option say anything about style.
      if (Array.isArray(rule) && rule.length > 1 && rule[0] !== 0 && rule[0] !== 'off') return rule[1];
    }
    return undefined;
  };
  const out: PreferenceEvidence[] = [];
  const ind = option(['indent', '@stylistic/indent', '@stylistic/js/indent', '@typescript-eslint/indent']);
  if (ind === 'tab') out.push(indent('tabs'));
  else if (Number.isInteger(ind) && (ind as number) > 0) out.push(indent(`${ind} spaces`));
  const q = option(['quotes', '@stylistic/quotes', '@stylistic/js/quotes', '@typescript-eslint/quotes']);
  if (q === 'single' || q === 'double' || q === 'backtick') out.push(quotes(q));
  const s = option(['semi', '@stylistic/semi', '@stylistic/js/semi', '@typescript-eslint/semi']);
  if (s === 'always' || s === 'never') out.push(semis(s === 'always'));
  return out;
}

/** JSON with comments and trailing commas, as ESLint and Prettier accept. */
function parseJson(text: string, fileName: string): Record<string, unknown> {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = skipString(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += ch;
  }
  try {
    const value: unknown = JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('the top level is not an object');
    return value as Record<string, unknown>;
  } catch (e) {
    throw new JarvisError('invalid-input', `${fileName} is not valid JSON (${errorMessage(e)}); only JSON configs can be read.`);
  }
}

function skipString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}
