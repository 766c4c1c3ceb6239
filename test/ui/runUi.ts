/**
 * `npm run test:ui`: a real browser drives a real VS Code window with the extension loaded from the repo.
 *   node out/test/ui/runUi.js [--vscode <build>]   (default: the newest build)
 */
import { repoRoot, vscodeArg, vscodeBuilds } from '../harness/paths';
import { runAsMain, runUiSuite } from './runUiSuite';

const vscode = vscodeArg() ?? vscodeBuilds[0].vscode;
const newest = vscode === vscodeBuilds[0].vscode;
// Every UI test on the newest build; on older ones the Jarvis chat view, the front end for builds without a Chat view.
const files = newest ? ['chatView.uitest.js', 'editorCommands.uitest.js', 'nativeChat.uitest.js'] : ['chatView.uitest.js'];
runAsMain('ui', () =>
  runUiSuite({
    suite: 'ui',
    vscode,
    files,
    load: { developmentPath: repoRoot },
    // The native Chat view's built-in agent runs without sign-in only with this (experimental) setting; it is
    // read at startup, so it is set for the whole window. The other tests do not touch the native Chat view.
    settings: newest ? { 'chat.allowAnonymousAccess': true } : {},
    // The agent's request (system prompt, ~40 tools) is ~18k tokens: the fake's llama3 has llama3.1's 128k window.
    fakeOllama: { contextLength: { llama3: 131_072 } },
  }),
);
