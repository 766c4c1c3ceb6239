/**
 * `POST /api/pull` as Ollama answers it: one JSON status when not streamed, else NDJSON progress per
 * layer ending in `success` (the model is installed when that line is written, as in Ollama).
 * Names starting `no-such-model` fail the way a missing manifest does.
 */
import type * as http from 'node:http';
import { pause, sendJson, sha } from './ollamaWire';

export interface PullTarget {
  isInstalled(model: string): boolean;
  install(model: string): void;
  /** Pause between lines, read per line (a test may reconfigure the server mid-pull). */
  delayMs(): number;
}

export async function servePull(model: string, stream: boolean, res: http.ServerResponse, target: PullTarget): Promise<void> {
  const missing = model.startsWith('no-such-model');
  const install = () => {
    if (!target.isInstalled(model)) target.install(model);
  };
  if (!stream) {
    if (missing) return sendJson(res, 500, { error: 'pull model manifest: file does not exist' });
    install();
    return sendJson(res, 200, { status: 'success' });
  }
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  let gone = false;
  res.on('close', () => (gone = !res.writableFinished));
  const lines: object[] = [{ status: 'pulling manifest' }];
  if (missing) lines.push({ error: 'pull model manifest: file does not exist' });
  else {
    for (const [i, total] of [4000, 1000].entries()) {
      const digest = `sha256:${sha(`${model}#${i}`)}`;
      for (const completed of [0, total / 4, total / 2, total]) {
        lines.push({ status: `pulling ${digest.slice(7, 19)}`, digest, total, completed });
      }
    }
    lines.push({ status: 'verifying sha256 digest' }, { status: 'writing manifest' }, { status: 'success' });
  }
  for (const [i, l] of lines.entries()) {
    if (i > 0 && target.delayMs() > 0) await pause(target.delayMs(), res);
    if (gone) return;
    if ((l as { status?: string }).status === 'success') install();
    res.write(`${JSON.stringify(l)}\n`);
  }
  res.end();
}
