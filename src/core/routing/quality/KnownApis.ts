import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { JarvisError } from '../../../common/errors';

/** data/quality/known-apis.json as scripts/gen-known-apis.mjs writes it: space-separated names. */
interface KnownApisFile {
  python?: { modules?: Record<string, string>; types?: Record<string, string> };
  javascript?: { globals?: Record<string, string>; prototypes?: Record<string, string>; modules?: Record<string, string> };
  typescript?: { types?: string };
  java?: { classes?: Record<string, string> };
  rust?: { methods?: string; modules?: Record<string, string> };
  go?: { packages?: Record<string, string>; imports?: Record<string, string> };
  cli?: Record<string, string | undefined>;
  newer?: Record<string, string>;
}

/** The table's file name, in data/quality/ and, in the packaged extension, dist/vendor/ (esbuild.mjs copies it). */
export const KNOWN_APIS_FILE = 'known-apis.json';

export type ApiLanguage = 'python' | 'javascript' | 'java';

/** git subcommands that are separate installs, not in `git help -a`, but common in answers. */
const GIT_EXTRAS = 'lfs flow filter-repo absorb annex crypt secrets machete town trim extras sizer';

/**
 * The names that really exist in the standard libraries the invented-API rule checks (Python,
 * JavaScript/Node, TypeScript's global types, Java, Rust, Go, and common CLIs' subcommands), read
 * once from the generated table and turned into sets on first use of each part.
 */
export class KnownApis {
  private readonly sets = new Map<string, ReadonlySet<string>>();

  private constructor(private readonly file: KnownApisFile) {}

  /** Parses the table; throws a clear error on a file that is not one. */
  static fromJson(text: string): KnownApis {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new JarvisError('invalid-input', `The known-API table is not JSON (${(e as Error).message}).`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new JarvisError('invalid-input', 'The known-API table must be a JSON object.');
    return new KnownApis(parsed as KnownApisFile);
  }

  /** @param file @default the repository's data/quality/known-apis.json (the extension passes dist/vendor's copy) */
  static async load(file: string = path.resolve(__dirname, '../../../../../data/quality', KNOWN_APIS_FILE)): Promise<KnownApis> {
    return KnownApis.fromJson(await fs.readFile(file, 'utf8'));
  }

  private set(key: string, text: () => string | undefined, extra: () => string[] = () => []): ReadonlySet<string> | undefined {
    let s = this.sets.get(key);
    if (!s) {
      const t = text();
      if (typeof t !== 'string') return undefined;
      s = new Set([...t.split(' ').filter(Boolean), ...extra()]);
      this.sets.set(key, s);
    }
    return s;
  }

  /** Names added after the runtime the table was read from, for `Owner.` in that language. */
  private newer(language: ApiLanguage, owner: string): string[] {
    const prefix = `${owner}.`;
    return (this.file.newer?.[language] ?? '')
      .split(' ')
      .filter((n) => n.startsWith(prefix) && !n.slice(prefix.length).includes('.'))
      .map((n) => n.slice(prefix.length));
  }

  /** Names of a Python module or class (`os.path`, `datetime.datetime`, `pandas`); undefined when not in the table. */
  pythonModule(name: string): ReadonlySet<string> | undefined {
    const modules = this.file.python?.modules;
    if (!modules || !Object.prototype.hasOwnProperty.call(modules, name)) return undefined;
    return this.set(
      `py:${name}`,
      () => modules[name],
      () => this.newer('python', name),
    );
  }

  /** Methods of a Python built-in type (`str`, `list`, `dict`…). */
  pythonType(name: string): ReadonlySet<string> | undefined {
    const types = this.file.python?.types;
    if (!types || !Object.prototype.hasOwnProperty.call(types, name)) return undefined;
    return this.set(
      `pyt:${name}`,
      () => types[name],
      () => this.newer('python', name),
    );
  }

  /** Static members of a JavaScript global (`Promise`, `Object`, `JSON`…). */
  jsGlobal(name: string): ReadonlySet<string> | undefined {
    const g = this.file.javascript?.globals;
    if (!g || !Object.prototype.hasOwnProperty.call(g, name)) return undefined;
    return this.set(
      `jsg:${name}`,
      () => g[name],
      () => this.newer('javascript', name),
    );
  }

  /** Instance members of a JavaScript built-in (`Array`, `String`, `Map`…), Object.prototype's included. */
  jsPrototype(name: string): ReadonlySet<string> | undefined {
    const p = this.file.javascript?.prototypes;
    if (!p || !Object.prototype.hasOwnProperty.call(p, name)) return undefined;
    return this.set(
      `jsp:${name}`,
      () => `${p[name]} ${p.Object ?? ''}`,
      () => this.newer('javascript', name),
    );
  }

  /** Exports of a Node built-in module (`fs`, `fs/promises`, `path`…), without the `node:` prefix. */
  nodeModule(name: string): ReadonlySet<string> | undefined {
    const m = this.file.javascript?.modules;
    const key = name.replace(/^node:/, '');
    if (!m || !Object.prototype.hasOwnProperty.call(m, key)) return undefined;
    return this.set(
      `node:${key}`,
      () => m[key],
      () => this.newer('javascript', key),
    );
  }

  /** TypeScript's global generic types (`Partial`, `Record`, `Awaited`…). */
  typescriptTypes(): ReadonlySet<string> | undefined {
    return this.set('ts', () => this.file.typescript?.types);
  }

  /** Public methods and fields of a common Java class, by simple name (`List`, `Files`…). */
  javaClass(name: string): ReadonlySet<string> | undefined {
    const c = this.file.java?.classes;
    if (!c || !Object.prototype.hasOwnProperty.call(c, name)) return undefined;
    return this.set(
      `java:${name}`,
      () => c[name],
      () => this.newer('java', name),
    );
  }

  /** Every method name of the common std types and traits (str, String, Vec, Option, Iterator…). */
  rustMethods(): ReadonlySet<string> | undefined {
    return this.set('rust', () => this.file.rust?.methods);
  }

  /** Items of a std module (`fs`, `env`, `sync::mpsc`…). */
  rustModule(name: string): ReadonlySet<string> | undefined {
    const m = this.file.rust?.modules;
    if (!m || !Object.prototype.hasOwnProperty.call(m, name)) return undefined;
    return this.set(`rsm:${name}`, () => m[name]);
  }

  /** Exported names of a Go standard package, by import path (`strings`, `net/http`). */
  goPackage(importPath: string): { name: string; names: ReadonlySet<string> } | undefined {
    const name = this.file.go?.imports?.[importPath];
    const packages = this.file.go?.packages;
    if (!name || !packages || !Object.prototype.hasOwnProperty.call(packages, name)) return undefined;
    const names = this.set(`go:${name}`, () => packages[name]);
    return names && { name, names };
  }

  /** Subcommands of a CLI the table knows (`git`, `npm`, `docker`, `kubectl`, `pip`, `cargo`, `go`). */
  cliCommands(tool: string): ReadonlySet<string> | undefined {
    const cli = this.file.cli;
    if (!cli || !Object.prototype.hasOwnProperty.call(cli, tool)) return undefined;
    return this.set(
      `cli:${tool}`,
      () => cli[tool],
      () => (tool === 'git' ? GIT_EXTRAS.split(' ') : []),
    );
  }
}
