import type { KnownApis } from '../KnownApis';
import { escapeRe, type InventedApi } from './InventedApi';

// A JavaScript built-in, unless the code declares or imports that name itself.
const GLOBALS =
  /(?<![\w$.])(Object|Array|Promise|JSON|Math|Number|String|Reflect|Date|console|Symbol|BigInt|Intl|Atomics|ArrayBuffer|Map|Set|RegExp|Error|URL|URLSearchParams|Buffer|process|AbortSignal|Response)\.([A-Za-z_$][\w$]*)/g;
const REQUIRE = /\b(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*['"](?:node:)?([\w/]+)['"]\s*\)/g;
const REQUIRE_DESTRUCTURED = /\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\(\s*['"](?:node:)?([\w/]+)['"]\s*\)/g;
const IMPORT_DEFAULT = /\bimport\s+(?:\*\s+as\s+)?(\w+)\s*(?:,\s*\{[^}]*\}\s*)?from\s*['"](?:node:)?([\w/]+)['"]/g;
const IMPORT_NAMED = /\bimport\s+(?:type\s+)?(?:\w+\s*,\s*)?\{([^}]*)\}\s*from\s*['"](?:node:)?([\w/]+)['"]/g;
// What a declaration's right-hand side (or a TypeScript annotation) says the variable is.
const INIT: Array<[RegExp, string]> = [
  [/^\[/, 'Array'],
  [/^(?:["'`])/, 'String'],
  [/^new\s+(?:Map|WeakMap)\b/, 'Map'],
  [/^new\s+Set\b/, 'Set'],
  [/^new\s+Date\b/, 'Date'],
  [/^new\s+URL\b/, 'URL'],
  [/^(?:new\s+)?RegExp\b|^\/[^/\n]+\/[gimsuy]*\s*;?$/, 'RegExp'],
  [/^Array\.(?:from|of)\(|^Object\.(?:keys|values|entries)\(/, 'Array'],
];
const ANNOTATION: Array<[RegExp, string]> = [
  [/^(?:\w+\[\]|Array<|ReadonlyArray<|readonly \w+\[\])/, 'Array'],
  [/^string\b/, 'String'],
  [/^Map</, 'Map'],
  [/^Set</, 'Set'],
];

/**
 * Invented JavaScript/TypeScript APIs: `Promise.allIgnoringErrors()` (a built-in has no such static),
 * `fs.readFileAsync()` or `import { readJson } from 'fs'` (a Node module has no such export), and
 * `items.last()` on an array literal (no such method on Array.prototype). Names the code declares
 * itself (an `immutable` Map, a local `path`) are not checked.
 */
export function javascriptInventedApi(code: string, known: KnownApis): InventedApi | undefined {
  const declared = declaredNames(code);
  for (const m of code.matchAll(GLOBALS)) {
    if (declared.has(m[1])) continue;
    const names = known.jsGlobal(m[1]);
    if (names && !names.has(m[2])) return { name: `${m[1]}.${m[2]}`, how: `${m[1]} has no ${m[2]}` };
  }
  const modules = new Map<string, string>();
  // Each pattern holds `require(` or `import` literally: code without them skips the pass (a pattern
  // starting with \b gets no literal search from V8, so it is tried at every position).
  const requires = code.includes('require(');
  const imports = code.includes('import');
  for (const re of [REQUIRE, IMPORT_DEFAULT]) {
    if (!(re === REQUIRE ? requires : imports)) continue;
    for (const m of code.matchAll(re)) if (known.nodeModule(m[2])) modules.set(m[1], m[2]);
  }
  for (const re of [REQUIRE_DESTRUCTURED, IMPORT_NAMED]) {
    if (!(re === REQUIRE_DESTRUCTURED ? requires : imports)) continue;
    for (const m of code.matchAll(re)) {
      const names = known.nodeModule(m[2]);
      if (!names) continue;
      for (const part of m[1].split(',')) {
        const name = part
          .trim()
          .split(/\s*(?::|\bas\b)\s*/)[0]
          .replace(/^type\s+/, '');
        if (/^\w+$/.test(name) && !names.has(name)) return { name: `${m[2]}.${name}`, how: `node:${m[2]} has no export ${name}` };
      }
    }
  }
  for (const [local, mod] of modules) {
    for (const m of code.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(local)}\\.(\\w+)(?:\\.(\\w+))?`, 'g'))) {
      const names = known.nodeModule(mod);
      if (!names) break;
      if (!names.has(m[1])) return { name: `${mod}.${m[1]}`, how: `node:${mod} has no ${m[1]}` };
      // fs.promises.readFile: check the promises API too.
      const sub = m[2] ? known.nodeModule(`${mod}/${m[1]}`) : undefined;
      if (sub && m[2] && !sub.has(m[2])) return { name: `${mod}.${m[1]}.${m[2]}`, how: `node:${mod}/${m[1]} has no ${m[2]}` };
    }
  }
  for (const [variable, type] of typedVariables(code)) {
    const names = known.jsPrototype(type);
    if (!names) continue;
    for (const m of code.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(variable)}\\??\\.(\\w+)\\(`, 'g'))) {
      if (!names.has(m[1])) return { name: `${type}.prototype.${m[1]}`, how: `${article(type)} ${type} has no method ${m[1]}` };
    }
  }
  return undefined;
}

const article = (type: string) => (/^[AEIOU]/.test(type) ? 'an' : 'a');

/** Names the code binds itself: declarations, imports (any module), parameters, catch bindings. */
function declaredNames(code: string): Set<string> {
  const out = new Set<string>();
  for (const m of code.matchAll(/\b(?:const|let|var|function|class|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/g)) out.add(m[1]);
  if (code.includes('import'))
    for (const m of code.matchAll(/\bimport\s+([^;'"]*?)\s+from\b/g)) for (const n of m[1].match(/[A-Za-z_$][\w$]*/g) ?? []) out.add(n);
  if (code.includes('require('))
    for (const m of code.matchAll(/\{([^}]*)\}\s*=\s*require\(/g)) for (const n of m[1].match(/[A-Za-z_$][\w$]*/g) ?? []) out.add(n);
  return out;
}

/** Variables declared once with a literal (or annotated) type; redeclared differently: unknown. */
function typedVariables(code: string): Map<string, string> {
  const types = new Map<string, string | null>();
  for (const m of code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*([^=;\n]+?))?\s*=\s*([^\n;]*)/g)) {
    const annotated = m[2] ? ANNOTATION.find(([re]) => re.test(m[2].trim()))?.[1] : undefined;
    const type = m[2] ? annotated : INIT.find(([re]) => re.test(m[3].trim()))?.[1];
    const prev = types.get(m[1]);
    types.set(m[1], !type || (prev !== undefined && prev !== type) ? null : type);
  }
  // Reassigned (`x = …` as a statement): its type may change; leave it. Only a typed name can be
  // affected, so code with none skips the pass.
  if (types.size > 0) for (const m of code.matchAll(/(?:^|[;{}(])[ \t]*([A-Za-z_$][\w$]*)[ \t]*=(?![=>])/gm)) if (types.has(m[1])) types.set(m[1], null);
  const out = new Map<string, string>();
  for (const [k, v] of types) if (v) out.set(k, v);
  return out;
}
