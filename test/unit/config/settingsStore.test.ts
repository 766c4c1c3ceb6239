import { strict as assert } from 'node:assert';
import { SettingsStore } from '../../../src/core/config/SettingsStore';
import { nullLogger } from '../../../src/core/ports';
import { MapSettingsSource } from '../../fakes/MapSettingsSource';

describe('SettingsStore', () => {
  it('re-parses on change and reports each invalid value once', async () => {
    const source = new MapSettingsSource();
    source.values.set('ollama.host', 'not a url');
    const store = new SettingsStore(source, nullLogger);
    assert.equal(store.current.ollama.host, 'http://localhost:11434');
    assert.equal(store.warnings.length, 1);
    const reported: string[][] = [];
    store.onInvalidSettings((w) => reported.push(w));
    const changes: string[] = [];
    store.onDidChange((s) => changes.push(s.ollama.model));

    source.set('ollama.model', 'phi3');
    assert.deepEqual(changes, ['phi3']);
    assert.deepEqual(reported, [], 'the same invalid host is not reported again');

    source.set('chat.historyTurns', -1);
    assert.equal(reported.length, 1);
    assert.match(reported[0][0], /jarvis\.chat\.historyTurns/);
    assert.equal(store.current.chat.historyTurns, 10);

    source.set('ollama.host', 'http://127.0.0.1:9999/');
    assert.equal(store.current.ollama.host, 'http://127.0.0.1:9999');
  });
});
