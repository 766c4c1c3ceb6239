import type { KnownApis } from '../KnownApis';
import { escapeRe, type InventedApi } from './InventedApi';

const IMPORT = /^[ \t]*import[ \t]+([\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*)[ \t]*(?:#.*)?$/gm;
const FROM_IMPORT = /^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)/gm;
// Literal types of a right-hand side; a call's result is not guessed.
const LITERAL: Array<[RegExp, string]> = [
  [/^(?:[rbuf]|rb|br|fr|rf)?["']/i, 'str'],
  [/^\[/, 'list'],
  [/^\{\s*\}/, 'dict'],
  [/^\{[^{}]*?:/, 'dict'],
  [/^(?:list|sorted)\(/, 'list'],
  [/^dict\(/, 'dict'],
  [/^set\(/, 'set'],
  [/^str\(|^["'][^"'\n]*["']\.join\(/, 'str'],
];
const ANNOTATION = /\b(str|list|dict|set|tuple|bytes|int|float)\b/;

/**
 * Invented Python APIs: `datetime.today_iso()` (a module has no such name), `from os import
 * flatten` (nor does this import), `items.flatten()` on a list literal (a built-in type has no
 * such method). Only names bound by an import of a module the table knows, and variables whose
 * type a literal or annotation shows, are checked; anything else is left alone.
 */
export function pythonInventedApi(code: string, known: KnownApis, inline = false): InventedApi | undefined {
  const bound = new Map<string, string>(); // local name → module or class path
  // Both import patterns hold `import` literally; the string-method pattern a quote and a dot. Code
  // without them skips those passes (anchored or look-behind patterns get no literal search from V8).
  if (code.includes('import')) {
    for (const m of code.matchAll(IMPORT)) {
      for (const part of m[1].split(',')) {
        const [mod, alias] = part.trim().split(/\s+as\s+/);
        if (alias) bound.set(alias, mod);
        else bound.set(mod.split('.')[0], mod.split('.')[0]);
      }
    }
    for (const m of code.matchAll(FROM_IMPORT)) {
      const mod = m[1];
      const names = known.pythonModule(mod);
      if (!names) continue;
      for (const part of m[2].replace(/[()]/g, '').split(',')) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        if (!/^\w+$/.test(name ?? '')) continue;
        if (!names.has(name)) return { name: `${mod}.${name}`, how: `${mod} has no ${name}` };
        const inner = `${mod}.${name}`;
        if (known.pythonModule(inner)) bound.set(alias ?? name, inner);
      }
    }
  }
  // Inline code in prose (`os.path.joinpath()`) names modules without importing them.
  if (inline) for (const root of code.match(/\b[a-z]\w*(?=\.)/g) ?? []) if (!bound.has(root) && known.pythonModule(root)) bound.set(root, root);
  // Read only about bound names: an answer without imports never needs the four passes.
  const reassigned = bound.size > 0 ? assignedNames(code) : new Set<string>();
  for (const [local, target] of bound) {
    if (reassigned.has(local)) continue;
    const re = new RegExp(`(?<![\\w.])${local}((?:\\.\\w+)+)`, 'g');
    for (const m of code.matchAll(re)) {
      let owner = target;
      for (const attr of m[1].slice(1).split('.')) {
        const names = known.pythonModule(owner);
        if (!names) break;
        // Prose writes `datetime.now()` for the class datetime.datetime as often as for the module.
        const alsoClass = inline && owner === target ? known.pythonModule(`${owner}.${owner.split('.').at(-1)}`) : undefined;
        if (!names.has(attr) && !alsoClass?.has(attr) && !attr.startsWith('_')) return { name: `${owner}.${attr}`, how: `${owner} has no ${attr}` };
        if (!names.has(attr)) break;
        owner = `${owner}.${attr}`;
      }
    }
  }
  // Instances of a class the table knows: `counts = Counter(words)`, `Path('x').read_lines()`.
  for (const [local, target] of bound) {
    const names = known.pythonModule(target);
    if (!names || !target.includes('.') || reassigned.has(local)) continue;
    const l = escapeRe(local);
    const direct = new RegExp(`(?<![\\w.])${l}\\([^()\\n]*\\)\\.(\\w+)\\(`).exec(code);
    if (direct && !names.has(direct[1])) return { name: `${target}.${direct[1]}`, how: `${target} has no ${direct[1]}` };
    for (const m of code.matchAll(new RegExp(`^[ \\t]*(\\w+)[ \\t]*=[ \\t]*${l}\\(`, 'gm'))) {
      const call = new RegExp(`(?<![\\w.])${escapeRe(m[1])}\\.(\\w+)\\(`).exec(code);
      if (call && !names.has(call[1]) && !call[1].startsWith('_')) return { name: `${target}.${call[1]}`, how: `${target} has no ${call[1]}` };
    }
  }
  for (const [variable, type] of typedVariables(code)) {
    const methods = known.pythonType(type);
    if (!methods) continue;
    const re = new RegExp(`(?<![\\w.])${variable}\\.(\\w+)\\(`, 'g');
    for (const m of code.matchAll(re)) {
      if (!methods.has(m[1]) && !m[1].startsWith('_')) return { name: `${type}.${m[1]}`, how: `a ${type} has no method ${m[1]}` };
    }
  }
  if (code.includes('".') || code.includes("'."))
    for (const m of code.matchAll(/(?<![\w"'])(["'])[^"'\n\\]{0,80}\1\.(\w+)\(/g)) {
      const methods = known.pythonType('str');
      if (methods && !methods.has(m[2])) return { name: `str.${m[2]}`, how: `a str has no method ${m[2]}` };
    }
  return undefined;
}

/** Names assigned anywhere other than by import (`path = Path(...)`, `for json in …`, parameters). */
function assignedNames(code: string): Set<string> {
  const out = new Set<string>();
  // Each pass needs a literal (`=`, `for`, `def`, `with`): code without it skips the pass.
  if (code.includes('=')) for (const m of code.matchAll(/^[ \t]*(\w+)[ \t]*(?::[^=\n]+)?=(?!=)/gm)) out.add(m[1]);
  if (code.includes('for'))
    for (const m of code.matchAll(/\bfor[ \t]+(\w+)(?:[ \t]*,[ \t]*(\w+))?[ \t]+in\b/g)) {
      out.add(m[1]);
      if (m[2]) out.add(m[2]);
    }
  if (code.includes('def')) for (const m of code.matchAll(/\bdef[ \t]+\w+\(([^)]*)\)/g)) for (const p of m[1].split(',')) out.add(p.trim().split(/[\s:=]/)[0]);
  if (code.includes('with')) for (const m of code.matchAll(/\bwith\b[^\n]*\bas[ \t]+(\w+)/g)) out.add(m[1]);
  return out;
}

/** Variables whose type is plain: one literal or annotated assignment (two different ones: unknown). */
function typedVariables(code: string): Map<string, string> {
  const types = new Map<string, string | null>();
  const note = (name: string, type: string | undefined) => {
    const prev = types.get(name);
    types.set(name, type === undefined || (prev !== undefined && prev !== type) ? null : type);
  };
  // As in assignedNames, a pass whose literal the code lacks is skipped (it would add no entry).
  const passes = { assign: code.includes('='), def: code.includes('def'), for: code.includes('for') };
  if (passes.assign)
    for (const m of code.matchAll(/^[ \t]*(\w+)[ \t]*(?::[ \t]*([^=\n]+?))?[ \t]*=(?!=)[ \t]*([^\n]*)$/gm)) {
      const annotated = m[2] ? ANNOTATION.exec(m[2])?.[1] : undefined;
      const literal = LITERAL.find(([re]) => re.test(m[3]))?.[1];
      note(m[1], m[2] ? (annotated && /^\s*(?:str|list|dict|set|tuple|bytes|int|float)\b/.test(m[2]) ? annotated : undefined) : literal);
    }
  if (passes.def)
    for (const m of code.matchAll(/\bdef[ \t]+\w+\(([^)]*)\)/g)) {
      for (const p of m[1].split(',')) {
        const a = /^\s*(\w+)\s*:\s*(str|list|dict|set|tuple|bytes|int|float)\b/.exec(p);
        if (a) note(a[1], a[2]);
      }
    }
  if (passes.for) for (const m of code.matchAll(/\bfor[ \t]+(\w+)[ \t]+in\b/g)) note(m[1], undefined);
  const out = new Map<string, string>();
  for (const [k, v] of types) if (v) out.set(k, v);
  return out;
}
