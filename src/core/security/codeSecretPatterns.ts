import type { SecretPattern } from './SecretPattern';

/**
 * Session 13, second pass: credentials as code and data formats carry them where no assignment
 * sign stands: setters (`ds.setPassword("…")`), DSL lines (Gradle `storePassword '…'`), SQL
 * (`IDENTIFIED BY '…'`, `WITH PASSWORD '…'`), libpq connection strings, session cookies, private
 * keys as bare base64 DER (no PEM armour), PKCS#12 bundles, wallet keys and seed phrases, and
 * `Basic` credentials outside an Authorization header.
 */

/** True when `value` is base64 of `user:password` (basic auth, registry auth entries). */
function isBase64UserPass(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return /^[\x21-\x7e]{1,128}:[\x20-\x7e]{3,256}$/.test(decoded) && !/^[^:]*:\*+$/.test(decoded);
}

/** The line of the match. */
function lineAt(m: RegExpMatchArray): string {
  const input = m.input ?? '';
  const at = m.index ?? 0;
  const end = input.indexOf('\n', at);
  return input.slice(input.lastIndexOf('\n', at - 1) + 1, end === -1 ? undefined : end);
}

// Session cookies: their value logs whoever holds it in (per framework: Express, PHP, Java, ASP.NET, Rails, Django, Laravel).
const SESSION_COOKIES =
  'session|sessionid|session_id|sid|connect\\.sid|PHPSESSID|JSESSIONID|ASP\\.NET_SessionId|\\.AspNetCore\\.Session|_session_id|_[a-z]+_session|laravel_session|remember_token|auth_token|access_token|jwt';

