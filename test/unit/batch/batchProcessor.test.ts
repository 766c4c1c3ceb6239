import * as assert from 'node:assert/strict';
import { FakeClock } from '../../fakes/FakeClock';
import { isJarvisError } from '../../../src/common/errors';
import { BatchProcessor } from '../../../src/core/batch/BatchProcessor';
import { StreamingBatchProcessor } from '../../../src/core/batch/StreamingBatchProcessor';
import { FakeTimer } from '../../fakes/FakeTimer';

const tick = () => new Promise((r) => setImmediate(r));
const invalid = (message: string) => (e: unknown) => isJarvisError(e, 'invalid-input') && e.message === message;

describe('BatchProcessor', () => {
  it('processes every item, results by index, with totals and success rate', async () => {
    const processor = new BatchProcessor({ batchSize: 100, maxConcurrentBatches: 2 });
    const items = Array.from({ length: 250 }, (_, i) => i);
    const result = await processor.processAll(items, async (n) => n * 2);
    assert.equal(result.totalItems, 250);
    assert.equal(result.successfulItems, 250);
    assert.equal(result.failedItems, 0);
    assert.equal(result.successRate, 1);
    assert.deepEqual(
      result.results,
      items.map((n) => n * 2),
    );
  });

  it('never runs more than batchSize × maxConcurrentBatches items at once', async () => {
    const processor = new BatchProcessor({ batchSize: 3, maxConcurrentBatches: 2 });
    let running = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    const run = processor.processAll(
      Array.from({ length: 20 }, (_, i) => i),
      async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => gates.push(r));
        running--;
      },
    );
    while (gates.length || running) {
      await tick();
      gates.splice(0).forEach((open) => open());
      await tick();
    }
    const result = await run;
    assert.equal(peak, 6);
    assert.equal(result.successfulItems, 20);
  });

  it('continues on error by default, reporting each failure with its index and error', async () => {
    const processor = new BatchProcessor({ batchSize: 4 });
    const boom = new Error('bad item');
    const result = await processor.processAll(
      Array.from({ length: 10 }, (_, i) => i),
      async (n) => {
        if (n === 3 || n === 7) throw boom;
        return n;
      },
    );
    assert.deepEqual(
      result.failures.map((f) => [f.index, f.item, f.error]),
      [
        [3, 3, boom],
        [7, 7, boom],
      ],
    );
    assert.equal(result.successfulItems, 8);
    assert.equal(result.successRate, 0.8);
    assert.equal(result.results[3], undefined);
    assert.equal(result.results[4], 4);
  });

  it('with continueOnError false, starts no batch after a failure and counts the rest as skipped', async () => {
    const processor = new BatchProcessor({ batchSize: 2, maxConcurrentBatches: 1, continueOnError: false });
    const seen: number[] = [];
    const result = await processor.processAll([0, 1, 2, 3, 4, 5], async (n) => {
      seen.push(n);
      if (n === 2) throw new Error('stop here');
      return n;
    });
    assert.deepEqual(seen, [0, 1, 2, 3]);
    assert.equal(result.failedItems, 1);
    assert.equal(result.skippedItems, 2);
    assert.equal(result.successfulItems, 3);
  });

  it('stops scheduling batches when the signal aborts', async () => {
    const processor = new BatchProcessor({ batchSize: 1, maxConcurrentBatches: 1 });
    const controller = new AbortController();
    const result = await processor.processAll(
      [0, 1, 2, 3],
      async (n) => {
        if (n === 1) controller.abort();
        return n;
      },
      { signal: controller.signal },
    );
    assert.equal(result.successfulItems, 2);
    assert.equal(result.skippedItems, 2);
  });

  it('reports duration from the injected clock and a success rate of 1 for no items', async () => {
    const clock = new FakeClock();
    const processor = new BatchProcessor({ clock });
    const result = await processor.processAll([1], async () => clock.advance(42));
    assert.equal(result.durationMs, 42);
    assert.equal((await processor.processAll([], async () => 1)).successRate, 1);
  });

  it('validates options and arguments', async () => {
    assert.throws(() => new BatchProcessor({ batchSize: 0 }), invalid('BatchProcessor: batchSize must be an integer ≥ 1, got 0.'));
    assert.throws(() => new BatchProcessor({ maxConcurrentBatches: 2.5 }), invalid('BatchProcessor: maxConcurrentBatches must be an integer ≥ 1, got 2.5.'));
    assert.throws(() => new BatchProcessor({ continueOnError: 'yes' as never }), invalid('BatchProcessor: continueOnError must be true or false, got yes.'));
    await assert.rejects(
      new BatchProcessor().processAll('abc' as never, async () => 1),
      invalid('BatchProcessor.processAll: items must be an array.'),
    );
  });
});

