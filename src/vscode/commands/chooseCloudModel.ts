import * as vscode from 'vscode';
import { JarvisError } from '../../common/errors';
import { commandIds } from '../../core/commandIds';
import type { SettingsStore } from '../../core/config/SettingsStore';
import { TIER_NAMES, type TierName } from '../../core/config/tiers';
import { cleanModelId } from '../../core/llm/modelLists/chatModelRule';
import { CLOUD_MODEL_PROVIDERS, type CloudModelLists } from '../../core/llm/modelLists/CloudModelLists';
import { configuredCloudModels, isListed, type ConfiguredCloudModel } from '../../core/llm/modelLists/configuredCloudModels';
import { type CloudProviderId, PROVIDER_LABELS } from '../../core/llm/modelLists/ModelList';
import { pricingFor } from '../../core/observability/costExtras';
import type { Logger } from '../../core/ports';
import { chooseSettingTarget } from '../../core/presentation/chooseSettingTarget';
import { describeModelPrice } from '../../core/presentation/describeModelPrice';
import { describeListState, formatListTime } from '../../core/presentation/formatCloudModelLists';

export interface ChooseCloudModelDeps {
  lists: CloudModelLists;
  settings: SettingsStore;
  keys: { has(provider: CloudProviderId): Promise<boolean> };
  log: Logger;
}

/**
 * What the command accepts from other commands (the warning's "Choose Model…") and tests: `provider` +
 * `model` narrows the first step to the tiers naming that model; `tier` (+ `index`, else a new entry
 * at the end) skips it; `choose` (`provider:model`) skips the model list too.
 */
export interface ChooseCloudModelArg {
  provider?: CloudProviderId;
  model?: string;
  tier?: TierName;
  index?: number;
  choose?: string;
}

const TARGETS = {
  global: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
  workspaceFolder: vscode.ConfigurationTarget.WorkspaceFolder,
};
type Slot = { tier: TierName; index: number };

/**
 * "Jarvis: Choose Cloud Model…": pick a tier's cloud entry of `jarvis.routing.tiers` (or add one), then a
 * model from the providers' own lists (chat models only, each with its price and where the price comes
 * from, the current one marked), and the setting is written where it is defined, with Undo.
 * @returns the new `provider:model`, or undefined when cancelled
 */
export async function chooseCloudModel(deps: ChooseCloudModelDeps, arg: ChooseCloudModelArg = {}): Promise<string | undefined> {
  if (arg.choose !== undefined && validModel(String(arg.choose)) !== undefined) {
    throw new JarvisError(
      'invalid-input',
      `jarvis.chooseCloudModel: "choose" must be openai:<model> or anthropic:<model> (got ${JSON.stringify(arg.choose)}). Nothing was changed.`,
    );
  }
  if (arg.index !== undefined && !(Number.isInteger(arg.index) && arg.index >= 0)) {
    throw new JarvisError(
      'invalid-input',
      `jarvis.chooseCloudModel: "index" must be a whole number of at least 0 (got ${JSON.stringify(arg.index)}). Nothing was changed.`,
    );
  }
  const slot = arg.tier && TIER_NAMES.includes(arg.tier) ? { tier: arg.tier, index: arg.index ?? Number.MAX_SAFE_INTEGER } : await pickSlot(deps, arg);
  if (!slot) return undefined;
  const chosen = arg.choose ?? (await pickModel(deps, slot));
  if (!chosen) return undefined;
  await writeSlot(deps, slot, chosen);
  return chosen;
}

async function pickSlot(deps: ChooseCloudModelDeps, arg: ChooseCloudModelArg): Promise<Slot | undefined> {
  const configured = configuredCloudModels(deps.settings.current).filter((c) => !arg.model || (c.model === arg.model && c.provider === arg.provider));
  if (arg.model && configured.length === 1) return configured[0];
  type Item = vscode.QuickPickItem & { slot?: Slot };
  const items: Item[] = [];
  for (const tier of TIER_NAMES) {
    const inTier = configured.filter((c) => c.tier === tier);
    if (arg.model && inTier.length === 0) continue;
    items.push({ label: tier, kind: vscode.QuickPickItemKind.Separator });
    for (const c of inTier)
      items.push({ label: `$(cloud) ${c.provider}:${c.model}`, description: `${ordinal(c.index)} in ${tier}`, detail: listedDetail(deps, c), slot: c });
    if (!arg.model) items.push({ label: `$(add) Add a cloud model to ${tier}`, slot: { tier, index: Number.MAX_SAFE_INTEGER } });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Jarvis: Choose Cloud Model (1/2)',
    placeHolder: 'Which entry of jarvis.routing.tiers should change?',
    matchOnDescription: true,
  });
  return picked?.slot;
}

function listedDetail(deps: ChooseCloudModelDeps, c: ConfiguredCloudModel): string {
  const list = deps.lists.state(c.provider).list;
  if (!list) return `${PROVIDER_LABELS[c.provider]}'s list not fetched yet`;
  if (isListed(list, c.model)) return `listed by ${PROVIDER_LABELS[c.provider]} (list from ${formatListTime(list.fetchedAt)})`;
  return `$(warning) not in ${PROVIDER_LABELS[c.provider]}'s list from ${formatListTime(list.fetchedAt)}`;
}

