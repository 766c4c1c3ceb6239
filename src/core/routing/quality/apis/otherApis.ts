import type { KnownApis } from '../KnownApis';
import { escapeRe, type InventedApi } from './InventedApi';

// The answer says the type ships with TypeScript ("the built-in RequiredIf utility type").
const CLAIMS_BUILT_IN =
  /\b(?:built-?in|native|standard|utility types?|typescript(?:'s)? (?:has|provides|ships|includes)|ships with|eingebaut\w*|integrad\w*|intégré\w*|nativ\w*)\b/i;

/**
 * A generic type the answer presents as built into TypeScript that TypeScript's libraries do not
 * declare, nor the code itself, nor an import.
 */
export function typescriptInventedType(code: string, prose: string, known: KnownApis): InventedApi | undefined {
  if (!CLAIMS_BUILT_IN.test(prose)) return undefined;
  const lib = known.typescriptTypes();
  if (!lib) return undefined;
  const declared = new Set<string>();
  for (const m of code.matchAll(/\b(?:type|interface|class|enum|namespace)\s+([A-Z]\w*)/g)) declared.add(m[1]);
  for (const m of code.matchAll(/\bimport\s+(?:type\s+)?([^;'"]*?)\s+from\b/g)) for (const n of m[1].match(/\w+/g) ?? []) declared.add(n);
  for (const m of code.matchAll(/<\s*([A-Z]\w*)\s*(?:extends|[,=>])/g)) declared.add(m[1]); // type parameters
  for (const m of code.matchAll(/(?<![\w.])([A-Z]\w*)\s*</g)) {
    if (declared.has(m[1]) || lib.has(m[1])) continue;
    if (!new RegExp(`\\b${escapeRe(m[1])}\\b`).test(prose)) continue; // the claim must be about this name
    return { name: m[1], how: `TypeScript has no built-in ${m[1]}` };
  }
  return undefined;
}

const GO_IMPORT_BLOCK = /^import\s*\(([\s\S]*?)\)/gm;
const GO_IMPORT_LINE = /^import\s+(\w+\s+)?"([\w/.]+)"/gm;

/**
 * Invented Go APIs: `strings.Reverse()` (a standard package has no such name), and a method call on
 * a slice or map (`names.Contains("a")`: Go's built-in types have no methods).
 */
export function goInventedApi(code: string, known: KnownApis): InventedApi | undefined {
  const imports: Array<[string | undefined, string]> = [];
  // Both import patterns start with `import` (anchored with ^, so V8 tries them at every line start).
  if (code.includes('import')) {
    for (const m of code.matchAll(GO_IMPORT_BLOCK)) for (const l of m[1].matchAll(/^\s*(\w+\s+)?"([\w/.]+)"/gm)) imports.push([l[1]?.trim(), l[2]]);
    for (const m of code.matchAll(GO_IMPORT_LINE)) imports.push([m[1]?.trim(), m[2]]);
  }
  for (const [alias, importPath] of imports) {
    const pkg = known.goPackage(importPath);
    if (!pkg || alias === '_' || alias === '.') continue;
    const local = alias ?? pkg.name;
    if (new RegExp(`(?<![\\w.])${escapeRe(local)}\\s*(?::=|=[^=]|\\s+[*\\[\\]\\w.]+\\s*[,)])`).test(code)) continue; // shadowed by a variable or parameter
    for (const m of code.matchAll(new RegExp(`(?<![\\w.])${escapeRe(local)}\\.([A-Z]\\w*)`, 'g'))) {
      if (pkg.names.has(m[1]) || (pkg.name === 'http' && /^Status[A-Z]/.test(m[1]))) continue;
      return { name: `${local}.${m[1]}`, how: `package ${importPath} has no ${m[1]}` };
    }
  }
  const builtins = new Set<string>();
  if (code.includes(':=')) for (const m of code.matchAll(/(?<![\w.])(\w+)\s*:=\s*(?:\[\]|map\[|make\(\s*(?:\[\]|map\[))/g)) builtins.add(m[1]);
  if (code.includes('var')) for (const m of code.matchAll(/\bvar\s+(\w+)\s+(?:\[\]|map\[)/g)) builtins.add(m[1]);
  for (const v of builtins) {
    const call = new RegExp(`(?<![\\w.])${escapeRe(v)}\\.(\\w+)\\(`).exec(code);
    if (call) return { name: `${v}.${call[1]}`, how: `slices and maps have no methods (${call[1]})` };
  }
  return undefined;
}

const JAVA_STATIC =
  /(?<![\w.])(Arrays|Collections|Math|String|List|Map|Set|Files|Paths|Path|Objects|Optional|Integer|Long|Double|Boolean|Character|System|Thread|Collectors|Stream|IntStream|Executors|CompletableFuture|LocalDate|LocalDateTime|Instant|Duration|UUID|Pattern|TimeUnit|HttpClient|HttpRequest|URI)\.([a-zA-Z_]\w*)/g;
const JAVA_TYPES =
  'String|StringBuilder|List|ArrayList|LinkedList|Map|HashMap|TreeMap|LinkedHashMap|Set|HashSet|TreeSet|Optional|Deque|ArrayDeque|Queue|PriorityQueue|Stream|Path|File|LocalDate|LocalDateTime|Instant|Duration|Scanner|Random|Pattern|Matcher|CompletableFuture|ExecutorService|AtomicInteger|Iterator|Collection';
const JAVA_DECL = new RegExp(`(?<![\\w.])(${JAVA_TYPES})(?:<[^;=()]*>)?\\s+(\\w+)\\s*(?=[=;:),])`, 'g');
const JAVA_VAR = new RegExp(`\\bvar\\s+(\\w+)\\s*=\\s*new\\s+(${JAVA_TYPES})\\b`, 'g');

/**
 * Invented Java APIs: `names.joinWith(", ")` on a declared `List<String>`, `Arrays.flatten(…)`. The
 * class must be the java.* one: a class of that name declared or imported from elsewhere is skipped.
 */
export function javaInventedApi(code: string, known: KnownApis): InventedApi | undefined {
  const foreign = new Set<string>();
  for (const m of code.matchAll(/^\s*import\s+(?!java\.)[\w.]+\.(\w+)\s*;/gm)) foreign.add(m[1]);
  for (const m of code.matchAll(/\b(?:class|interface|record|enum)\s+(\w+)/g)) foreign.add(m[1]);
  const types = new Map<string, string | null>();
  for (const re of [JAVA_DECL, JAVA_VAR]) {
    for (const m of code.matchAll(re)) {
      const [type, name] = re === JAVA_DECL ? [m[1], m[2]] : [m[2], m[1]];
      const prev = types.get(name);
      types.set(name, prev !== undefined && prev !== type ? null : type);
    }
  }
  for (const m of code.matchAll(JAVA_STATIC)) {
    if (foreign.has(m[1]) || types.has(m[1])) continue;
    const names = known.javaClass(m[1]);
    if (names && !names.has(m[2])) return { name: `${m[1]}.${m[2]}`, how: `${m[1]} has no ${m[2]}` };
  }
  for (const [variable, type] of types) {
    if (!type || foreign.has(type)) continue;
    const names = known.javaClass(type);
    if (!names) continue;
    for (const m of code.matchAll(new RegExp(`(?<![\\w.])${escapeRe(variable)}\\.(\\w+)\\(`, 'g'))) {
      if (!names.has(m[1])) return { name: `${type}.${m[1]}`, how: `${type} has no method ${m[1]}` };
    }
  }
  return undefined;
}

const RUST_ROOTS = new Set('std core alloc crate self super i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 str char bool'.split(' '));
const STD_DERIVES = /^(?:Debug|Clone|Copy|PartialEq|Eq|Hash|PartialOrd|Ord|Default)$/;

/**
 * Invented Rust APIs, in code that uses only the standard library (another crate could add any
 * method): `.to_int()` is no method of any common std type or trait, `std::fs::read_file` no item
 * of std::fs. Methods the code defines itself (`fn name`) are not invented.
 */
export function rustInventedApi(code: string, known: KnownApis): InventedApi | undefined {
  const methods = known.rustMethods();
  if (!methods) return undefined;
  // Every pass below but the last needs a literal the code may lack (`mod`, `use`, `::`, `extern`,
  // `#[derive(`, `fn`): without it the pass is skipped (\b-led patterns get no literal search from V8).
  const modules = new Set<string>();
  if (code.includes('mod')) for (const m of code.matchAll(/\bmod\s+(\w+)/g)) modules.add(m[1]);
  // `use std::fs;` / `use std::{fs, io::{self, Read}};` make `fs::…` a std path.
  const stdAliases = new Map<string, string>();
  const uses = code.includes('use');
  const paths = code.includes('::');
  if (uses && paths)
    for (const m of code.matchAll(/\buse\s+std::([^;]+);/g)) {
      const flat = m[1].replace(/\s+/g, '');
      for (const path of flat.match(/(?:\w+::)*\w+(?=::\{|[,}]|$)/g) ?? []) {
        const name = path.split('::').at(-1) ?? '';
        if (/^[a-z_]+$/.test(name) && name !== 'self' && known.rustModule(path)) stdAliases.set(name, path);
      }
      for (const g of flat.matchAll(/(\w+)::\{self[,}]/g)) if (known.rustModule(g[1])) stdAliases.set(g[1], g[1]);
    }
  for (const a of stdAliases.keys()) modules.add(a);
  if (paths) for (const m of code.matchAll(/(?<![\w:])([a-z_][a-z0-9_]*)::/g)) if (!RUST_ROOTS.has(m[1]) && !modules.has(m[1])) return undefined;
  if (uses) for (const m of code.matchAll(/\buse\s+([a-z_]\w*)/g)) if (!RUST_ROOTS.has(m[1]) && !modules.has(m[1])) return undefined;
  if (code.includes('extern') && /\bextern\s+crate\b/.test(code)) return undefined;
  if (code.includes('#[derive('))
    for (const m of code.matchAll(/#\[derive\(([^)]*)\)\]/g)) if (m[1].split(',').some((d) => !STD_DERIVES.test(d.trim()))) return undefined;
  if (paths)
    for (const m of code.matchAll(/\bstd::((?:\w+::)*?\w+)::([a-z_]\w*)\s*\(/g)) {
      const items = known.rustModule(m[1]);
      if (items && !items.has(m[2])) return { name: `std::${m[1]}::${m[2]}`, how: `std::${m[1]} has no ${m[2]}` };
    }
  for (const [alias, mod] of stdAliases) {
    for (const m of code.matchAll(new RegExp(`(?<![\\w:])${alias}::([a-z_]\\w*)\\s*\\(`, 'g'))) {
      const items = known.rustModule(mod);
      if (items && !items.has(m[1])) return { name: `std::${mod}::${m[1]}`, how: `std::${mod} has no ${m[1]}` };
    }
  }
  const own = new Set<string>();
  if (code.includes('fn')) for (const m of code.matchAll(/\bfn\s+(\w+)/g)) own.add(m[1]);
  for (const m of code.matchAll(/\.([a-z_]\w*)\s*(?:::<[^>()]*>)?\s*\(/g)) {
    if (!methods.has(m[1]) && !own.has(m[1])) return { name: m[1], how: `no std type or trait has a method ${m[1]}` };
  }
  return undefined;
}

// Options that take a value, per tool, so `git -C repo status` reads `status` as the subcommand.
const VALUE_OPTIONS: Record<string, RegExp> = {
  git: /^(?:-C|-c|--git-dir|--work-tree|--namespace)$/,
  kubectl: /^(?:-n|--namespace|--context|--kubeconfig|-l|--selector|--cluster|--user)$/,
  docker: /^(?:-H|--host|--context|-c|--config|-l|--log-level)$/,
  npm: /^(?:--prefix|-w|--workspace)$/,
  pip: /^(?:--python|--log|--proxy|--timeout|--cert)$/,
  cargo: /^(?:-C|--config|-Z)$/,
  go: /^$/,
};
const TOOLS = /^(?:sudo\s+)?(git|npm|docker|kubectl|pip3?|cargo|go)\s+(.*)$/;
// What any TOOLS match needs in the raw text: the tool's name after a line start, a space, a
// command separator or a prompt, then a space. Most code has none, and is not split into lines.
const ANY_TOOL = /(?:^|[\s&|;])(?:git|npm|docker|kubectl|pip3?|cargo|go)\s/;

/** Invented subcommands in shell lines: `git unpush`, `npm publish-all`, `docker purge`. */
export function cliInventedCommand(code: string, known: KnownApis, shell: boolean): InventedApi | undefined {
  if (!ANY_TOOL.test(code)) return undefined;
  for (const raw of code.split('\n')) {
    // A part's tool name follows, in its line, a line start, a space (trimmed or after a prompt or
    // sudo) or a separator, and is followed by a space: a line without ANY_TOOL has no such part.
    if (!ANY_TOOL.test(raw)) continue;
    for (const part of raw.split(/&&|\|\||;|\|/)) {
      const line = part.trim().replace(/^(?:\$|>|PS>|#)\s+/, '');
      const m = TOOLS.exec(line);
      if (!m) continue;
      const tool = m[1] === 'pip3' ? 'pip' : m[1];
      if (tool === 'go' && !shell) continue; // "go build" in prose is English as often as a command
      const commands = known.cliCommands(tool);
      if (!commands) continue;
      const words = m[2].split(/\s+/);
      let i = 0;
      while (i < words.length && words[i].startsWith('-')) i += !words[i].includes('=') && VALUE_OPTIONS[tool]?.test(words[i]) ? 2 : 1;
      const sub = words[i];
      if (!sub || !/^[a-z][\w-]*$/.test(sub)) continue;
      if (!commands.has(sub)) return { name: `${m[1]} ${sub}`, how: `${m[1]} has no ${sub} command` };
    }
  }
  return undefined;
}