describe('StreamingBatchProcessor', () => {
  function setup(options: { batchSize?: number; flushIntervalMs?: number; maxPending?: number; fail?: boolean } = {}) {
    const timer = new FakeTimer(new FakeClock());
    const batches: number[][] = [];
    const errors: [unknown, number[]][] = [];
    let gate: Promise<void> = Promise.resolve();
    const processor = new StreamingBatchProcessor<number>({
      timer,
      batchSize: options.batchSize ?? 3,
      flushIntervalMs: options.flushIntervalMs ?? 1000,
      maxPending: options.maxPending,
      processBatch: async (batch) => {
        await gate;
        if (options.fail && batch.includes(13)) throw new Error('unlucky');
        batches.push(batch);
      },
      onError: (e, batch) => errors.push([e, batch]),
    });
    return { timer, processor, batches, errors, setGate: (p: Promise<void>) => (gate = p) };
  }

  it('flushes as soon as batchSize items are waiting', async () => {
    const { processor, batches } = setup();
    for (const n of [1, 2, 3, 4]) await processor.add(n);
    await tick();
    assert.deepEqual(batches, [[1, 2, 3]]);
  });

  it('flushes a partial batch flushIntervalMs after its first item', async () => {
    const { timer, processor, batches } = setup();
    await processor.add(1);
    await timer.advanceAsync(500);
    await processor.add(2);
    await timer.advanceAsync(499);
    assert.deepEqual(batches, []);
    await timer.advanceAsync(1);
    assert.deepEqual(batches, [[1, 2]]);
    await processor.add(3);
    await timer.advanceAsync(1000);
    assert.deepEqual(batches, [[1, 2], [3]]);
  });

  it('stop() flushes what is left, waits for it, and refuses new items', async () => {
    const { timer, processor, batches } = setup();
    await processor.add(1);
    await processor.stop();
    assert.deepEqual(batches, [[1]]);
    assert.equal(timer.pending, 0);
    await assert.rejects(processor.add(2), invalid('StreamingBatchProcessor: cannot add items after stop().'));
  });

  it('applies backpressure: add() waits while maxPending items are buffered or in flight', async () => {
    const { processor, batches, setGate } = setup({ batchSize: 2, maxPending: 4 });
    let open!: () => void;
    setGate(new Promise<void>((r) => (open = r)));
    for (const n of [1, 2, 3, 4]) await processor.add(n);
    let fifthAccepted = false;
    const fifth = processor.add(5).then(() => (fifthAccepted = true));
    await tick();
    assert.equal(fifthAccepted, false, 'the producer is held back');
    assert.equal(processor.stats().pending, 4);
    open();
    await fifth;
    await processor.stop();
    assert.deepEqual(batches, [[1, 2], [3, 4], [5]]);
  });

  it('reports a failed batch to onError and keeps going', async () => {
    const { processor, batches, errors } = setup({ fail: true });
    for (const n of [11, 12, 13, 14]) await processor.add(n);
    await processor.stop();
    assert.deepEqual(batches, [[14]]);
    assert.equal(errors.length, 1);
    assert.deepEqual(errors[0][1], [11, 12, 13]);
    assert.deepEqual(processor.stats(), { batches: 2, failedBatches: 1, processedItems: 1, pending: 0 });
  });

  it('validates its options', () => {
    const processBatch = async () => undefined;
    assert.throws(() => new StreamingBatchProcessor({} as never), invalid('StreamingBatchProcessor: processBatch must be a function.'));
    assert.throws(
      () => new StreamingBatchProcessor({ processBatch, batchSize: 0 }),
      invalid('StreamingBatchProcessor: batchSize must be an integer ≥ 1, got 0.'),
    );
    assert.throws(
      () => new StreamingBatchProcessor({ processBatch, flushIntervalMs: -1 }),
      invalid('StreamingBatchProcessor: flushIntervalMs must be a number > 0, got -1.'),
    );
    assert.throws(
      () => new StreamingBatchProcessor({ processBatch, batchSize: 10, maxPending: 5 }),
      invalid('StreamingBatchProcessor: maxPending (5) must be ≥ batchSize (10).'),
    );
  });
});
