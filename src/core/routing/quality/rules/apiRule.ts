import type { InventedApi } from '../apis/InventedApi';
import { pythonInventedApi } from '../apis/pythonApis';
import { javascriptInventedApi } from '../apis/javascriptApis';
import { cliInventedCommand, goInventedApi, javaInventedApi, rustInventedApi, typescriptInventedType } from '../apis/otherApis';
import { canonicalLanguage } from '../../../languages';
import type { KnownApis } from '../KnownApis';
import type { QualityRule } from '../QualityRule';
import { blockLanguage } from './languageRule';
import { deniesName } from './deniedNames';

/** Bounded work on huge answers: the first blocks, and the start of each. */
const MAX_BLOCKS = 12;
const MAX_BLOCK_CHARS = 8 * 1024;
const SHELLS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shellsession', 'terminal', 'cmd', 'powershell', 'ps1']);

// How sure each check is: a module or command that lacks the name is certain; Rust's check knows
// only the common std types, TypeScript's relies on the answer's own claim.
function check(language: string | undefined, label: string, code: string, prose: string, known: KnownApis): [InventedApi, number] | undefined {
  const shell = SHELLS.has(label) || language === 'bash';
  const found = (x: InventedApi | undefined, severity: number): [InventedApi, number] | undefined => (x ? [x, severity] : undefined);
  return (
    found(cliInventedCommand(code, known, shell), shell ? 1 : 0.8) ??
    (language === 'python'
      ? found(pythonInventedApi(code, known), 1)
      : language === 'javascript' || language === 'typescript'
        ? (found(javascriptInventedApi(code, known), 1) ?? (language === 'typescript' ? found(typescriptInventedType(code, prose, known), 0.8) : undefined))
        : language === 'go'
          ? found(goInventedApi(code, known), 1)
          : language === 'java'
            ? found(javaInventedApi(code, known), 1)
            : language === 'rust'
              ? found(rustInventedApi(code, known), 0.8)
              : undefined)
  );
}

/**
 * Invented APIs presented with confidence: names the answer's code (or its inline code) uses that
 * the standard library, Node built-in or CLI it belongs to does not have, checked against the
 * generated table of real names (KnownApis). Code that could get the name from elsewhere (another
 * package, its own declarations) is left alone: the rule says nothing rather than guess.
 */
export const apiRule: QualityRule = {
  name: 'api',
  check({ answer, requested }, { knownApis }) {
    if (!knownApis) return undefined;
    let hit: [InventedApi, number] | undefined;
    const languages: string[] = [];
    for (const block of answer.blocks.slice(0, MAX_BLOCKS)) {
      const language = blockLanguage(block);
      if (language) languages.push(language);
      hit = check(language, block.label, block.code.slice(0, MAX_BLOCK_CHARS), answer.prose, knownApis);
      if (hit) break;
    }
    if (!hit) {
      // Inline code in prose: `datetime.today_iso()`, `git unpush`, in the language the answer is about.
      const spans = (answer.prose.slice(0, 20000).match(/`[^`\n]{3,200}`/g) ?? []).map((s) => s.slice(1, -1));
      const context = languages[0] ?? (requested ? canonicalLanguage(requested.language) : undefined);
      for (const span of spans.slice(0, 40)) {
        const cli = cliInventedCommand(span, knownApis, false);
        const api =
          cli ??
          (context === 'python'
            ? pythonInventedApi(span, knownApis, true)
            : context === 'javascript' || context === 'typescript'
              ? javascriptInventedApi(span, knownApis)
              : undefined);
        if (api) {
          hit = [api, cli ? 0.8 : 0.9];
          break;
        }
      }
    }
    if (!hit) return undefined;
    const [api, severity] = hit;
    if (deniesName(answer.prose, api.name)) return undefined;
    return { rule: 'api', severity, reason: `uses an API that does not exist: ${api.name} (${api.how})`, note: `uses ${api.name}, which does not exist` };
  },
};
