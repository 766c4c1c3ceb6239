import * as path from 'node:path';
import type * as TreeSitter from '@vscode/tree-sitter-wasm';
import { errorMessage } from '../../../common/errors';
import { Lazy } from '../../../common/Lazy';
import { nullLogger, type Logger } from '../../ports';
import type { SyntaxChecker } from './QualityRule';
import { dialectForm } from './dialectForms';
import { dockerfileErrorLine } from './dockerfileSyntax';
import { GRAMMAR_FILES, installedWasmPath } from './grammarFiles';
import { loadSqlParser, sqlErrorLine } from './sqlSyntax';
import { yamlErrorLine } from './yamlSyntax';

type TreeSitterModule = typeof TreeSitter;

/**
 * Languages checked by a parser of their own instead of a tree-sitter grammar (no maintained prebuilt
 * grammar ships for them): YAML through js-yaml, Dockerfiles through dockerfile-utils (both pure JS,
 * no loading), SQL through sqlparser-rs (WASM, loaded on first use).
 */
const PURE_JS: ReadonlySet<string> = new Set(['yaml', 'dockerfile']);
const OWN_PARSER: ReadonlySet<string> = new Set([...PURE_JS, 'sql']);

/**
 * What a fragment is parsed inside when it does not parse alone: C# and Java members outside a class,
 * Rust, C/C++ and Dart statements (or Rust's tail expression) outside a function, XML siblings
 * without a root. Go, Python, Kotlin, Swift and the scripting grammars accept top-level statements already.
 */
const FRAGMENT_WRAPPERS: Readonly<Record<string, readonly [string, string]>> = {
  csharp: ['class JarvisFragment {', '}'],
  java: ['class JarvisFragment {', '}'],
  rust: ['fn jarvis_fragment() {', '}'],
  cpp: ['void jarvis_fragment() {', '}'],
  c: ['void jarvis_fragment() {', '}'],
  dart: ['void jarvisFragment() {', '}'],
  // Sibling elements (a few lines of a layout or a pom.xml) have no single root of their own.
  xml: ['<jarvis-fragment>', '</jarvis-fragment>'],
};

const INITIALISED = new WeakMap<object, Promise<void>>();

/** Beyond this a block is not parsed (its start is): parsing cost stays bounded on huge answers. */
const MAX_PARSED_CHARS = 16 * 1024;

export interface TreeSitterOptions {
  /** Folder holding tree-sitter.wasm and every grammar file (the bundle's dist/vendor). @default the installed packages' folders */
  wasmDir?: string;
  logger?: Logger;
  /** Loads the tree-sitter module; tests replace it to simulate a broken install. */
  load?: () => TreeSitterModule | Promise<TreeSitterModule>;
  /** Loads the SQL parser; tests replace it to simulate a broken install. */
  loadSql?: () => Promise<SqlParser>;
}

type SqlParser = Awaited<ReturnType<typeof loadSqlParser>>;

/**
 * Syntax checks through web-tree-sitter grammars, each loaded on first use of its language (a
 * grammar is 0.2–5 MB of WASM; most sessions need two or three). A grammar that fails to load is
 * logged once and its language is then skipped for the session, never failed.
 */
export class TreeSitterSyntax implements SyntaxChecker {
  private readonly module: Lazy<TreeSitterModule>;
  private readonly languages = new Map<string, Promise<TreeSitter.Language | undefined>>();
  private readonly ready = new Map<string, TreeSitter.Language>();
  private readonly failed = new Set<string>();
  private parser: TreeSitter.Parser | undefined;
  /** Parses run so far: the work a check costs, for tests and the bench. */
  parses = 0;
  private readonly logger: Logger;
  private readonly wasmPath: (file: string) => string;
  private readonly sql: Lazy<SqlParser | undefined>;
  private sqlParser: SqlParser | undefined;

  constructor(options: TreeSitterOptions = {}) {
    this.logger = options.logger ?? nullLogger;
    const load = options.load ?? (() => loadTreeSitter());
    const dir = options.wasmDir;
    this.wasmPath = (file) => (dir !== undefined ? path.join(dir, file) : installedWasmPath(file));
    const loadSql = options.loadSql ?? loadSqlParser;
    this.sql = new Lazy(async () => {
      try {
        this.sqlParser = await loadSql();
      } catch (e) {
        this.logger.warn(`Quality gate: could not load the SQL parser (${errorMessage(e)}); that syntax check is skipped.`);
      }
      return this.sqlParser;
    });
    this.module = new Lazy(async () => {
      const ts = await load();
      // Parser.init instantiates the one tree-sitter runtime of the process: a second init while
      // another instance parses breaks that instance ("null function or function signature
      // mismatch"), so every TreeSitterSyntax of one module shares one init.
      let init = INITIALISED.get(ts);
      if (!init) {
        init = ts.Parser.init({ locateFile: (file: string) => this.wasmPath(file) });
        INITIALISED.set(ts, init);
        init.catch(() => INITIALISED.delete(ts));
      }
      await init;
      return ts;
    });
  }

  /** True when this language has a grammar at all (loaded or not). */
  static supports(language: string): boolean {
    return Object.prototype.hasOwnProperty.call(GRAMMAR_FILES, language) || OWN_PARSER.has(language);
  }

  supports(language: string): boolean {
    return TreeSitterSyntax.supports(language);
  }

  /** Loads the grammars of these languages (once each); never rejects. */
  async warm(languages: Iterable<string>): Promise<void> {
    const wanted = new Set<string>();
    let sql = false;
    for (const l of languages) {
      sql ||= l === 'sql';
      for (const f of GRAMMAR_FILES[l] ?? []) wanted.add(f);
    }
    await Promise.all([...[...wanted].map((f) => this.grammar(f)), sql ? this.sql.get() : undefined]);
  }

