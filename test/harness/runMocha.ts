import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface MochaRunOptions {
  /** Suite name in the summary line (e.g. "integration"). */
  suite: string;
  /** Test files (absolute paths). */
  files: string[];
  /** Per-test timeout. @default 30000 */
  timeoutMs?: number;
}

export interface MochaRunResult {
  passed: number;
  failed: number;
  pending: number;
}

/** Prefix of the one machine-readable line each suite prints; scripts/test-all.mjs sums these. */
export const SUMMARY_PREFIX = 'JARVIS_TEST_SUMMARY';

export function summaryLine(suite: string, r: MochaRunResult): string {
  return `${SUMMARY_PREFIX} ${JSON.stringify({ suite, passed: r.passed, failed: r.failed, pending: r.pending })}`;
}

/** Every file under `dir` whose name ends with `suffix` (e.g. ".itest.js"), sorted for a stable order. */
export function findTestFiles(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f))
    .sort();
}

/**
 * Runs mocha programmatically with the spec reporter (its "N passing / N failing" summary), then prints
 * the machine-readable summary line. Never rejects for failing tests: the counts say so.
 */
export async function runMocha(options: MochaRunOptions): Promise<MochaRunResult> {
  if (options.files.length === 0) throw new Error(`No test files for suite "${options.suite}".`);
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: options.timeoutMs ?? 30_000 });
  // JARVIS_TEST_GREP runs only the tests whose full title matches (e.g. one feature's suite on a busy machine).
  const grep = process.env.JARVIS_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of options.files) mocha.addFile(f);
  await mocha.loadFilesAsync();
  const result = await new Promise<MochaRunResult>((resolve) => {
    const runner = mocha.run(() => {
      const s = runner.stats;
      resolve({ passed: s?.passes ?? 0, failed: s?.failures ?? 0, pending: s?.pending ?? 0 });
    });
  });
  console.log(summaryLine(options.suite, result));
  return result;
}
