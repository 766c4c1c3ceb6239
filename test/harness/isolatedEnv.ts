import * as path from 'node:path';

/**
 * The environment for a process the harness starts (code-server, Chromium, npm): config, data and cache
 * dirs inside `dir` (a temp dir the caller removes), so nothing lands in the user's home — code-server,
 * for one, writes a default config.yaml on first run.
 */
export function isolatedEnv(dir: string, base: NodeJS.ProcessEnv = process.env, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...base,
    XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    XDG_DATA_HOME: path.join(dir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
    ...extra,
  };
}
