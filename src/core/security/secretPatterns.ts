import { CALL_AND_COMMAND_SECRET_PATTERNS } from './callAndCommandSecrets';
import { CODE_SECRET_PATTERNS } from './codeSecretPatterns';
import { COMMAND_LINE_SECRET_PATTERNS, SHELL_INPUT_SECRET_PATTERNS } from './commandLineSecrets';
import { CONFIG_SECRET_PATTERNS } from './configSecretPatterns';
import { CONTEXT_SECRET_PATTERNS } from './contextSecretPatterns';
import { KEY_MATERIAL_PATTERNS } from './keyMaterialPatterns';
import { LANGUAGE_AND_FORMAT_SECRET_PATTERNS } from './languageAndFormatSecrets';
import { REQUEST_AND_STRUCTURE_SECRET_PATTERNS } from './requestAndStructureSecrets';
import type { SecretPattern } from './SecretPattern';
import { VENDOR_TOKEN_PATTERNS } from './vendorTokenPatterns';

export type { SecretPattern } from './SecretPattern';

// Keywords that name a credential. Kept in one place: the entropy pattern and the hints both use it.
// Session 11 added gitleaks' generic families: credentials/creds, and keys named for what they sign or
// unlock (APP_KEY, SIGNING_KEY, MASTER_KEY, …).
// Session 13: Wi-Fi and VPN pre-shared keys (`psk=`), `_pass` names (`ansible_ssh_pass`, `smtp.pass`), and
// keys named for the cipher or MAC they feed (ASP.NET `validationKey` / `decryptionKey`, `hmac_key`).
const KEYWORDS =
  'password|passwd|passphrase|pwd|[_.-]pass(?![a-z])|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?key|credentials?|creds|psk|pre[_-]?shared[_-]?key|(?:app|master|license|signing|encryption|service|account|session|validation|decryption|hmac|aes|cipher|crypto|jwt)[_-]?key';

