/**
 * prom-client, required on first use: evaluating it and creating the series cost the extension host's
 * start several milliseconds, and most sessions never scrape.
 */
let loaded: typeof import('prom-client') | undefined;

export function promClient(): typeof import('prom-client') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('prom-client') as typeof import('prom-client'));
}
