import * as assert from 'node:assert/strict';
import type { OllamaStatus } from '../../../../src/core/llm/ollama/OllamaStatusMonitor';
import { firstRunOffer, ollamaContext, rememberStepDone } from '../../../../src/vscode/walkthrough/firstRunOffer';
import * as fs from 'node:fs';
import * as path from 'node:path';

const host = 'http://127.0.0.1:11434';
const model = 'llama3';
const statuses: Record<OllamaStatus['state'], OllamaStatus> = {
  disabled: { state: 'disabled' },
  checking: { state: 'checking', host, model },
  ready: { state: 'ready', host, model, version: '0.12.0' },
  'model-missing': { state: 'model-missing', host, model, version: '0.12.0' },
  unreachable: { state: 'unreachable', host, model, message: 'connect ECONNREFUSED' },
};

describe('firstRunOffer', () => {
  it('offers the walkthrough when the first check cannot reach Ollama', () => {
    assert.equal(firstRunOffer(statuses.unreachable, false), 'offer');
  });

  it('waits while the first check runs', () => {
    assert.equal(firstRunOffer(statuses.checking, false), 'wait');
  });

  it('does not offer when Ollama answers, with or without the model, or is turned off', () => {
    for (const s of [statuses.ready, statuses['model-missing'], statuses.disabled]) assert.equal(firstRunOffer(s, false), 'skip', s.state);
  });

  it('never offers again once remembered, whatever the status', () => {
    for (const s of Object.values(statuses)) assert.equal(firstRunOffer(s, true), 'skip', s.state);
  });
});

describe('ollamaContext (walkthrough step keys)', () => {
  it('marks Ollama reachable when it answers, and the model ready only when it is installed', () => {
    assert.deepEqual(ollamaContext(statuses.ready), { reachable: true, modelReady: true });
    assert.deepEqual(ollamaContext(statuses['model-missing']), { reachable: true, modelReady: false });
    for (const s of [statuses.unreachable, statuses.checking, statuses.disabled]) {
      assert.deepEqual(ollamaContext(s), { reachable: false, modelReady: false }, s.state);
    }
  });
});

describe('"Remember a decision" step', () => {
  it('is done by a stored decision, not by other kinds of memory', () => {
    assert.equal(rememberStepDone({ type: 'decision' }), true);
    for (const type of ['preference', 'insight', 'observation', 'action_item']) assert.equal(rememberStepDone({ type }), false, type);
  });

  it('completes on the context key the memory event sets, not on running a command', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { walkthroughs: { steps: { id: string; completionEvents: string[] }[] }[] };
    };
    const step = pkg.contributes.walkthroughs[0].steps.find((s) => s.id === 'remember');
    assert.deepEqual(step?.completionEvents, ['onContext:jarvis.walkthrough.remembered']);
  });
});