async function pickModel(deps: ChooseCloudModelDeps, slot: Slot): Promise<string | undefined> {
  const current = deps.settings.current.routing.tiers[slot.tier][slot.index];
  type Item = vscode.QuickPickItem & { value?: string; run?: () => Thenable<unknown> | Promise<unknown>; custom?: true };
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = `Jarvis: Choose Cloud Model for ${slot.tier} (2/2)`;
  qp.placeholder = current ? `Replacing ${current}` : `Adding a cloud model to ${slot.tier}`;
  qp.matchOnDescription = true;
  const refreshButton = { iconPath: new vscode.ThemeIcon('refresh'), tooltip: 'Refresh the model lists' };
  qp.buttons = [refreshButton];
  const build = async () => {
    const pricing = pricingFor(deps.settings.current.pricing.overrides);
    const configured = configuredCloudModels(deps.settings.current);
    const items: Item[] = [];
    for (const provider of CLOUD_MODEL_PROVIDERS) {
      const hasKey = await deps.keys.has(provider);
      const state = deps.lists.state(provider);
      items.push({ label: describeListState(state, hasKey, Date.now()), kind: vscode.QuickPickItemKind.Separator });
      if (!hasKey) {
        const cmd = provider === 'openai' ? commandIds.setOpenAIKey : commandIds.setAnthropicKey;
        items.push({
          label: `$(key) Set ${PROVIDER_LABELS[provider]} API Key…`,
          description: 'to list its models',
          run: () => vscode.commands.executeCommand(cmd),
        });
        continue;
      }
      for (const m of state.list?.models.filter((x) => x.chat) ?? []) {
        const value = `${provider}:${m.id}`;
        const where = configured.filter((c) => c.provider === provider && c.model === m.id).map((c) => c.tier);
        const notes = [
          value === current ? 'current' : '',
          where.length ? `in ${[...new Set(where)].join(', ')}` : '',
          m.deprecated ? `deprecated${m.deprecated.retiresAt ? `, retires ${m.deprecated.retiresAt.slice(0, 10)}` : ''}` : '',
        ]
          .filter(Boolean)
          .join(' · ');
        items.push({
          label: `${value === current ? '$(check) ' : ''}${m.id}`,
          description: [notes, describeModelPrice(pricing, m.id)].filter(Boolean).join(' — '),
          ...(m.name ? { detail: m.name } : {}),
          value,
        });
      }
    }
    items.push(
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: '$(edit) Enter a model id…', description: 'e.g. for a compatible server', custom: true, alwaysShow: true },
    );
    qp.items = items;
  };
  /** Lists are fetched here only when a keyed provider has none cached; the refresh button asks again. */
  let open = true;
  const fetchMissing = async (force: boolean) => {
    if (!open) return;
    qp.busy = true;
    try {
      await Promise.all(
        CLOUD_MODEL_PROVIDERS.map(async (p) => {
          if ((force || !deps.lists.state(p).list) && (await deps.keys.has(p))) await deps.lists.refresh(p, 'manual');
        }),
      );
      if (open) await build();
    } finally {
      if (open) qp.busy = false;
    }
  };
  try {
    await build();
    const picked = new Promise<Item | undefined>((resolve) => {
      qp.onDidAccept(() => resolve(qp.selectedItems[0]));
      qp.onDidHide(() => resolve(undefined));
      qp.onDidTriggerButton(() => void fetchMissing(true));
    });
    qp.show();
    void fetchMissing(false);
    const item = await picked;
    qp.hide();
    if (item?.run) await item.run();
    if (item?.custom) return await enterModelId();
    return item?.value;
  } finally {
    open = false;
    qp.dispose();
  }
}

async function enterModelId(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Jarvis: Choose Cloud Model',
    prompt: 'The model as provider:model, e.g. openai:gpt-4o-mini or anthropic:claude-sonnet-4-5',
    validateInput: validModel,
  });
}

/** Undefined when `v` is `openai:<id>` or `anthropic:<id>` with a usable id; else what is wrong. */
function validModel(v: string): string | undefined {
  const i = v.indexOf(':');
  if (i <= 0 || !(CLOUD_MODEL_PROVIDERS as readonly string[]).includes(v.slice(0, i))) return 'Start with openai: or anthropic:';
  return cleanModelId(v.slice(i + 1)) ? undefined : 'A model id without spaces or control characters (at most 200 characters).';
}

async function writeSlot(deps: ChooseCloudModelDeps, slot: Slot, chosen: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('jarvis');
  const inspection = config.inspect<Record<string, string[]>>('routing.tiers');
  const target = chooseSettingTarget(inspection);
  const before = target === 'global' ? inspection?.globalValue : target === 'workspace' ? inspection?.workspaceValue : inspection?.workspaceFolderValue;
  const tiers = structuredClone(deps.settings.current.routing.tiers);
  const list = tiers[slot.tier];
  const replaced = slot.index < list.length ? list[slot.index] : undefined;
  if (replaced !== undefined) list[slot.index] = chosen;
  else list.push(chosen);
  await config.update('routing.tiers', tiers, TARGETS[target]);
  const what = replaced ? `${chosen} replaces ${replaced} in the ${slot.tier} tier` : `${chosen} is added to the ${slot.tier} tier`;
  deps.log.info(`Cloud model chosen: ${what} (${target} settings)`);
  void vscode.window.showInformationMessage(`Jarvis: ${what}.`, 'Undo').then(async (a) => {
    if (a !== 'Undo') return;
    await config.update('routing.tiers', before, TARGETS[target]);
    deps.log.info(`Cloud model choice undone (${slot.tier})`);
  });
}

function ordinal(i: number): string {
  const n = i + 1;
  return `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
}
