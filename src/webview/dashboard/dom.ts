/** A tiny element builder: text always goes in as text nodes, never as HTML (model names come from servers). */
export type Child = Node | string | number | false | null | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) {
    if (c === false || c === null || c === undefined) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** A table with a header row; `rows` are arrays of cells, optionally with attributes for their <tr>. */
export function table(label: string, head: string[], rows: Child[][], id?: string, rowAttrs?: Array<Record<string, string | undefined>>): HTMLTableElement {
  return h(
    'table',
    { 'aria-label': label, ...(id ? { id } : {}) },
    h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...rows.map((r, i) => h('tr', rowAttrs?.[i] ?? {}, ...r.map((c) => h('td', {}, c))))),
  );
}
