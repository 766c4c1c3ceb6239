/**
 * Where a CPU profile's time went under one function (default `activate`): inclusive and self time per
 * source function, positions mapped back to src/ through the bundle's source map (Node's own
 * module.SourceMap, so no dependency). For the profiles `activation.bench --profile` writes.
 *   node out/bench/cpuProfileSummary.js <file.cpuprofile> [dist/extension.js.map] [root function]
 */
import * as fs from 'node:fs';
import { SourceMap } from 'node:module';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  inclusive: Array<{ name: string; ms: number }>;
  self: Array<{ name: string; ms: number }>;
}

/**
 * Sums the samples whose stack passes through `root`. A sample's delta is capped at `capUs`: on a loaded
 * machine the process is descheduled and the next sample carries the whole pause, which belongs to no function.
 */
export function summarizeProfile(profile: Profile, map: SourceMap | undefined, root = 'activate', capUs = 1000): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode): string => {
    const f = n.callFrame;
    let where = `${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    if (map && f.url.endsWith('extension.js')) {
      const e = map.findEntry(f.lineNumber, f.columnNumber) as { originalSource?: string; originalLine?: number };
      if (e.originalSource) where = `${e.originalSource.replace(/^.*?\b(src|node_modules)\//, '$1/')}:${(e.originalLine ?? 0) + 1}`;
    }
    return `${f.functionName || '(anonymous)'} ${where}`;
  };
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = Math.min(profile.timeDeltas[i] ?? 0, capUs);
    const stack: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(nodes.get(cur)!);
    if (!stack.some((n) => n.callFrame.functionName === root)) return;
    total += us;
    const leaf = label(stack[0]);
    self.set(leaf, (self.get(leaf) ?? 0) + us);
    // A recursive function counts once per sample.
    for (const name of new Set(stack.slice(0, stack.findIndex((n) => n.callFrame.functionName === root) + 1).map(label)))
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  });
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000 }));
  return { totalMs: total / 1000, inclusive: top(inclusive), self: top(self) };
}

function main(): void {
  const [file, mapFile = 'dist/extension.js.map', root = 'activate'] = process.argv.slice(2);
  if (!file) throw new Error('usage: node out/bench/cpuProfileSummary.js <file.cpuprofile> [bundle.js.map] [root function]');
  const map = fs.existsSync(mapFile) ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8'))) : undefined;
  const s = summarizeProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile, map, root);
  const rows = (xs: ProfileSummary['self'], n: number) => xs.slice(0, n).map((x) => `| ${x.ms.toFixed(1)} | \`${x.name}\` |`);
  console.log(`## ${file}: ${s.totalMs.toFixed(1)} ms sampled under ${root}()\n`);
  console.log('| inclusive ms | function |\n| --- | --- |', `\n${rows(s.inclusive, 40).join('\n')}`);
  console.log('\n| self ms | function |\n| --- | --- |', `\n${rows(s.self, 25).join('\n')}`);
}

if (require.main === module) main();
