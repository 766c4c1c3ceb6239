import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The module-level profiler inside @secretlint/core (11.x): every scan marks each rule's start and
 * end, and its PerformanceObserver keeps every mark and measure forever, searching the whole list on
 * each new mark. In an editor that scans every prompt, that is memory and CPU that grow with every
 * request (measured: 26 of 37 s of a 94-request run). Jarvis never reads those timings, so the lists
 * are emptied after each scan.
 */
export interface SecretlintProfiler {
  perf?: unknown;
  entries: unknown[];
  measures: unknown[];
  executionPromises: unknown[];
}

function isProfiler(x: unknown): x is SecretlintProfiler {
  const p = x as Partial<SecretlintProfiler> | null;
  return !!p && Array.isArray(p.entries) && Array.isArray(p.measures) && Array.isArray(p.executionPromises);
}

/**
 * The profiler instance the loaded core uses: the vendored bundle exports it beside `lintSource`;
 * unbundled (tests, benches) it is the copy of @secretlint/profiler that core itself resolves.
 * Undefined when neither is found (a later secretlint without it): then there is nothing to empty.
 */
export async function findSecretlintProfiler(core: object): Promise<SecretlintProfiler | undefined> {
  const bundled = (core as { secretLintProfiler?: unknown }).secretLintProfiler;
  if (isProfiler(bundled)) return bundled;
  try {
    const beside = createRequire(require.resolve('@secretlint/core')).resolve('@secretlint/profiler');
    const mod = (await import(pathToFileURL(beside).href)) as { secretLintProfiler?: unknown };
    return isProfiler(mod.secretLintProfiler) ? mod.secretLintProfiler : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Points the profiler at a performance object that records nothing. Emptying its own lists is not
 * enough: each `mark` also lands in Node's global performance timeline (about 60 per scan), which
 * nothing clears, so the extension host's memory grew with every prompt. With no marks there are no
 * measures either, so nothing is left pending.
 */
export function silenceProfiler(p: SecretlintProfiler | undefined): void {
  if (!p || typeof p.perf !== 'object' || p.perf === null) return;
  p.perf = { mark: () => undefined, measure: () => undefined };
}

/** Drops the timings kept so far (pending measures still run; nothing awaits them). */
export function forgetProfile(p: SecretlintProfiler | undefined): void {
  if (!p) return;
  p.entries.length = 0;
  p.measures.length = 0;
  p.executionPromises.length = 0;
}
