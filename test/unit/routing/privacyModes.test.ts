import { strict as assert } from 'node:assert';
import { errorToChunk } from '../../../src/core/chat/errorToChunk';
import type { HybridRequest } from '../../../src/core/routing/HybridStrategy';
import { applyPrivacyMode } from '../../../src/core/routing/applyPrivacyMode';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { assertJarvisError } from '../helpers/assertJarvisError';
import { useFakeServers } from '../helpers/fakeServers';
import { collectChunks, CRITICAL, makeService, modelOf, notices, OPENAI_KEY, prepared, testSettings, TRIVIAL } from './routingServiceSetup';

// Fake values in the issuers' shapes, built at run time so the repository scan does not count them.
const AWS = ['AKIA', 'QWERTYUIOPASDFGH'].join('');
const GH = ['ghp_', 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'].join('');
const VAULT = ['hvs.', 'CAESIJ7xk2Lq9Wm4Rt6Yp8Zs3Nv5'].join('');
const SG = ['SG.', 'ngeVfQFYQlKU0ufo8x5d1A', '.', 'TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr'].join('');
const SLACK = ['xoxb-', '123456789012-1234567890123-', 'AbCdEfGhIjKlMnOpQrStUvWx'].join('');
const PW = 'Falcon42!xk9Qz';

/** One secret on every input path a request has. */
function everyPath(): HybridRequest {
  const prompt = `Refactor this (editor context: the selection uses ${AWS})`;
  return {
    prompt,
    messages: [
      { role: 'system', content: `Relevant memories:\n- the CI token is ${GH}` },
      { role: 'user', content: `earlier I pasted VAULT_TOKEN=${VAULT}` },
      { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'run', input: { cmd: `sshpass -p '${PW}' ssh deploy@host`, n: 2 } }] },
      { role: 'user', content: prompt, toolResults: [{ callId: 'c1', content: `SENDGRID_KEY=${SG}` }] },
    ],
    attachments: [{ path: 'src/notify.ts', content: `const slack = '${SLACK}';` }],
    context: { attachedCode: `const slack = '${SLACK}';` },
  } as HybridRequest;
}

