import { sleep, systemTimer, type Timer } from '../../resilience/Timer';
import type { Logger } from '../../ports';
import type { Alert } from './AlertManager';

export interface WebhookNotifierOptions {
  /** `jarvis.alerts.webhookUrl`, read at each alert ('' = off). */
  url: () => string;
  logger: Logger;
  timer?: Timer;
  /** Per attempt. @default 5000 */
  timeoutMs?: number;
  /** Attempts in all. @default 3 */
  attempts?: number;
  /** Before the second attempt; doubled for each later one. @default 1000 */
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

/** The Slack incoming-webhook shape (`text` is what Slack, Mattermost, Rocket.Chat and Teams' Slack mode show). */
export interface WebhookPayload {
  text: string;
  alert: { rule: string; severity: string; message: string; firedAt: string };
}

const ICON: Record<string, string> = { critical: ':red_circle:', warning: ':warning:', info: ':information_source:' };

/** The payload: the alert's rule, severity and message only — no prompt, key, path or URL of Jarvis's. */
export function webhookPayload(alert: Alert): WebhookPayload {
  return {
    text: `${ICON[alert.severity] ?? ''} Jarvis ${alert.severity}: ${alert.message}`.trim(),
    alert: { rule: alert.rule, severity: alert.severity, message: alert.message, firedAt: new Date(alert.firedAt).toISOString() },
  };
}

/**
 * Posts each alert as Slack-compatible JSON to the configured webhook, with a timeout per attempt and
 * retries (exponential backoff) on network errors, timeouts, 429 and 5xx; a 4xx other than 429 is not
 * retried. The URL itself is a secret (Slack's carries the token): it is never logged.
 */
export class WebhookNotifier {
  private readonly timer: Timer;

  constructor(private readonly o: WebhookNotifierOptions) {
    this.timer = o.timer ?? systemTimer;
  }

  /** Resolves true when the receiver accepted the alert; never throws. */
  async send(alert: Alert): Promise<boolean> {
    const url = this.o.url();
    if (url === '') return false;
    const body = JSON.stringify(webhookPayload(alert));
    const attempts = this.o.attempts ?? 3;
    let delay = this.o.retryDelayMs ?? 1000;
    let last = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const result = await this.post(url, body);
      if (result.ok) return true;
      last = result.reason;
      if (!result.retry) break;
      if (attempt < attempts) {
        await sleep(this.timer, delay);
        delay *= 2;
      }
    }
    this.o.logger.warn(`The alert webhook did not accept "${alert.rule}": ${last}`);
    return false;
  }

  private async post(url: string, body: string): Promise<{ ok: true } | { ok: false; retry: boolean; reason: string }> {
    const controller = new AbortController();
    const timeoutMs = this.o.timeoutMs ?? 5000;
    const handle = this.timer.setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await (this.o.fetch ?? fetch)(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: controller.signal });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { ok: true };
      return { ok: false, retry: res.status === 429 || res.status >= 500, reason: `HTTP ${res.status}` };
    } catch (e) {
      const reason = controller.signal.aborted
        ? `no answer within ${timeoutMs} ms`
        : `network error (${(e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name})`;
      return { ok: false, retry: true, reason };
    } finally {
      this.timer.clearTimeout(handle);
    }
  }
}
