// Writes the generated parts of the labelled secret corpus (test/fixtures/secrets/labelled/
// {train,heldout,train-gaps}.jsonl; train-2 to train-7 were written by hand, blind) from the
// templates beside this file, with values from fixed seeds: the same files every run.
//   node scripts/secret-corpus/build.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { values } from './values.mjs';
import { trainSamples } from './train.mjs';
import { heldoutSamples } from './heldout.mjs';
import { gapSamples } from './gaps.mjs';
import { gap3Samples } from './gaps3.mjs';
import { gap4Samples, gap4bSamples, gap4cSamples } from './gaps4.mjs';
import { gap5Samples } from './gaps5.mjs';
import { gap6Samples } from './gaps6.mjs';
import { gap7Samples } from './gaps7.mjs';

const OUT = path.resolve(import.meta.dirname, '../../test/fixtures/secrets/labelled');
fs.mkdirSync(OUT, { recursive: true });
// Each split is one or more generators, each with its own seed; a later generator's records come after
// the earlier ones', so adding one (session 12's gaps3.mjs) leaves the earlier records' ids and values alone.
for (const [split, parts] of [
  ['train', [[trainSamples, 1301]]],
  ['heldout', [[heldoutSamples, 7919]]],
  [
    'train-gaps',
    [
      [gapSamples, 2311],
      [gap3Samples, 2417],
      [gap4Samples, 2521],
      [gap4bSamples, 2531],
      [gap4cSamples, 2539],
      [gap5Samples, 2609],
      [gap6Samples, 2713],
      [gap7Samples, 2801],
    ],
  ],
]) {
  const built = parts.map(([build, seed]) => build(values(seed)));
  const positives = built.flatMap((b) => b.positives);
  const negatives = built.flatMap((b) => b.negatives);
  const rows = built.flatMap((b) => [...b.positives, ...b.negatives]).map((r, i) => ({ id: `${split}-${String(i + 1).padStart(3, '0')}-${r.kind}`, ...r }));
  fs.writeFileSync(path.join(OUT, `${split}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${split}: ${positives.length} secrets, ${negatives.length} clean`);
}
