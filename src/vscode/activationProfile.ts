import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A CPU profile of activate() when JARVIS_PROFILE_ACTIVATION names a directory: the activation bench's
 * `--profile` sets it for code-server's extension host, where VS Code's "activated in" figure comes
 * from (a stubbed `vscode` in plain Node misses the real API's cost). Unset, it costs one env lookup:
 * node:inspector is not even loaded. Returns the function that stops the profile and writes
 * `activate-<pid>.cpuprofile` (open it in Chrome DevTools, or `node out/bench/cpuProfileSummary.js`).
 * `allowed` is false in ExtensionMode.Production, where the variable is ignored.
 */
export function startActivationProfile(allowed: boolean): () => void {
  const dir = process.env.JARVIS_PROFILE_ACTIVATION;
  // Only in development and test hosts: an environment variable must not profile a user's production extension.
  if (!allowed || !dir) return () => undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only when profiling is asked for
  const { Session } = require('node:inspector') as typeof import('node:inspector');
  const session = new Session();
  session.connect();
  // A same-thread session answers synchronously, so sampling has started when this returns.
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 100 });
  session.post('Profiler.start');
  return () =>
    session.post('Profiler.stop', (err, result) => {
      session.disconnect();
      if (err) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `activate-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
}
