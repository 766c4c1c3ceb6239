import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import { commandIds } from '../../core/commandIds';
import { DEFAULT_EXPIRY_DAYS, type GatewayKeyRecord, type GatewayKeyStore } from '../../core/gateway/GatewayKeyStore';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../core/gateway/permissions';
import type { Logger } from '../../core/ports';

const ROLE_TEXT: Record<Role, string> = {
  admin: 'everything',
  developer: 'chat, models, metrics, recall and remember',
  user: 'chat, models and recall; no remember',
  readonly: 'models, metrics and recall; no chat',
  guest: 'models and recall only',
};

const EXPIRY: { label: string; days: number | null }[] = [
  { label: '30 days', days: 30 },
  { label: `${DEFAULT_EXPIRY_DAYS} days`, days: DEFAULT_EXPIRY_DAYS },
  { label: '365 days', days: 365 },
  { label: 'Never', days: null },
];

/**
 * "Create Gateway API Key…" (name, role, expiry; the key is shown once, with Copy) and "List / Revoke
 * Gateway API Keys". Neither takes arguments: another extension running the command cannot mint or
 * revoke a key without the person answering the prompts.
 */
export function registerGatewayKeyCommands(keys: GatewayKeyStore, port: () => number, log: Logger): vscode.Disposable {
  const create = async (): Promise<void> => {
    const name = await vscode.window.showInputBox({
      title: 'Create Gateway API Key (1/3)',
      prompt: 'A name that says who uses the key, e.g. "notebook" or "aider on laptop"',
      validateInput: (v) => (v.trim() === '' ? 'Enter a name.' : v.trim().length > 100 ? 'At most 100 characters.' : undefined),
    });
    if (name === undefined) return;
    const role = await vscode.window.showQuickPick(
      ROLES.map((r) => ({ label: r, description: ROLE_TEXT[r], detail: ROLE_PERMISSIONS[r].join(', ') || 'no permissions', role: r })),
      { title: 'Create Gateway API Key (2/3): role', placeHolder: 'What may this key do?' },
    );
    if (!role) return;
    const expiry = await vscode.window.showQuickPick(
      EXPIRY.map((e) => ({ ...e, description: e.days === DEFAULT_EXPIRY_DAYS ? 'default' : undefined })),
      { title: 'Create Gateway API Key (3/3): expires after' },
    );
    if (!expiry) return;
    try {
      const { key, record } = await keys.create({ name, role: role.role, expiresInDays: expiry.days });
      log.info(`gateway key "${record.name}" (${record.role}) created`);
      const copy = 'Copy Key';
      const picked = await vscode.window.showInformationMessage(
        `Gateway key "${record.name}" (id ${record.displayId}) created. Copy it now: it is shown only this once.`,
        {
          modal: true,
          detail: `${key}\n\nOpenAI clients: base URL http://127.0.0.1:${port()}/v1, this key as the API key. MCP clients: http://127.0.0.1:${port()}/mcp with "Authorization: Bearer <key>".`,
        },
        copy,
      );
      if (picked === copy) await vscode.env.clipboard.writeText(key);
    } catch (e) {
      void vscode.window.showErrorMessage(`Jarvis: ${errorMessage(e)}`);
    }
  };

  const manage = async (): Promise<void> => {
    const list = await keys.list();
    if (list.length === 0) {
      const createOne = 'Create a Key';
      if ((await vscode.window.showInformationMessage('Jarvis: no gateway API keys yet.', createOne)) === createOne) await create();
      return;
    }
    const now = Date.now();
    const picked = await vscode.window.showQuickPick(
      list
        .sort((a, b) => b.created - a.created)
        .map((k) => ({
          label: `${k.revoked === null ? '$(key)' : '$(circle-slash)'} ${k.name}`,
          description: `${k.role} · id ${k.displayId}`,
          detail: keyDetail(k, now),
          key: k,
        })),
      { title: 'Gateway API keys', placeHolder: 'Choose a key to revoke' },
    );
    if (!picked || picked.key.revoked !== null) return;
    const revoke = 'Revoke';
    const answer = await vscode.window.showWarningMessage(
      `Revoke gateway key "${picked.key.name}"? Tools using it stop working at once.`,
      { modal: true },
      revoke,
    );
    if (answer !== revoke) return;
    try {
      await keys.revoke(picked.key.id);
      void vscode.window.showInformationMessage(`Jarvis: gateway key "${picked.key.name}" revoked.`);
    } catch (e) {
      void vscode.window.showErrorMessage(`Jarvis: ${errorMessage(e)}`);
    }
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.gatewayCreateKey, create),
    vscode.commands.registerCommand(commandIds.gatewayManageKeys, manage),
  );
}

function keyDetail(k: GatewayKeyRecord, now: number): string {
  const day = (t: number) => new Date(t).toLocaleDateString();
  const parts = [`created ${day(k.created)}`];
  if (k.revoked !== null) parts.push(`revoked ${day(k.revoked)}`);
  else if (k.expires === null) parts.push('never expires');
  else parts.push(k.expires <= now ? `expired ${day(k.expires)}` : `expires ${day(k.expires)}`);
  parts.push(k.lastUsed === null ? 'never used' : `last used ${new Date(k.lastUsed).toLocaleString()}`);
  return parts.join(' · ');
}
