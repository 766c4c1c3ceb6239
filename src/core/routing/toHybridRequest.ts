import { JarvisError } from '../../common/errors';
import type { LedgerFile } from '../audit/egressRecord';
import type { ChatAttachment } from '../chat/ChatChunk';
import type { PreparedRequest } from '../chat/ChatPipeline';
import type { JarvisSettings } from '../config/settings';
import type { HybridRequest, Placement } from './HybridStrategy';
import { TIER_NAMES, type TierName } from './complexity/TaskComplexity';

/** The strategy's request for a prepared chat request: placement, forced tier (/tier, the setting), attachments, agent fields. */
export function toHybridRequest(request: PreparedRequest, settings: JarvisSettings, mode: Placement): HybridRequest {
  let complexity: TierName | undefined = settings.routing.complexity === 'auto' ? undefined : settings.routing.complexity;
  if (request.command === 'tier') {
    const arg = (request.commandArg ?? '').trim().toLowerCase();
    if (!TIER_NAMES.includes(arg as TierName)) {
      throw new JarvisError(
        'invalid-input',
        `${arg ? `Unknown tier "${request.commandArg}"` : 'No tier given'}. Use one of ${TIER_NAMES.join(', ')}, e.g. "/tier high <question>".`,
      );
    }
    complexity = arg as TierName;
  }
  // The file's own path, not the label ("src/.env:1-3"), so local-only globs see what the file is.
  const attachments = request.attachments.map((a) => ({ path: a.path ?? a.name, content: a.content }));
  const code = request.attachments.map((a) => a.content).join('\n');
  const hybrid: HybridRequest = {
    prompt: request.prompt,
    placement: mode,
    messages: request.messages,
    attachments,
    files: [...request.attachments.map(ledgerFile), ...(request.files ?? [])],
    context: {
      attachedCode: code === '' ? undefined : code,
      fileCount: request.attachments.length,
      languageIds: request.attachments.flatMap((a) => (a.languageId ? [a.languageId] : [])),
    },
    languages: { attachedLanguageId: request.attachments.find((a) => a.languageId)?.languageId, editorLanguageId: request.editorLanguageId },
    complexity,
    signal: request.signal,
  };
  if (request.agent) hybrid.agent = { tools: request.agent.tools, toolMode: request.agent.toolMode };
  const only = request.agent?.model ?? request.model;
  if (only) hybrid.only = { provider: only.provider, model: only.model };
  return hybrid;
}

/** An attachment as the ledger lists it: path and lines, with the label when it says more (imports, enclosing symbol). */
function ledgerFile(a: ChatAttachment): LedgerFile {
  if (a.path === undefined) return { path: a.name };
  if (a.range) return { path: a.path, range: { startLine: a.range.startLine, endLine: a.range.endLine } };
  return a.name === a.path ? { path: a.path } : { path: a.path, name: a.name };
}

export function placementOf(command: string | undefined): Placement {
  return command === 'local' || command === 'cloud' ? command : 'auto';
}

export function modeNote(mode: Placement, request: PreparedRequest): string | undefined {
  if (mode === 'local') return 'you asked for a local answer (/local)';
  if (mode === 'cloud') return 'you asked for the cloud (/cloud)';
  if (request.command === 'tier') return `tier chosen with /tier ${request.commandArg ?? ''}`.trim();
  return undefined;
}
