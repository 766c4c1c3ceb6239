import * as assert from 'node:assert/strict';
import { EXTENSION_ID, activateJarvis, jarvisExtension } from './jarvisApi';

describe('Extension activation', () => {
  it(`${EXTENSION_ID} is present and activates with its API`, async () => {
    const ext = jarvisExtension();
    assert.equal(ext.id, EXTENSION_ID);
    await activateJarvis();
    assert.equal(ext.isActive, true);
  });

  it('declares no "*" activation event (it must not slow every window down)', () => {
    const events: unknown = jarvisExtension().packageJSON.activationEvents ?? [];
    assert.ok(Array.isArray(events));
    assert.ok(!events.includes('*'), `activationEvents: ${JSON.stringify(events)}`);
  });
});
