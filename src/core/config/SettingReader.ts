/**
 * Reads `jarvis.<key>` values defensively: a value of the wrong type or out of range is replaced by
 * its default and described in `warnings`, so a typo in settings.json never breaks Jarvis.
 */
export class SettingReader {
  readonly warnings: string[] = [];

  constructor(private readonly read: (key: string) => unknown) {}

  bool(key: string, def: boolean): boolean {
    const v = this.read(key);
    if (v === undefined) return def;
    if (typeof v === 'boolean') return v;
    return this.reject(key, 'must be true or false', v, def);
  }

  int(key: string, def: number, min: number, max: number): number {
    const v = this.read(key);
    if (v === undefined) return def;
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    return this.reject(key, `must be a whole number from ${min} to ${max}`, v, def);
  }

  num(key: string, def: number, min: number, max: number): number {
    const v = this.read(key);
    if (v === undefined) return def;
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return v;
    return this.reject(key, `must be a number from ${min} to ${max}`, v, def);
  }

  /** `check` returns a problem ("must …") or undefined; the value is trimmed first. */
  str(key: string, def: string, check: (s: string) => string | undefined = () => undefined): string {
    const v = this.read(key);
    if (v === undefined) return def;
    if (typeof v !== 'string') return this.reject(key, 'must be a string', v, def);
    const trimmed = v.trim();
    const problem = check(trimmed);
    return problem ? this.reject(key, problem, v, def) : trimmed;
  }

  oneOf<T extends string>(key: string, def: T, allowed: readonly T[]): T {
    const v = this.read(key);
    if (v === undefined) return def;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    return this.reject(key, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`, v, def);
  }

  strings(key: string, def: string[]): string[] {
    const v = this.read(key);
    if (v === undefined) return def;
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v.map((s) => s.trim()).filter((s) => s !== '');
    return this.reject(key, 'must be a list of strings', v, def);
  }

  /** For structured values: `parse` returns the typed value or throws an Error whose message says what is wrong. */
  custom<T>(key: string, def: T, parse: (v: unknown) => T): T {
    const v = this.read(key);
    if (v === undefined) return def;
    try {
      return parse(v);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.warnings.push(`jarvis.${key} is invalid: ${why} Using the default.`);
      return def;
    }
  }

  private reject<T>(key: string, problem: string, got: unknown, def: T): T {
    const shown = typeof def === 'string' ? `"${def}"` : JSON.stringify(def);
    this.warnings.push(`jarvis.${key} ${problem} (got ${show(got)}); using ${shown}.`);
    return def;
  }
}

function show(v: unknown): string {
  // A URL's user:password must never reach a notification or the log.
  const s = JSON.stringify(v)?.replace(/\/\/[^/@\s"]*@/g, '//***@');
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
