import { credentialName } from './credentialName';
import { tokenShaped } from './tokenShape';

/**
 * Credentials in tables (#13, session 16; the generic detector's table family): CSV, TSV, Markdown and
 * whitespace-aligned files where no `name = value` binds the secret, the table's layout does:
 *
 * - a key column: a row whose first cell names a credential holds it in the value column (ESP-IDF's NVS
 *   partition CSV `mqtt_pass,data,string,<value>`, a settings export `DB_PASSWORD,<value>`); the value column
 *   is the one the header calls `value` / `default`, else the row's last cell;
 * - a credential column: a header cell that names a credential outright (`secret`, `password`, `token`) and
 *   the cell under it in every row (PPP `chap-secrets` under its `# client server secret IP` comment, a CSV of
 *   users and passwords).
 *
 * Cells are still judged by `tokenShaped`, so descriptions, references and numbers in the same places stay
 * clean. Linear: each line is split once; only blocks that contain a credential word are looked at.
 */
export interface TableRowSpan {
  start: number;
  end: number;
}

interface Cell {
  value: string;
  start: number;
}

type Separator = ',' | '\t' | '|' | ' ';

const CREDENTIAL_HINT = /pass|pwd|secret|token|key|cred|psk|auth/i;
const VALUE_HEADER = /^(?:value|val|default|default_value|setting)$/i;
const WORD_CELL = /^#?[A-Za-z](?:[\w.-]{0,40}\w)?$/;
const MAX_ROWS = 200;

/** Spans of table cells that hold a credential, in `text`. */
export function tableRows(text: string): TableRowSpan[] {
  if (!CREDENTIAL_HINT.test(text)) return [];
  const out: TableRowSpan[] = [];
  const lines: Array<{ text: string; start: number }> = [];
  for (let start = 0; start <= text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(start, end).replace(/\r$/, ''), start });
    start = end + 1;
  }
  for (let i = 0; i < lines.length;) {
    const sep = separatorOf(lines[i].text);
    let j = i + 1;
    if (sep !== undefined && sep !== ' ') {
      while (j < lines.length && j - i < MAX_ROWS && separatorOf(lines[j].text) === sep) j++;
      if (j - i >= 2 || sep !== '|') block(lines.slice(i, j), sep, out);
    } else if (isWhitespaceHeader(lines[i].text)) {
      while (j < lines.length && j - i < 20 && lines[j].text.trim() !== '' && !/^(?:EOF|END)\b/.test(lines[j].text.trim())) j++;
      block(lines.slice(i, j), ' ', out);
    }
    i = j;
  }
  return out;
}

function separatorOf(line: string): Separator | undefined {
  const pipe = line.includes('|');
  const comma = line.includes(',');
  const tab = line.includes('\t');
  if (!pipe && !comma && !tab) return undefined;
  if (pipe && /^\s*\|.*\|\s*$/.test(line)) return '|';
  if (tab && !/^\t/.test(line)) return '\t';
  if (!comma) return undefined;
  // Two commas at least, and no spaces after them (a sentence has `, `): a CSV row.
  if (/^[^,\s][^,]*(?:,[^,\s]*){2,}$/.test(line) || /^[^,\s]+,[^,\s]+$/.test(line)) return ',';
  return undefined;
}

/** A `# client server secret IP addresses` comment or a bare header of single words, one naming a credential. */
function isWhitespaceHeader(line: string): boolean {
  if (line.length > 120 || !CREDENTIAL_HINT.test(line)) return false;
  const words = line
    .replace(/^\s*#\s*/, '')
    .trim()
    .split(/\s+/);
  // Column headers are plain lower- or upper-case words; code (`export function sendToken`) has camelCase.
  return (
    words.length >= 3 &&
    words.length <= 8 &&
    words.every((w) => WORD_CELL.test(w) && /^#?(?:[a-z][a-z0-9_-]*|[A-Z][A-Z0-9_-]*|[A-Z][a-z]+)$/.test(w)) &&
    words.some((w) => strongName(w))
  );
}

function strongName(cell: string): boolean {
  return credentialName(cell.replace(/^#/, '')) === 'strong';
}

function cells(line: { text: string; start: number }, sep: Separator): Cell[] {
  let body = line.text;
  let offset = line.start;
  if (sep === ' ') {
    if (/^\s*#/.test(body)) return [];
    return [...body.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => ({
      value: m[1] ?? m[2] ?? m[3],
      start: offset + m.index + (m[3] === undefined ? 1 : 0),
    }));
  }
  if (sep === '|') {
    const lead = body.indexOf('|') + 1;
    offset += lead;
    body = body.slice(lead, body.lastIndexOf('|'));
  }
  // Split at the separator outside double quotes; each cell trimmed and unquoted, with where its value starts.
  const out: Cell[] = [];
  let from = 0;
  let quoted = false;
  for (let k = 0; k <= body.length; k++) {
    const c = body[k];
    if (c === '"') quoted = !quoted;
    if (k < body.length && (quoted || c !== sep)) continue;
    const raw = body.slice(from, k);
    const trimmed = raw.trim();
    const unquoted = /^"[^"]*"$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
    out.push({ value: unquoted, start: offset + from + raw.indexOf(trimmed) + (unquoted === trimmed ? 0 : 1) });
    from = k + 1;
  }
  return out;
}

function block(lines: Array<{ text: string; start: number }>, sep: Separator, out: TableRowSpan[]): void {
  const rows = lines.map((l) => cells(l, sep));
  const headerLine =
    sep === ' '
      ? lines[0].text
          .replace(/^\s*#\s*/, '')
          .trim()
          .split(/\s+/)
      : rows[0].map((c) => c.value);
  const hasHeader = headerLine.length >= 2 && headerLine.every((h) => h === '' || WORD_CELL.test(h));
  const valueColumn = hasHeader ? headerLine.findIndex((h) => VALUE_HEADER.test(h)) : -1;
  const credentialColumns = hasHeader ? headerLine.flatMap((h, k) => (strongName(h) ? [k] : [])) : [];
  // Markdown cells with code spans, links or URLs (`[`ClientSecretCredential`](https://…)`) are documentation.
  const add = (c: Cell | undefined, strength: 'strong' | 'weak') => {
    if (c && c.value !== '' && !/[`]|\]\(|:\/\//.test(c.value) && tokenShaped(c.value, strength)) out.push({ start: c.start, end: c.start + c.value.length });
  };
  for (const [r, row] of rows.entries()) {
    if (r === 0 && (hasHeader || sep === ' ')) continue;
    // Under a whitespace header, a line is a row when it has about as many cells (a paragraph after a short
    // line of prose has many more) and no Markdown code spans or code punctuation.
    if (sep === ' ' && (row.length < headerLine.length - 2 || row.length > headerLine.length + 1 || row.some((c) => /[`(){};]/.test(c.value)))) continue;
    // Markdown's `|---|---|` rule line.
    if (row.every((c) => /^:?-*:?$/.test(c.value))) continue;
    for (const k of credentialColumns) add(row[k], 'strong');
    const key = row[0]?.value ?? '';
    const strength = row.length >= 2 && /^[A-Za-z][\w.:-]{0,60}$/.test(key) ? credentialName(key) : undefined;
    if (strength === undefined || sep === ' ') continue;
    const filled = row.filter((c) => c.value !== '');
    add(valueColumn > 0 ? row[valueColumn] : filled[filled.length - 1], strength);
  }
}
