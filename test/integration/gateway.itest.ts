import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import OpenAI from 'openai';
import * as vscode from 'vscode';
import { activateJarvis, type JarvisApi } from './jarvisApi';

type GatewayState = { state: string; port?: number; error?: string };
type GatewayApi = JarvisApi & {
  gateway?: {
    keys: { create(input: { name: string; role: string }): Promise<{ key: string }> };
    state(): GatewayState;
    apply(): Promise<GatewayState>;
  };
};

/** Applies the settings until `want` is reached: the configuration event reaches Jarvis after update() resolves. */
async function settle(api: NonNullable<GatewayApi['gateway']>, want: string): Promise<GatewayState> {
  let state = await api.apply();
  for (let i = 0; i < 100 && state.state !== want; i++) {
    await new Promise((r) => setTimeout(r, 50));
    state = await api.apply();
  }
  return state;
}

/** A port nothing listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('Gateway in the real extension host: enabled by settings, used with the openai client', function () {
  this.timeout(120_000);
  let api: GatewayApi;
  const config = () => vscode.workspace.getConfiguration('jarvis');

  before(async () => {
    api = (await activateJarvis()) as GatewayApi;
  });

  after(async () => {
    await config().update('gateway.enabled', undefined, vscode.ConfigurationTarget.Global);
    await config().update('gateway.port', undefined, vscode.ConfigurationTarget.Global);
  });

  it('is off by default, starts on the setting, answers a chat completion through routing, and stops on the setting', async () => {
    assert.ok(api.gateway, 'activate() must return `gateway` in test mode');
    assert.equal(api.gateway.state().state, 'off', 'nothing listens until the setting is on');
    const port = await freePort();
    await config().update('gateway.port', port, vscode.ConfigurationTarget.Global);
    await config().update('gateway.enabled', true, vscode.ConfigurationTarget.Global);
    const state = await settle(api.gateway, 'running');
    assert.deepEqual(state, { state: 'running', port });

    const { key } = await api.gateway.keys.create({ name: `itest-${Date.now()}`, role: 'user' });
    const client = new OpenAI({ apiKey: key, baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 });
    const ids: string[] = [];
    for await (const m of client.models.list()) ids.push(m.id);
    assert.ok(ids.includes('jarvis-auto'), ids.join(', '));
    const answer = await client.chat.completions.create({ model: 'jarvis-auto', messages: [{ role: 'user', content: 'What is a closure?' }] });
    assert.match(answer.choices[0].message.content ?? '', /fake Ollama/, JSON.stringify(answer));
    assert.match(answer.model, /^ollama\//);
    await assert.rejects(
      new OpenAI({ apiKey: 'jgw_wrong', baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 }).models.list(),
      (e: unknown) => e instanceof OpenAI.AuthenticationError,
    );

    await config().update('gateway.enabled', false, vscode.ConfigurationTarget.Global);
    assert.equal((await settle(api.gateway, 'off')).state, 'off');
    await assert.rejects(client.models.list(), (e: unknown) => e instanceof OpenAI.APIConnectionError);
  });
});
