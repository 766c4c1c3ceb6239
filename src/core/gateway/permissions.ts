/**
 * The gateway's access model, from the seed's Phase 11.3: five roles over twelve permissions, and one
 * permission per endpoint. These two tables are the whole policy (the README prints them); the server
 * and the MCP tools only ever ask `roleAllows(role, ENDPOINT_PERMISSIONS[endpoint])`.
 */

export const PERMISSIONS = [
  'read_data',
  'write_data',
  'delete_data',
  'read_users',
  'write_users',
  'delete_users',
  'manage_roles',
  'manage_permissions',
  'manage_api_keys',
  'view_audit_logs',
  'system_config',
  'system_admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['admin', 'developer', 'user', 'readonly', 'guest'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do. The seed's meanings: admin full access, developer builds and manages, user
 * standard access, readonly views, guest minimal. Reading Jarvis's data (model list, memories) is
 * `read_data`; a chat completion is `write_data` (it spends budget and writes the cache, the egress
 * ledger and the routing statistics). A new memory (MCP `remember`) needs `delete_data`, which the
 * seed gives developer but not user: a remembered preference or decision supersedes the older ones
 * it contradicts (selectPreferences drops them from every later answer's context), so remembering
 * overwrites what Jarvis applies for everyone using this workspace, not just adds a row — hence "user
 * may chat and recall; developer may also remember". `/metrics` is operational records, like the
 * audit log (`view_audit_logs`). The user, role and key management permissions have no gateway
 * endpoint: keys are managed in the editor only. A guest may list models and read memories, nothing else.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  developer: ['read_data', 'write_data', 'delete_data', 'read_users', 'manage_api_keys', 'view_audit_logs', 'system_config'],
  user: ['read_data', 'write_data', 'read_users'],
  readonly: ['read_data', 'read_users', 'view_audit_logs'],
  guest: ['read_data'],
};

/** Every endpoint (and MCP tool) that needs a key, with the permission it needs. `/healthz` needs none. */
export const ENDPOINT_PERMISSIONS = {
  'POST /v1/chat/completions': 'write_data',
  'GET /v1/models': 'read_data',
  'GET /metrics': 'view_audit_logs',
  'POST /mcp': 'read_data',
  'mcp recall': 'read_data',
  'mcp decisions': 'read_data',
  'mcp remember': 'delete_data',
} as const satisfies Record<string, Permission>;
export type GatewayEndpoint = keyof typeof ENDPOINT_PERMISSIONS;

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
