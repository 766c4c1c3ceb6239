/**
 * Timing for the quality bench: several checks measured in the same run, interleaved round by round
 * (A, B, C, A, B, C…) so that a change in the shared machine's load hits all of them alike, each
 * reported as median / p95 / p99 of wall time, plus the median of process CPU time. On a loaded machine
 * wall time is mostly waiting for a core (at load 11 on 2 cores the wall p50 was 2–3× the CPU p50);
 * CPU time counts V8's background GC threads too, which is why its tail is not reported (it came out
 * above wall time at p95), but its median is what a run costs when it has a core to itself.
 */
import { percentileSorted } from '../../test/harness/benchStats';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface CheckTiming extends Percentiles {
  name: string;
  /** Median process CPU time (user + system) of one run, ms. */
  cpuP50: number;
}

function summary(samples: Float64Array): Percentiles {
  const s = Float64Array.from(samples).sort();
  return { p50: percentileSorted(s, 50), p95: percentileSorted(s, 95), p99: percentileSorted(s, 99) };
}

/** Runs every check `iterations` times after `warmup` untimed runs each, interleaved. */
export function timeChecks(checks: ReadonlyArray<{ name: string; run: () => void }>, iterations: number, warmup = 50): CheckTiming[] {
  for (const c of checks) for (let i = 0; i < warmup; i++) c.run();
  const wall = checks.map(() => new Float64Array(iterations));
  const cpu = checks.map(() => new Float64Array(iterations));
  for (let i = 0; i < iterations; i++) {
    checks.forEach((c, k) => {
      const used = process.cpuUsage();
      const t = process.hrtime.bigint();
      c.run();
      wall[k][i] = Number(process.hrtime.bigint() - t) / 1e6;
      const d = process.cpuUsage(used);
      cpu[k][i] = (d.user + d.system) / 1e3;
    });
  }
  return checks.map((c, k) => ({ name: c.name, ...summary(wall[k]), cpuP50: summary(cpu[k]).p50 }));
}
