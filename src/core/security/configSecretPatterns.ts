import type { SecretPattern } from './SecretPattern';

/**
 * Secrets that only the surrounding configuration format identifies (session 12, the third held-out
 * split's misses as families): passwords in ADO.NET / ODBC / JDBC connection strings, Terraform
 * variables' defaults, Kubernetes dockerconfigjson blobs, PuTTY key files, credential-named
 * environment variables' fallbacks, and SDK clients constructed with a literal key. Their values have
 * no issuer prefix; the key names, the file format or the call around them say what they are.
 */

// Keys of a connection string besides the password: one of them on the same line tells `Password=` in a
// connection string from prose (`Password=` alone is also a form field or a docs heading).
const CONNECTION_KEYS =
  /(?:^|[;"'\s])(?:Server|Data Source|Address|Addr|Network Address|Host|Driver|DSN|Database|Initial Catalog|User ID|UserID|UID|Username|User|Provider)\s*=/i;
// Names of variables that hold a credential (Terraform variables, environment variables).
const SECRET_NAME = /pass(?:word|wd|phrase)?|pwd|secret|token|api_?key|access_?key|private_?key|credential|auth/i;
// The base64 of a Docker config's opening `{"auths"` (compact, spaced, or pretty-printed with 2/4 spaces or a tab).
const DOCKER_CONFIG_B64 = String.raw`(?:eyJhdXRocyI|eyAiYXV0aHMi|ewogICJhdXRocyI|ewogICAgImF1dGhzIj|ewoJImF1dGhzIj)`;

/** The line of the match, for checks that need its neighbours on the line. */
function lineAt(m: RegExpMatchArray): string {
  const input = m.input ?? '';
  const at = m.index ?? 0;
  const end = input.indexOf('\n', at);
  return input.slice(input.lastIndexOf('\n', at - 1) + 1, end === -1 ? undefined : end);
}

/** True when base64 `value` decodes to a Docker config holding a credential (auth, password or token). */
function isDockerConfigWithCredential(value: string): boolean {
  const json = Buffer.from(value, 'base64').toString('utf8');
  return /"(?:auth|password|identitytoken|registrytoken)"\s*:\s*"[^"\s]{4,}"/.test(json);
}

export const CONFIG_SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'connection-string-password',
    label: 'password in a connection string',
    // ADO.NET / MSSQL (`User ID=app;Password=…;`), ODBC (`UID=app;PWD={…};`), JDBC SQL Server
    // (`;user=sa;password=…`). A password is often a plain word, so no entropy test: the connection
    // string's other keys on the line are the evidence. `DB_PASSWORD=` is an environment line (the
    // env rules judge it), hence no word character before the key.
    re: /(?<![\w-])(?:Password|Pwd)\s*=\s*(?<value>\{[^}\n]{1,200}\}|[^;"'`\n{}]{3,200}?)\s*(?=;|["'`\n]|$)/gi,
    hints: /(?:password|pwd)\s*=/i,
    skipPlaceholders: true,
    // `{0}` / `{password}` are format-string holes, not an ODBC braced password.
    validate: (v, m) => !/^\{(?:\d+|[A-Za-z_][\w.]*)\}$/.test(v) && lineAt(m).includes(';') && CONNECTION_KEYS.test(lineAt(m)),
  },
  {
    kind: 'terraform-variable-default',
    label: 'credential as a Terraform variable default',
    // `variable "db_password" { default = "…" }`: `sensitive = true` hides it from plan output, but the
    // value is still in the file. A secret-named variable, or one marked sensitive, with a literal default.
    re: /\bvariable\s+"(?<name>[\w-]+)"\s*\{[^{}]*?\bdefault\s*=\s*"(?<value>[^"\n]{6,200})"/g,
    hints: ['variable'],
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (_v, m) => {
      if (SECRET_NAME.test(m.groups?.name ?? '')) return true;
      const input = m.input ?? '';
      const blockEnd = input.indexOf('\n}', m.index ?? 0);
      return /\bsensitive\s*=\s*true\b/.test(input.slice(m.index, blockEnd === -1 ? undefined : blockEnd));
    },
  },
  {
    kind: 'docker-config-base64',
    label: 'registry credentials (base64 Docker config)',
    // A Kubernetes `kubernetes.io/dockerconfigjson` Secret's `.dockerconfigjson` (or legacy `.dockercfg`)
    // value: base64 of a Docker config, a secret when it decodes to one holding an auth, password or token.
    re: /\.docker(?:configjson|cfg)["']?\s*:\s*["']?(?<value>[A-Za-z0-9+/]{20,20000}={0,2})/g,
    hints: ['.dockerc'],
    validate: isDockerConfigWithCredential,
  },
  {
    kind: 'docker-config-base64',
    label: 'registry credentials (base64 Docker config)',
    // The same blob on its own (`kubectl get secret -o jsonpath=…` output), known by how `{"auths"` encodes.
    // It must start a base64 run (checked after the match: a leading lookbehind is tried at every position).
    re: new RegExp(String.raw`(?<value>${DOCKER_CONFIG_B64}[A-Za-z0-9+/]{20,20000}={0,2})`, 'g'),
    // `"auths"` in base64 at the three alignments the prefixes have.
    hints: ['hdXRocyI', 'YXV0aHMi', 'F1dGhzI'],
    validate: (v, m) => !/[A-Za-z0-9+/]/.test((m.input ?? '').charAt((m.index ?? 0) - 1)) && isDockerConfigWithCredential(v),
  },
  {
    kind: 'putty-private-key',
    label: 'private key (PuTTY .ppk)',
    // From the header to the MAC line: the whole file is the key. A docs sketch with no private lines
    // (`Private-Lines: 1` followed by `...`) is not.
    re: /(?<value>PuTTY-User-Key-File-[1-3]:[^\n]*\n[\s\S]{0,20000}?Private-(?:MAC|Hash):[ \t]*[0-9a-fA-F]{16,})/g,
    hints: ['PuTTY-User-Key-File-'],
    validate: (v) => /Private-Lines:\s*\d+\s*\n[A-Za-z0-9+/=\r\n]{20,}/.test(v),
  },
  {
    kind: 'env-default-credential',
    label: 'credential as an environment variable’s fallback',
    // env('MOLLIE_KEY', 'live_…'), os.getenv("DB_PASSWORD", "…"), ENV.fetch("API_TOKEN", "…"),
    // System.getenv().getOrDefault("SECRET", "…"): the fallback is a literal credential in the code.
    re: /\b(?:getenv|environ\.get|env|ENV\.fetch|getOrDefault|GetEnvironmentVariable)\s*\(\s*["'](?<name>[\w.]{0,60}?(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD|CREDENTIALS?)[\w.]{0,40})["']\s*,\s*["'](?<value>[^"'\s]{8,200})["']/gi,
    hints: /getenv|environ|env\s*\(|ENV\.fetch|getOrDefault|GetEnvironmentVariable/i,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'env-default-credential',
    label: 'credential as an environment variable’s fallback',
    // process.env.STRIPE_KEY || "…", process.env["API_TOKEN"] ?? '…'
    re: /process\.env(?:\.|\[["'])(?<name>\w{0,60}?(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD|CREDENTIALS?)\w{0,40})(?:["']\])?\s*(?:\|\||\?\?)\s*["'`](?<value>[^"'`\s]{8,200})["'`]/gi,
    hints: ['process.env'],
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'client-constructor-key',
    label: 'credential passed to an SDK client',
    // new ServerClient("…") (Postmark), ld.MakeClient("sdk-…"), cohere.ClientV2("…"),
    // createClient(url, "…"): vendor SDKs take their key as the client's first string argument(s).
    // URLs, paths and names made of words are not keys (see PrivacyGuard's randomness test), and the
    // value's characters are a token's: `UseDevelopmentStorage=true` is a setting.
    // The match starts at `Client`: any name ending in it will do, and no prefix group keeps it fast.
    re: /Client(?:V\d{1,2})?\s*\(\s*(?:(?:["'`][^"'`\n]{0,200}["'`]|[\w$.]{1,60})\s*,\s*){0,2}["'`](?<value>[A-Za-z0-9_+/.~!-]{16,200}={0,2})["'`]/g,
    hints: ['Client'],
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'azure-function-key',
    label: 'Azure Functions key in a URL',
    // `?code=` on an azurewebsites.net function URL; elsewhere a `code=` is an OAuth authorization code
    // (one-time), unless it has a function key's shape: 40+ base64 characters ending in `==`.
    re: /\.azurewebsites\.net\/[^\s"'?#]*\?(?:[^\s"'#]*?&)?code=(?<value>[A-Za-z0-9_/+=%-]{20,200})|[?&]code=(?<value2>[A-Za-z0-9_/+-]{40,200}(?:==|%3D%3D))/g,
    hints: ['code='],
    needsEntropy: true,
  },
];
