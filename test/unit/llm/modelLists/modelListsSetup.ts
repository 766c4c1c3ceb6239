/** Shared setup of the model-list tests: a CloudModelLists over real key storage and the two HTTP fakes. */
import type { AuditEntry } from '../../../../src/core/audit/AuditLog';
import { DEFAULT_SETTINGS, type JarvisSettings } from '../../../../src/core/config/settings';
import { CloudModelLists } from '../../../../src/core/llm/modelLists/CloudModelLists';
import { ApiKeyStore } from '../../../../src/core/security/ApiKeyStore';
import { FakeAnthropicServer } from '../../../fakes/FakeAnthropicServer';
import { FakeClock } from '../../../fakes/FakeClock';
import { FakeOpenAIServer } from '../../../fakes/FakeOpenAIServer';
import { MemorySecrets } from '../../../fakes/MemorySecrets';
import { capturingLogger } from '../../../fakes/capturingLogger';
import { MemoryKv } from '../../../fakes/MemoryKv';

export const OPENAI_KEY = 'sk-test-openai-0123456789abcdef';
export const ANTHROPIC_KEY = 'sk-ant-test-0123456789abcdef';
export const HOUR = 3_600_000;

export interface ListsRig {
  lists: CloudModelLists;
  openai: FakeOpenAIServer;
  anthropic: FakeAnthropicServer;
  keys: ApiKeyStore;
  store: MemoryKv;
  clock: FakeClock;
  logs: string[];
  audit: AuditEntry[];
  settings: JarvisSettings;
  trusted: { value: boolean };
  /** GET /v1/models requests each fake received. */
  listCalls(provider: 'openai' | 'anthropic'): number;
  /** A second CloudModelLists over the same store (a window reload). */
  reopen(): CloudModelLists;
  close(): Promise<void>;
}

export async function startRig(
  options: { keys?: Array<'openai' | 'anthropic'>; tiers?: JarvisSettings['routing']['tiers']; timeoutMs?: number } = {},
): Promise<ListsRig> {
  const openai = await FakeOpenAIServer.start({ apiKey: OPENAI_KEY });
  const anthropic = await FakeAnthropicServer.start({ apiKey: ANTHROPIC_KEY });
  const audit: AuditEntry[] = [];
  const logs: string[] = [];
  const logger = capturingLogger(logs);
  const keys = new ApiKeyStore(new MemorySecrets(), { audit: { append: async (e) => audit.push(e) }, logger });
  for (const p of options.keys ?? ['openai', 'anthropic']) await keys.set(p, p === 'openai' ? OPENAI_KEY : ANTHROPIC_KEY);
  audit.length = 0;
  const settings: JarvisSettings = {
    ...DEFAULT_SETTINGS,
    openai: { baseUrl: openai.url },
    anthropic: { baseUrl: anthropic.url },
    routing: { ...DEFAULT_SETTINGS.routing, tiers: options.tiers ?? DEFAULT_SETTINGS.routing.tiers },
    cloudModels: { refreshHours: 24 },
  };
  const store = new MemoryKv();
  const clock = new FakeClock(Date.parse('2026-12-01T12:00:00Z'));
  const trusted = { value: true };
  const make = () =>
    new CloudModelLists({
      keys,
      settings: () => rig.settings,
      store,
      clock,
      logger,
      trusted: () => trusted.value,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  const rig: ListsRig = {
    lists: make(),
    openai,
    anthropic,
    keys,
    store,
    clock,
    logs,
    audit,
    settings,
    trusted,
    listCalls: (p) => (p === 'openai' ? openai : anthropic).requests.filter((r) => r.method === 'GET' && r.path === '/v1/models').length,
    reopen: make,
    close: async () => {
      rig.lists.dispose();
      await openai.close();
      await anthropic.close();
    },
  };
  return rig;
}
