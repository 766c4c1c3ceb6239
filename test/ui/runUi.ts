/** `npm run test:ui`: a real browser drives a real VS Code window with the extension loaded from the repo. */
import { repoRoot } from '../harness/paths';
import { runAsMain, runUiSuite } from './runUiSuite';

runAsMain('ui', () => runUiSuite({ suite: 'ui', files: ['chatView.uitest.js', 'editorCommands.uitest.js'], load: { developmentPath: repoRoot } }));
