/**
 * The gateway's key commands in a window of their own, with the gateway on (a free loopback port) from
 * startup, so a key made through the prompts can be tried against the running gateway.
 *   node out/test/ui/runGatewayKeys.js [--vscode <build>]   (default: the newest build)
 */
import { repoRoot, vscodeArg } from '../harness/paths';
import { freePort, runAsMain, runUiSuite } from './runUiSuite';

runAsMain('gatewayKeys', async () =>
  runUiSuite({
    suite: 'gatewayKeys',
    vscode: vscodeArg(),
    files: ['gatewayKeys.uitest.js'],
    load: { developmentPath: repoRoot },
    settings: { 'jarvis.gateway.enabled': true, 'jarvis.gateway.port': await freePort() },
  }),
);