/**
 * Known credential formats. Prefix-based patterns first: they are exact, so the location and kind
 * they report are the most useful. Formats follow the issuers' documented token prefixes.
 */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'private-key',
    label: 'private key (PEM)',
    re: /(?<value>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$))/g,
    hints: ['PRIVATE KEY'],
    // Key material must follow the header (after escaped newlines, quotes, `+` of a concatenation, and
    // headers such as `Proc-Type:`): a header alone is a string constant in code that parses PEM files.
    validate: (v) => /^-----BEGIN [^\n]*?-----(?:\\[rn]|[\s"'+,])*(?:[A-Za-z-]+:[^\n]*(?:\\n|\n)(?:\\[rn]|[\s"'+,])*)*[A-Za-z0-9+/=]{40}/.test(v),
  },
  {
    kind: 'aws-access-key-id',
    label: 'AWS access key id',
    re: /\b(?<value>(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16})\b/g,
    hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'APKA'],
  },
  {
    kind: 'aws-secret-access-key',
    label: 'AWS secret access key',
    // A space separates them too on a command line (`aws configure set aws_secret_access_key …`).
    re: /aws.{0,20}?(?:secret|sk).{0,20}?["']?(?:\s*(?:[:=]|=>)\s*|[ \t]+)["']?(?<value>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    hints: /aws/i,
  },
  {
    kind: 'github-token',
    label: 'GitHub token',
    re: /\b(?<value>(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g,
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  },
  {
    kind: 'anthropic-key',
    label: 'Anthropic API key',
    re: /\b(?<value>sk-ant-[A-Za-z0-9_-]{20,})/g,
    hints: ['sk-ant-'],
  },
  {
    kind: 'openai-key',
    label: 'OpenAI API key',
    re: /\b(?<value>sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,})/g,
    hints: ['sk-'],
  },
  {
    kind: 'slack-token',
    label: 'Slack token',
    re: /\b(?<value>xox[abposre]-[A-Za-z0-9-]{10,})/g,
    hints: ['xox'],
  },
  {
    kind: 'slack-webhook',
    label: 'Slack webhook URL',
    // Session 14: the path is judged like a token's body (`…/XXXXXXXXX/XXXXXXXXX/XXXX…` is a template).
    re: /(?<value>https:\/\/hooks\.slack\.com\/services\/(?<body>[A-Za-z0-9/_-]{20,}))/g,
    hints: ['hooks.slack.com'],
    randomBody: true,
  },
  {
    kind: 'stripe-key',
    label: 'Stripe secret key',
    // Test-mode keys too: they read and write the account's test data (gitleaks flags them as well).
    re: /\b(?<value>(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,})/g,
    hints: ['_live_', '_test_'],
    randomBody: true,
  },
  {
    kind: 'google-api-key',
    label: 'Google API key',
    re: /(?<value>AIza[0-9A-Za-z_-]{35})/g,
    hints: ['AIza'],
  },
  {
    kind: 'npm-token',
    label: 'npm token',
    re: /\b(?<value>npm_[A-Za-z0-9]{36})\b/g,
    hints: ['npm_'],
  },
  {
    kind: 'jwt',
    label: 'JSON Web Token',
    re: /\b(?<value>eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})/g,
    hints: ['eyJ'],
  },
  ...VENDOR_TOKEN_PATTERNS,
  ...CONTEXT_SECRET_PATTERNS,
  ...CONFIG_SECRET_PATTERNS,
  ...COMMAND_LINE_SECRET_PATTERNS,
  ...KEY_MATERIAL_PATTERNS,
  ...SHELL_INPUT_SECRET_PATTERNS,
  ...CODE_SECRET_PATTERNS,
  ...REQUEST_AND_STRUCTURE_SECRET_PATTERNS,
  ...LANGUAGE_AND_FORMAT_SECRET_PATTERNS,
  ...CALL_AND_COMMAND_SECRET_PATTERNS,
  {
    kind: 'url-credentials',
    label: 'password in a URL',
    // Anchored on "://" rather than the scheme: scanning from every word start was 20× slower.
    // The user may be empty (redis://:password@host).
    re: /:\/\/[^\s:/@"'`]*:(?<value>[^\s:/@"'`]{3,})@[^\s"'`]/g,
    hints: ['://'],
    skipPlaceholders: true,
  },
  {
    kind: 'keyword-secret',
    label: 'credential assignment',
    // KEY = "value" in code, JSON and YAML, or KEY=value on an .env-style line. The match starts at
    // the keyword: a leading [\w.-]* (to take the whole identifier) made the scan 25× slower. Spaces
    // around the separator stay on the line: `case 'client_credentials':` is not assigned the next line.
    re: new RegExp(
      String.raw`(?<word>${KEYWORDS})(?<suffix>[\w.-]*)["']?[ \t]*(?::=|=>|[:=])[ \t]*(?:(?<q>["'\x60])(?<value>[^"'\x60\s]{8,200})\k<q>|(?<value2>[^\s"'\x60,;()\[\]{}]{8,200})(?=\s*$))`,
      'gim',
    ),
    hints: new RegExp(KEYWORDS, 'i'),
    needsEntropy: true,
    // Session 13: a credential's identifier is not the credential (`credential_id`, `access_key_id`,
    // WebAuthn's credential ids), except a Vault AppRole `secret_id`, which is one.
    // Session 14: a name that says public before the keyword (.NET `publicKeyToken`) is not a credential.
    // Session 21: nor one that says echo (OTA / HTNG `EchoToken`, the request's id echoed back).
    validate: (_v, m) =>
      (!/^[_.-]?ids?$/i.test(m.groups?.suffix ?? '') || /^secret$/i.test(m.groups?.word ?? '')) &&
      !/(?:public|echo)[\w-]*$/i.test((m.input ?? '').slice(Math.max(0, (m.index ?? 0) - 30), m.index)),
  },
];
