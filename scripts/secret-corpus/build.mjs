// Writes the generated parts of the labelled secret corpus (test/fixtures/secrets/labelled/
// {train,heldout,train-gaps}.jsonl) from the
// templates beside this file, with values from fixed seeds: the same files every run.
//   node scripts/secret-corpus/build.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { values } from './values.mjs';
import { trainSamples } from './train.mjs';
import { heldoutSamples } from './heldout.mjs';
import { gapSamples } from './gaps.mjs';

const OUT = path.resolve(import.meta.dirname, '../../test/fixtures/secrets/labelled');
fs.mkdirSync(OUT, { recursive: true });
for (const [split, build, seed] of [
  ['train', trainSamples, 1301],
  ['heldout', heldoutSamples, 7919],
  ['train-gaps', gapSamples, 2311],
]) {
  const { positives, negatives } = build(values(seed));
  const rows = [...positives, ...negatives].map((r, i) => ({ id: `${split}-${String(i + 1).padStart(3, '0')}-${r.kind}`, ...r }));
  fs.writeFileSync(path.join(OUT, `${split}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${split}: ${positives.length} secrets, ${negatives.length} clean`);
}
