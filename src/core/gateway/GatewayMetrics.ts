import type { Counter, Registry } from 'prom-client';
import { promClient } from '../observability/promClient';

/** Endpoint labels are these names only (a scanner's random paths must not create series). */
const KNOWN = new Set(['/v1/chat/completions', '/v1/models', '/metrics', '/healthz', '/mcp']);

/**
 * The gateway's own series, in the metrics collector's registry so `/metrics` and Export Metrics show
 * them beside the routing figures: requests by endpoint and status, and refusals by reason.
 */
export class GatewayMetrics {
  private readonly requests: Counter<'endpoint' | 'status'>;
  private readonly refusals: Counter<'reason'>;

  constructor(registry: Registry) {
    const { Counter } = promClient();
    // A second gateway instance (stop, start) reuses the series already registered.
    this.requests =
      (registry.getSingleMetric('gateway_requests_total') as Counter<'endpoint' | 'status'> | undefined) ??
      new Counter({
        name: 'gateway_requests_total',
        help: 'Requests to the loopback gateway, by endpoint and HTTP status.',
        labelNames: ['endpoint', 'status'],
        registers: [registry],
      });
    this.refusals =
      (registry.getSingleMetric('gateway_refusals_total') as Counter<'reason'> | undefined) ??
      new Counter({
        name: 'gateway_refusals_total',
        help: 'Gateway requests refused before reaching routing or memory, by reason (auth, permission, rate_limit, host, origin, body, idle).',
        labelNames: ['reason'],
        registers: [registry],
      });
  }

  request(path: string, status: number): void {
    this.requests.inc({ endpoint: KNOWN.has(path) ? path : 'other', status: String(status) });
  }

  refused(reason: string): void {
    this.refusals.inc({ reason });
  }
}