export const CODE_SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'keyword-secret',
    label: 'credential passed to a setter',
    // Java / C# / JS setters and builder methods named for a credential.
    re: /\b(?:set|with)(?:Password|Passwd|Passphrase|Secret|ClientSecret|ApiKey|APIKey|AccessKey|SecretKey|SecretAccessKey|AuthToken|AccessToken|Token|Credentials?|StorePassword|KeyPassword)\s*\(\s*["'](?<value>[^"'\s]{6,200})["']/g,
    hints: /(?:set|with)(?:Pass|Secret|ClientSecret|Api|API|Access|Auth|Token|Cred|Store|Key)/,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'keyword-secret',
    label: 'credential in a build or DSL file',
    // Gradle / Groovy / Ruby / Puppet: a credential-named setting, a space, a quoted literal, end of line
    // (`storePassword 'x'`, `password "x"`, `api_key 'x'`).
    re: /(?:^|[{;][ \t]*)[ \t]*(?<name>\w*(?:[Pp]assword|[Pp]asswd|[Ss]ecret|[Tt]oken|[Aa]pi_?[Kk]ey|apikey)\w*)[ \t]+["'](?<value>[^"'\s]{8,200})["'][ \t,;})\]]*$/gm,
    hints: /pass|secret|token|api_?key/i,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'keyword-secret',
    label: 'password in SQL',
    // CREATE / ALTER USER … IDENTIFIED BY '…', … [WITH] [ENCRYPTED] PASSWORD '…'. A stored hash
    // (`*` + 40 hex, `md5…`, `SCRAM-SHA-256$…`) is left to notASecret.
    re: /\b(?:IDENTIFIED\s+(?:WITH\s+\w+\s+)?BY|(?:WITH\s+)?(?:ENCRYPTED\s+)?PASSWORD)\s+["'](?<value>[^"'\n]{4,200})["']/gi,
    hints: /identified|password/i,
    skipPlaceholders: true,
    validate: (v, m) => !/^[$<{%:]/.test(v) && /\b(?:USER|ROLE|LOGIN|IDENTIFIED)\b/i.test(lineAt(m)),
  },
  {
    kind: 'connection-string-password',
    label: 'password in a connection string',
    // libpq keyword/value connection strings: `host=db user=app password=… dbname=x`.
    re: /(?<![\w-])password=(?<value>[^\s'"]{3,200})(?=[\s'"]|$)/gi,
    hints: /password=/i,
    skipPlaceholders: true,
    validate: (v, m) => !/^[$<{%]/.test(v) && (lineAt(m).match(/\b(?:host|hostaddr|dbname|user|port|sslmode|application_name)=/g) ?? []).length >= 2,
  },
  {
    kind: 'session-cookie',
    label: 'session cookie',
    re: new RegExp(String.raw`^(?:Set-)?Cookie:[^\n]*?(?:^|[\s;:])(?:${SESSION_COOKIES})=(?<value>[^;\s"']{16,4096})`, 'gim'),
    hints: /cookie:/i,
    needsEntropy: true,
  },
  {
    kind: 'private-key',
    label: 'private key (base64 DER, no PEM armour)',
    // Unencrypted PKCS#8 (RSA `MIIEvQIBADANBgkqhkiG9w0BAQEFAASC`, P-256 `MIGHAgEAMBMGByqGSM49…`, Ed25519
    // `MC4CAQAwBQYDK2VwBCIEI`), PKCS#1 RSA (`MIIEpAIBAAKCAQEA`) and SEC1 EC (`MHcCAQEEI`) keys written as one
    // base64 string, as they are in environment variables and JSON.
    re: /\b(?<value>(?:MII[A-Za-z0-9+/]{3}IBADANBgkqhkiG9w0BAQEFAAS|MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEH|MC4CAQAwBQYDK2VwBCIEI|MII[A-Za-z0-9+/]{3}IBAAKC[AB]|MHcCAQEEI)[A-Za-z0-9+/]{40,8000}={0,2})/g,
    hints: ['IBADANBgkqhkiG9w0BAQEFAAS', 'MIGHAgEAMBMGByqGSM49', 'MC4CAQAwBQYDK2Vw', 'IBAAKC', 'MHcCAQEEI'],
  },
  {
    kind: 'pkcs12-bundle',
    label: 'PKCS#12 bundle (base64)',
    // A .p12 / .pfx file in base64 (CI variables, Key Vault exports): a certificate with its private key.
    // PFX version 3 right after the outer sequence (30 82 len 02 01 03 30 82): `MII..AIBAzCC`.
    re: /\b(?<value>MII[A-Za-z0-9+/]{2}AIBAzCC[A-Za-z0-9+/]{100,40000}={0,2})/g,
    hints: ['AIBAzCC'],
  },
  {
    kind: 'crypto-wallet-key',
    label: 'wallet private key',
    // A 256-bit hex key passed to a wallet or signer (ethers `new Wallet("0x…")`, viem
    // `privateKeyToAccount`, web3 `Account.from_key`).
    re: /(?:Wallet|Signer|privateKeyToAccount|from_key|fromPrivateKey|fromSecretKey|PrivateKey)\w*\s*\(\s*["'](?<value>(?:0x)?[0-9a-fA-F]{64})["']/g,
    hints: /Wallet|Signer|privateKeyToAccount|from_key|fromPrivateKey|fromSecretKey|PrivateKey/,
  },
  {
    kind: 'crypto-seed-phrase',
    label: 'wallet seed phrase',
    // BIP-39 mnemonics: 12 to 24 lower-case words, assigned to a mnemonic / seed / recovery phrase.
    re: /(?:mnemonic|seed[_ -]?phrase|recovery[_ -]?phrase|secret[_ -]?phrase|seed[_ -]?words)\w*["']?\s*(?:[:=]|=>)\s*["'`](?<value>(?:[a-z]{3,8} ){11,23}[a-z]{3,8})["'`]/gi,
    hints: /mnemonic|seed|recovery|phrase/i,
  },
  {
    kind: 'basic-auth',
    label: 'basic-auth credentials',
    // `Basic <base64 of user:password>` anywhere (YAML `auth: Basic …`, a header in a log line): the
    // decoded `user:password` shape is the evidence.
    re: /\bBasic\s+(?<value>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g,
    hints: ['Basic'],
    validate: isBase64UserPass,
  },
  {
    kind: 'registry-auth',
    label: 'registry credentials (npm _auth)',
    re: /(?<![\w-])_auth\s*=\s*["']?(?<value>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g,
    hints: ['_auth'],
    validate: isBase64UserPass,
  },
];
