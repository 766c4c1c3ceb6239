import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { ComplexityFeedback } from '../../../../src/core/routing/complexity/ComplexityFeedback';
import { resetRoutingLearning, type ResetRoutingLearningWindow } from '../../../../src/vscode/commands/resetRoutingLearning';
import { FakeClock } from '../../../fakes/FakeClock';
import { MemoryKv } from '../../../fakes/MemoryKv';
import { useFakeServers } from '../../helpers/fakeServers';
import { collectChunks, makeService, notices, OPENAI_KEY, prepared, shippedComplexityModel, testSettings } from '../../routing/routingServiceSetup';

const ASK = 'Write a function that reverses a string in place.';

/** vscode.window as the command sees it: answers the modal question with `answer`, records what the user was told. */
class RecordingWindow implements ResetRoutingLearningWindow {
  readonly asked: { message: string; modal: boolean | undefined; items: string[] }[] = [];
  readonly told: string[] = [];
  constructor(private readonly answer: string | undefined) {}
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined> {
    this.asked.push({ message, modal: options.modal, items });
    return Promise.resolve(this.answer);
  }
  showInformationMessage(message: string): Thenable<unknown> {
    this.told.push(message);
    return Promise.resolve(undefined);
  }
}

/**
 * "Jarvis: Reset Routing Learning" through its real handler (the function registerRoutingCommands
 * registers) and the real RoutingService, after an escalation taught it something.
 */
describe('Reset Routing Learning (command handler)', () => {
  const fakes = useFakeServers();

  async function taught() {
    const workspaceStore = new MemoryKv();
    const settings = testSettings({ ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' }, openai: { baseUrl: fakes.openai.url } });
    const { service } = makeService({ settings, keys: { openai: OPENAI_KEY }, workspaceStore, complexityModel: shippedComplexityModel });
    fakes.ollama.configure({ reply: "I'm sorry, but I can't help with that." });
    const chunks = await collectChunks(service.respond(prepared(ASK)));
    assert.ok(
      notices(chunks).some((n) => /→ escalated to /.test(n)),
      notices(chunks).join('\n'),
    );
    await Promise.resolve();
    const lift = () => new ComplexityFeedback({ store: workspaceStore, clock: new FakeClock(Date.UTC(2025, 0, 15, 12)) }).liftFor(ASK).lift;
    assert.equal(service.routingLearning().qualityEscalations, 1);
    assert.ok(lift() > 0);
    return { service, lift };
  }

  it('asks first; on Reset it clears the adjustment, refreshes the status page and tells the user', async () => {
    const { service, lift } = await taught();
    const window = new RecordingWindow('Reset');
    let refreshed = 0;
    const handler = resetRoutingLearning({ service, window, onReset: () => refreshed++ });
    assert.equal(await handler(), true);
    assert.deepEqual(window.asked, [
      { message: 'Forget what Jarvis learned about routing in this workspace (from /cloud re-asks and escalations)?', modal: true, items: ['Reset'] },
    ]);
    const status = service.routingLearning();
    assert.deepEqual([status.qualityEscalations, status.cloudReasks, status.topWords], [0, 0, []]);
    assert.equal(lift(), 0, 'gone from the workspace store too');
    assert.equal(refreshed, 1);
    assert.deepEqual(window.told, ['Jarvis: routing learning for this workspace was reset.']);
  });

  it('dismissed, it keeps what was learned and says nothing', async () => {
    const { service, lift } = await taught();
    const window = new RecordingWindow(undefined);
    let refreshed = 0;
    assert.equal(await resetRoutingLearning({ service, window, onReset: () => refreshed++ })(), false);
    assert.equal(service.routingLearning().qualityEscalations, 1);
    assert.ok(lift() > 0);
    assert.deepEqual([refreshed, window.told], [0, []]);
  });

  it('{ confirm: false } (tests, other extensions) resets without the question', async () => {
    const { service, lift } = await taught();
    const window = new RecordingWindow(undefined);
    assert.equal(await resetRoutingLearning({ service, window, onReset: () => undefined })({ confirm: false }), true);
    assert.deepEqual(window.asked, []);
    assert.equal(lift(), 0);
    assert.deepEqual(window.told, ['Jarvis: routing learning for this workspace was reset.']);
  });
});