  available(language: string): boolean {
    // What `check` needs before it parses; a language whose parser threw is not available any more.
    if (PURE_JS.has(language)) return true;
    if (language === 'sql') return this.sqlParser !== undefined && !this.failed.has(language);
    return this.parser !== undefined && !this.failed.has(language) && (GRAMMAR_FILES[language] ?? []).some((f) => this.ready.has(f));
  }

  check(language: string, code: string): { ok: true } | { ok: false; line: number } | 'unavailable' {
    if (PURE_JS.has(language)) {
      const line = (language === 'yaml' ? yamlErrorLine : dockerfileErrorLine)(code.slice(0, MAX_PARSED_CHARS));
      return line === 'unjudged' ? 'unavailable' : line === undefined ? { ok: true } : { ok: false, line };
    }
    if (language === 'sql') return this.checkSql(code);
    const files = GRAMMAR_FILES[language];
    if (!files) return 'unavailable';
    // JSX is tried first when the code has closing tags: one parse instead of a failed one and a retry.
    const ordered = language === 'typescript' && /<\/[A-Za-z]|\/>/.test(code) ? [...files].reverse() : files;
    const grammars = ordered.map((f) => this.ready.get(f)).filter((g): g is TreeSitter.Language => g !== undefined);
    if (grammars.length === 0 || !this.parser) return 'unavailable';
    const whole = dialectForm(language, code);
    const clipped = whole.length > MAX_PARSED_CHARS ? whole.slice(0, whole.lastIndexOf('\n', MAX_PARSED_CHARS) + 1 || MAX_PARSED_CHARS) : whole;
    // Fences drop the last newline, and some grammars need it to end the last statement (Go's
    // `}` of a struct, a loop or an if is terminated by it): without it a good block reads as MISSING.
    const src = clipped.endsWith('\n') ? clipped : `${clipped}\n`;
    let firstError: number | undefined;
    try {
      for (const g of grammars) {
        const line = this.firstError(g, src);
        if (line === undefined) return { ok: true };
        firstError ??= line;
      }
      // A fragment (class members, statements or a tail expression outside any function) is how answers
      // show code: parsed again inside the wrapper its language needs. Unbalanced braces stay errors,
      // since the wrapper's own closing brace is then taken and the wrapper is left MISSING one.
      const wrap = FRAGMENT_WRAPPERS[language];
      if (wrap && grammars.some((g) => this.firstError(g, `${wrap[0]}\n${src}${wrap[1]}\n`) === undefined)) return { ok: true };
    } catch (e) {
      // A broken runtime must cost the syntax check, never the answer: logged once, then skipped.
      if (!this.failed.has(language)) {
        this.failed.add(language);
        this.logger.warn(`Quality gate: the ${language} parser failed (${errorMessage(e)}); that syntax check is skipped.`);
      }
      return 'unavailable';
    }
    return firstError === undefined ? 'unavailable' : { ok: false, line: firstError };
  }

  private checkSql(code: string): { ok: true } | { ok: false; line: number } | 'unavailable' {
    if (!this.sqlParser || this.failed.has('sql')) return 'unavailable';
    try {
      const line = sqlErrorLine(this.sqlParser, code.slice(0, MAX_PARSED_CHARS));
      return line === 'unjudged' ? 'unavailable' : line === undefined ? { ok: true } : { ok: false, line };
    } catch (e) {
      this.failed.add('sql');
      this.logger.warn(`Quality gate: the SQL parser failed (${errorMessage(e)}); that syntax check is skipped.`);
      return 'unavailable';
    }
  }

  /** The 1-based line of the first parse error, or undefined when the code parses. */
  private firstError(grammar: TreeSitter.Language, src: string): number | undefined {
    const parser = this.parser as TreeSitter.Parser;
    parser.setLanguage(grammar);
    this.parses++;
    const tree = parser.parse(src);
    if (!tree) return undefined;
    try {
      return tree.rootNode.hasError ? errorLine(tree.rootNode) + 1 : undefined;
    } finally {
      tree.delete();
    }
  }

  private grammar(file: string): Promise<TreeSitter.Language | undefined> {
    let pending = this.languages.get(file);
    if (!pending) {
      pending = (async () => {
        try {
          const ts = await this.module.get();
          this.parser ??= new ts.Parser();
          const lang = await ts.Language.load(this.wasmPath(file));
          this.ready.set(file, lang);
          return lang;
        } catch (e) {
          if (!this.failed.has(file)) {
            this.failed.add(file);
            this.logger.warn(`Quality gate: could not load the ${file} grammar (${errorMessage(e)}); that syntax check is skipped.`);
          }
          return undefined;
        }
      })();
      this.languages.set(file, pending);
    }
    return pending;
  }
}

function errorLine(node: TreeSitter.Node): number {
  for (let depth = 0; depth < 200; depth++) {
    let next: TreeSitter.Node | undefined;
    for (const child of node.children) {
      if (!child) continue;
      if (child.isError || child.isMissing) return child.startPosition.row;
      if (child.hasError) {
        next = child;
        break;
      }
    }
    if (!next) return node.startPosition.row;
    node = next;
  }
  return node.startPosition.row;
}

/**
 * Deferred `require` (see esbuild.shared.mjs): the extension bundle keeps this package in
 * dist/vendor/, its WASM files beside it, so activation never reads them.
 */
function loadTreeSitter(): TreeSitterModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
  return require('@vscode/tree-sitter-wasm') as TreeSitterModule;
}