describe('jarvis.privacy.mode on every input path', function () {
  this.timeout(20_000);
  const guard = new PrivacyGuard();

  it('redact: replaces the secret in the prompt (editor context), memory context, history, tool calls, tool results and attachments', async () => {
    const request = everyPath();
    const verdict = await guard.scanDeep({
      prompt: request.prompt,
      attachments: [...request.attachments!, ...request.messages!.map((m) => ({ label: m.role, content: JSON.stringify(m) }))],
    });
    assert.equal(verdict.localOnly, true);
    const out = await applyPrivacyMode('redact', guard, request, verdict);
    const sent = JSON.stringify(out.request);
    for (const s of [AWS, GH, VAULT, SG, SLACK, PW]) assert.ok(!sent.includes(s), `${s} survived: ${sent}`);
    assert.match(out.request.prompt, /\[REDACTED:aws-access-key-id\]/);
    assert.equal(out.request.messages![3].content, out.request.prompt, 'the prompt and the last user message stay the same text');
    assert.deepEqual(Object.keys(out.request.messages![2].toolCalls![0].input), ['cmd', 'n'], 'tool-call input stays a JSON object');
    assert.equal(out.verdict.localOnly, false, 'what is left may leave the machine');
    assert.equal(out.redactions.length, 6);
    assert.match(out.notice ?? '', /^Redacted 6 secrets \(/);
  });

  it('redact cannot lift a file kept local by name or by jarvis.privacy.localOnly', async () => {
    const g = new PrivacyGuard({ localOnlyGlobs: ['internal/**'] });
    const request: HybridRequest = { prompt: `use ${GH}`, attachments: [{ path: 'internal/plan.md', content: 'roadmap' }] };
    const out = await applyPrivacyMode('redact', g, request, await g.scanDeep({ prompt: request.prompt, attachments: request.attachments }));
    assert.equal(out.verdict.localOnly, true);
    assert.deepEqual(out.verdict.reasons, ['local-only path in file internal/plan.md (jarvis local-only globs)']);
  });

  it('keepLocal keeps the verdict; block lifts it for routing and names what must not go to the cloud', async () => {
    const request: HybridRequest = { prompt: `use ${GH}` };
    const verdict = await guard.scanDeep({ prompt: request.prompt });
    const kept = await applyPrivacyMode('keepLocal', guard, request, verdict);
    assert.equal(kept.verdict, verdict);
    assert.equal(kept.request, request);
    const blocked = await applyPrivacyMode('block', guard, request, verdict);
    assert.equal(blocked.verdict.localOnly, false);
    assert.match(blocked.blockCloud ?? '', /GitHub token in prompt line 1/);
    assert.equal(blocked.request.prompt, request.prompt);
  });

  it('changes nothing for a clean request in any mode', async () => {
    const request: HybridRequest = { prompt: 'How do I reverse a list?' };
    const verdict = await guard.scanDeep({ prompt: request.prompt });
    for (const mode of ['keepLocal', 'redact', 'block'] as const) {
      const out = await applyPrivacyMode(mode, guard, request, verdict);
      assert.equal(out.request, request);
      assert.equal(out.notice, undefined);
      assert.equal(out.blockCloud, undefined);
    }
  });
});

describe('RoutingService with jarvis.privacy.mode, against the real fakes', function () {
  this.timeout(20_000);
  const fakes = useFakeServers();
  const cloudBodies = () => fakes.openai.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => JSON.stringify(r.body));
  const settings = (mode: 'keepLocal' | 'redact' | 'block') =>
    testSettings({ ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' }, openai: { baseUrl: fakes.openai.url }, privacy: { mode } });

  it('redact: a critical request with a key goes to the cloud with the key replaced, and the chat says how many', async () => {
    const { service } = makeService({ settings: settings('redact'), keys: { openai: OPENAI_KEY } });
    const chunks = await collectChunks(service.respond(prepared(`${CRITICAL} The deploy key is ${GH}.`)));
    assert.equal(modelOf(chunks).local, false);
    const bodies = cloudBodies();
    assert.equal(bodies.length, 1);
    assert.ok(!bodies[0].includes(GH), bodies[0]);
    assert.match(bodies[0], /\[REDACTED:github-token\]/);
    assert.ok(
      notices(chunks).some((n) => /^Redacted 1 secret \(github-token\)/.test(n)),
      notices(chunks).join('\n'),
    );
  });

  it('block: a request that would go to the cloud is refused with the reason and an action; nothing is sent', async () => {
    const s = settings('block');
    const { service } = makeService({ settings: s, keys: { openai: OPENAI_KEY } });
    const e = await assertJarvisError(collectChunks(service.respond(prepared(`${CRITICAL} The deploy key is ${GH}.`))), 'privacy-blocked');
    assert.match(e.message, /GitHub token in prompt line 1/);
    assert.ok(!e.message.includes(GH));
    assert.deepEqual(
      errorToChunk(e, s).actions.map((a) => a.args),
      [['jarvis.privacy.mode']],
    );
    assert.equal(cloudBodies().length, 0);
  });

  it('block: a request that runs locally anyway is answered, and never escalated to the cloud', async () => {
    const { service } = makeService({ settings: settings('block'), keys: { openai: OPENAI_KEY } });
    const chunks = await collectChunks(service.respond(prepared(`${TRIVIAL} ${GH}`)));
    assert.equal(modelOf(chunks).local, true);
    assert.equal(cloudBodies().length, 0);
  });

  it('keepLocal (the default): the request stays local, as before', async () => {
    const { service } = makeService({ settings: settings('keepLocal'), keys: { openai: OPENAI_KEY } });
    const chunks = await collectChunks(service.respond(prepared(`${CRITICAL} The deploy key is ${GH}.`)));
    assert.equal(modelOf(chunks).local, true);
    assert.equal(cloudBodies().length, 0);
  });
});
