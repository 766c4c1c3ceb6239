/**
 * Workload benchmark (`npm run bench:workload`): the seed's performance table, measured. The same
 * workload (data/workload) runs through the real ChatEngine + RoutingService twice per scenario —
 * baseline (every request to gpt-4o, the plain SDK) and Jarvis (shipped defaults) — against the
 * HTTP fakes driven by simulated models (bench/workload/simulator.ts), in virtual time
 * (bench/workload/virtualTime.ts). Prints markdown, writes docs/figures/workload.{json,svg}.
 * Never fails on figures.
 *
 *   npm run bench:workload
 */
import { virtualTime } from './workload/installVirtualTime';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workloadChart } from './workload/chart';
import { byTier, summarizeRun } from './workload/metrics';
import { seedTable, type LabelledRun } from './workload/report';
import { runConfig, type ConfigName, type RunOptions } from './workload/runConfig';
import { modelProfiles, Simulator, type Scenario } from './workload/simulator';
import { loadWorkload, TIERS } from './workload/workload';

const repo = path.resolve(__dirname, '../..');
const OPTIONS: RunOptions = { concurrency: 2, patienceMs: 60_000, localParallel: 1 };

async function run(config: ConfigName, scenario: Scenario, workload: ReturnType<typeof loadWorkload>) {
  const realStart = process.hrtime.bigint();
  const sim = new Simulator(workload, scenario);
  const { records, makespanMs } = await runConfig(config, workload, sim, OPTIONS);
  const summary = summarizeRun(records, makespanMs);
  const realMs = Number(process.hrtime.bigint() - realStart) / 1e6;
  console.error(
    `[workload] ${config} ${scenario.label}: ${records.length} requests, ${(makespanMs / 1000).toFixed(0)} simulated s in ${(realMs / 1000).toFixed(1)} real s (${virtualTime.fired} timers so far)`,
  );
  return { config, scenario, summary, makespanMs, records, realMs };
}

async function main(): Promise<void> {
  const workload = loadWorkload(path.join(repo, 'data', 'workload'));
  const n = workload.requests.length;
  const repeats = workload.requests.filter((r) => r.repeatOf).length;
  const tiers = Object.fromEntries(['trivial', 'low', 'medium', 'high', 'critical'].map((t) => [t, workload.requests.filter((r) => r.tier === t).length]));
  console.log(
    `Workload: ${n} requests in ${workload.sessions.length} sessions (${JSON.stringify(tiers)}), ${repeats} word-for-word repeats, ${workload.requests.filter((r) => r.attachment).length} with attached code.`,
  );
  console.log(
    `Virtual time (the code's own CPU time counts as zero; see below); concurrency ${OPTIONS.concurrency} sessions; local server answers ${OPTIONS.localParallel} request at a time; the user gives up after ${OPTIONS.patienceMs / 1000} s.\n`,
  );

  // Calibration: with no model latency the simulated durations are ~0 (code time is not counted);
  // the real wall time per request is what the code paths (ChatEngine, routing, SDKs, loopback HTTP
  // and the fakes themselves) cost on this machine: the time the figures below leave out.
  const zero: Scenario = { label: 'zero latency', localSpeed: 'fast', localQuality: 'high', cloudErrorRate: 0, zeroLatency: true };
  const calibration = [await run('baseline', zero, workload), await run('jarvis', zero, workload)];
  for (const c of calibration)
    console.log(
      `Real time per request with zero model latency (code paths + SDK + HTTP + fakes, not in the figures), ${c.config}: ${(c.realMs / c.records.length).toFixed(1)} ms.`,
    );
  if (process.env.JARVIS_WORKLOAD_CALIBRATE_ONLY) return;

  const results = [];
  for (const cloudErrorRate of [0, 0.12]) {
    const runs: LabelledRun[] = [];
    const base = await run('baseline', { label: `cloud errors ${cloudErrorRate * 100}%`, localSpeed: 'fast', localQuality: 'high', cloudErrorRate }, workload);
    results.push(base);
    runs.push({ label: `baseline (gpt-4o only), cloud errors ${cloudErrorRate * 100}%`, summary: base.summary });
    for (const localSpeed of ['fast', 'slow'] as const) {
      for (const localQuality of ['high', 'low'] as const) {
        const scenario: Scenario = {
          label: `local ${localSpeed}, quality ${localQuality}, cloud errors ${cloudErrorRate * 100}%`,
          localSpeed,
          localQuality,
          cloudErrorRate,
        };
        const r = await run('jarvis', scenario, workload);
        results.push(r);
        runs.push({ label: `Jarvis: ${scenario.label}`, summary: r.summary });
      }
    }
    console.log(`\n## Cloud error rate ${cloudErrorRate * 100}% per attempt\n`);
    console.log(seedTable(runs));
  }
  // Where the difference comes from: by the tier a human gave each request.
  const headline = results.find(
    (r) => r.config === 'jarvis' && r.scenario.localSpeed === 'fast' && r.scenario.localQuality === 'high' && r.scenario.cloudErrorRate === 0,
  )!;
  const baseline = results.find((r) => r.config === 'baseline' && r.scenario.cloudErrorRate === 0)!;
  const jt = byTier(headline.records, TIERS);
  const bt = byTier(baseline.records, TIERS);
  console.log('\n## By human-labelled tier (Jarvis: local fast, quality high, cloud errors 0%; baseline at 0%)\n');
  console.log('| Tier | Requests | Jarvis judged it | Jarvis local | Jarvis good | Baseline good | Jarvis cost | Baseline cost |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [i, t] of jt.entries()) {
    const judged = Object.entries(t.judged)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `| ${t.tier} | ${t.requests} | ${judged} | ${(t.localShare * 100).toFixed(0)}% | ${(t.goodShare * 100).toFixed(0)}% | ${(bt[i].goodShare * 100).toFixed(0)}% | $${t.costUsd.toFixed(3)} | $${bt[i].costUsd.toFixed(3)} |`,
    );
  }

  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}, ${os.platform()}`;
  const all: LabelledRun[] = results.map((r) => ({
    label: `${r.config === 'baseline' ? 'baseline' : 'Jarvis'}: ${r.config === 'baseline' ? `cloud errors ${r.scenario.cloudErrorRate * 100}%` : r.scenario.label}`,
    summary: r.summary,
  }));
  const outDir = path.join(repo, 'docs', 'figures');
  fs.mkdirSync(outDir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  fs.writeFileSync(path.join(outDir, 'workload.svg'), workloadChart(all, `Workload benchmark, ${n} requests, simulated models (${date})`) + '\n');
  fs.writeFileSync(
    path.join(outDir, 'workload.json'),
    JSON.stringify(
      {
        date,
        machine,
        time: 'virtual',
        options: OPTIONS,
        workload: { requests: n, sessions: workload.sessions.length, tiers, repeats },
        models: {
          fastHigh: modelProfiles({ label: '', localSpeed: 'fast', localQuality: 'high', cloudErrorRate: 0 }),
          slowLow: modelProfiles({ label: '', localSpeed: 'slow', localQuality: 'low', cloudErrorRate: 0 }),
        },
        calibration: calibration.map((c) => ({ config: c.config, realMsPerRequest: c.realMs / c.records.length })),
        runs: results.map((r) => ({ config: r.config, scenario: r.scenario, makespanMs: r.makespanMs, summary: r.summary, byTier: byTier(r.records, TIERS) })),
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nMachine: ${machine}. Wrote docs/figures/workload.json and docs/figures/workload.svg.`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
