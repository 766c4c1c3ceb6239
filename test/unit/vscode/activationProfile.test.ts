import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startActivationProfile } from '../../../src/vscode/activationProfile';

describe('startActivationProfile', () => {
  let dir: string;
  let before: string | undefined;
  beforeEach(() => {
    before = process.env.JARVIS_PROFILE_ACTIVATION;
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jarvis-profile-')), 'out');
    process.env.JARVIS_PROFILE_ACTIVATION = dir;
  });
  afterEach(() => {
    if (before === undefined) delete process.env.JARVIS_PROFILE_ACTIVATION;
    else process.env.JARVIS_PROFILE_ACTIVATION = before;
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('ignores the variable where profiling is not allowed (a production host)', () => {
    startActivationProfile(false)();
    assert.equal(fs.existsSync(dir), false);
  });

  it('writes the profile in a development or test host', () => {
    startActivationProfile(true)();
    assert.deepEqual(fs.readdirSync(dir), [`activate-${process.pid}.cpuprofile`]);
  });
});
