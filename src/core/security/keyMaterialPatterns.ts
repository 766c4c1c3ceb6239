import type { SecretPattern } from './SecretPattern';

/**
 * Key material and credentials in structures the keyword rules do not parse (session 13, the fourth
 * held-out split's misses as families): private keys stored base64-encoded (kubeconfig
 * `client-key-data`, `*_KEY_B64` variables), key blocks that are not PEM private keys (OpenVPN static
 * keys), a JWK's private members, base64 Kerberos keytabs, raw symmetric keys as hex constants, XML
 * elements and space-separated config lines named for a credential, maps of credentials (`tokens { … }`),
 * Google app passwords and kubeadm bootstrap tokens; session 19: DNS TSIG keys written as `hmac-alg:name:secret`.
 */

// Credential words as they appear in element names, config keys and map names.
const CREDENTIAL_WORD = String.raw`(?:password|passwd|passphrase|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|secret[_-]?key|auth[_-]?key|credential|psk)`;

const CREDENTIAL_NAME = new RegExp(String.raw`${CREDENTIAL_WORD}|requirepass|masterauth`, 'i');

/** The first bytes of base64 `value`, decoded (enough to read a PEM header or a file's magic). */
function decodedStart(value: string, chars = 120): string {
  const clean = value.replace(/\\n|\s/g, '');
  const n = Math.min(chars, clean.length);
  return Buffer.from(clean.slice(0, n - (n % 4)), 'base64').toString('latin1');
}

/** The text within `radius` characters of the match, for checks that need its neighbourhood. */
function around(m: RegExpMatchArray, radius: number): string {
  const input = m.input ?? '';
  const at = m.index ?? 0;
  return input.slice(Math.max(0, at - radius), at + m[0].length + radius);
}

export const KEY_MATERIAL_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'private-key',
    label: 'private key (base64-encoded PEM)',
    // `LS0tLS1CRUdJTi` is `-----BEGIN` in base64: a PEM file stored encoded (Kubernetes Secrets, kubeconfig
    // `client-key-data`, CI variables). A secret when the PEM inside is a private or static key; certificates
    // (`client-certificate-data`) and public keys are not.
    re: /(?<value>LS0tLS1CRUdJTi[A-Za-z0-9+/]{40,20000}={0,2})/g,
    hints: ['LS0tLS1CRUdJTi'],
    validate: (v) => /^-----BEGIN [A-Z0-9 ]*(?:PRIVATE KEY|OpenVPN Static key)/i.test(decodedStart(v)),
  },
  {
    kind: 'private-key',
    label: 'static key block (OpenVPN)',
    // `openvpn --genkey` writes a 2048-bit shared key between these lines (`ta.key`, `<tls-auth>` inline).
    re: /(?<value>-----BEGIN OpenVPN Static key V\d-----[\s\S]*?-----END OpenVPN Static key V\d-----)/g,
    hints: ['OpenVPN Static key'],
    validate: (v) => /[0-9a-f]{32}/.test(v),
  },
  {
    kind: 'jwk-private-key',
    label: 'private key (JWK private member)',
    // A JWK's private parameters: EC / OKP `d`, RSA `d` `p` `q` `dp` `dq` `qi`, a symmetric (`oct`) key's
    // `k`. `x`, `y`, `n` and `e` are public. Only in an object that is a JWK (a `kty` member nearby).
    re: /["'](?:d|p|q|dp|dq|qi|k)["']\s*:\s*["'](?<value>[A-Za-z0-9_-]{16,2000})["']/g,
    hints: ['kty'],
    validate: (_v, m) => /["']kty["']\s*:/.test(around(m, 1500)),
  },
  {
    kind: 'kerberos-keytab',
    label: 'Kerberos keytab (base64)',
    // A keytab file starts with the bytes 0x05 0x02 (`BQ` + I–L in base64); it holds the principal's keys,
    // so whoever has it can authenticate as the principal. Only with Kerberos named nearby.
    re: /(?<value>\bBQ[IJKL][A-Za-z0-9+/]{56,20000}={0,2})/g,
    hints: ['BQI', 'BQJ', 'BQK', 'BQL'],
    validate: (v, m) => decodedStart(v, 8).startsWith('\x05\x02') && /keytab|kerberos|krb5|kinit/i.test(around(m, 400)),
  },
  {
    kind: 'symmetric-key',
    label: 'symmetric key as a hex constant',
    // `KEY = bytes.fromhex("…")`, `AES_KEY = "…"`, `hmacKey := hex.DecodeString("…")`, `"aes_key": "…"`: a
    // variable named for a key, holding 128, 192 or 256 bits of hex. Digests kept in variables are named
    // for what they hash (`expected_digest`, `CACHE_KEY`), hence the name lists. The match starts at the
    // quote and the name is read behind it: starting at every identifier made the rule slow.
    re: /["'](?<value>[0-9a-fA-F]{64}|[0-9a-fA-F]{48}|[0-9a-fA-F]{32})["']/g,
    hints: /["'][0-9a-fA-F]{32}/,
    validate: (v, m) => {
      const input = m.input ?? '';
      const at = m.index ?? 0;
      // The name, with Go's second result (`aesKey, _ := …`).
      const before =
        /\b([A-Za-z_]\w*)(?:\s*,\s*\w+)?["']?\s*(?::=|=|:)\s*(?:[\w.]*(?:fromhex|unhexlify|DecodeString|decode)\s*\(\s*|Buffer\.from\s*\(\s*)?$/.exec(
          input.slice(Math.max(0, at - 120), at),
        );
      const name = before?.[1] ?? '';
      return (
        /\d/.test(v) &&
        /[a-fA-F]/.test(v) &&
        /(?:^|_)key$|^key|Key$|(?:aes|hmac|cipher|enc|encryption|signing|secret|master|data|wrapping)_?key/i.test(name) &&
        !/public|cache|sort|partition|primary|foreign|idempot|dedup|lookup|hash|digest|checksum|etag|kid|_id$|Id$/i.test(name)
      );
    },
  },
  {
    kind: 'keyword-secret',
    label: 'credential in an XML element',
    // Maven settings.xml `<password>…</password>`, `<apiKey>…</apiKey>`, `<ClientSecret>…</ClientSecret>`.
    // Session 14: attributes in the tag (FileZilla `<Pass encoding="base64">`), and element names that end in
    // `Key` / `Pass` / `Pwd` (Authorize.Net `<transactionKey>`, `<licenseKey>`), except public and id keys.
    re: new RegExp(
      String.raw`<(?<tag>[\w:.-]*?(?:${CREDENTIAL_WORD}|[a-z]Key|Pass|Pwd|pass|pwd)[\w:.-]*)(?:\s[^<>]*)?>\s*(?<value>[^<>\s]{6,200})\s*</\k<tag>>`,
      'gi',
    ),
    hints: /<[\w:.-]*(?:pass|secret|token|key|credential|psk|pwd)/i,
    validate: (_v, m) =>
      !/(?:public|publish|site|sort|partition|primary|foreign|cache|lookup|hash|id|name|type)Key|Key(?:Id|Name|Type|Size|Usage)|passage|compass|bypass/i.test(
        m.groups?.tag ?? '',
      ),
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'keyword-secret',
    label: 'credential in a configuration line',
    // `Name value` lines (fluent-bit `Splunk_Token …`, `.netrc` `password …`, Redis `requirepass …`,
    // Postfix, Squid): a credential-named key, spaces, one value, end of line.
    // The line is matched as `name value` first and the name judged after: a credential word inside the
    // regex was tried at every position of every line.
    re: /^[ \t]*(?<name>[\w.-]{3,60})[ \t]+["']?(?<value>[^\s"'=:]{8,200})["']?[ \t]*$/gm,
    hints: /pass|secret|token|key|credential|psk|masterauth/i,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (_v, m) => CREDENTIAL_NAME.test(m.groups?.name ?? ''),
  },
  {
    kind: 'keyword-secret',
    label: 'credential in a map of credentials',
    // Consul `acl { tokens { agent = "…" } }`, `"secrets": { "stripe": "…" }`: every entry of a map named
    // tokens / secrets / credentials / passwords is one. The lookbehind runs only once an entry matched.
    // It starts at the `=` / `:` of an entry (rarer than the word starts a name would be tried at).
    re: /[:=][ \t]*["'](?<value>[^"'\s]{8,200})["'](?<=(?:^|[\s{,"'.])(?:tokens|secrets|credentials|passwords|api_?keys)["']?\s*[:=]?\s*\{[^{}]{0,2000})/gim,
    hints: /(?:tokens|secrets|credentials|passwords|api_?keys)["']?\s*[:=]?\s*\{/i,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'google-app-password',
    label: 'Google app password',
    // Sixteen lower-case letters in four groups, as Google prints it, assigned to a password setting.
    re: /(?:password|passwd|pass|pwd)[\w.-]*["']?\s*(?:[:=]|=>)\s*["'](?<value>[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4})["']/gi,
    hints: /pass|pwd/i,
  },
  {
    kind: 'kubeadm-token',
    label: 'Kubernetes bootstrap token',
    // `abcdef.0123456789abcdef`: six and sixteen characters of [a-z0-9], with kubeadm or a bootstrap token
    // named nearby (the same shape is an ordinary `object.property` elsewhere).
    re: /\b(?<value>[a-z0-9]{6}\.[a-z0-9]{16})\b/g,
    hints: ['kubeadm', 'discovery-token', 'ootstrap'],
    validate: (v, m) => /\d/.test(v) && /[a-z]/.test(v) && /kubeadm|bootstrap[-_ ]?token|discovery-token|tlsBootstrapToken/i.test(around(m, 300)),
  },
  {
    kind: 'tsig-key',
    label: 'DNS TSIG key (algorithm:name:secret)',
    // Session 19: `nsupdate -y`, `dig -y` and `knsupdate` take a TSIG key as `[hmac-alg:]name:secret`, the
    // shared secret in base64 — whoever has it may change the zone. The algorithm tag says what the triple is.
    re: /\bhmac-(?:md5|sha1|sha224|sha256|sha384|sha512)(?:\.sig-alg\.reg\.int)?:[\w.-]{1,253}:(?<value>[A-Za-z0-9+/]{16,172}={0,2})(?![A-Za-z0-9+/=])/gi,
    hints: /hmac-(?:md5|sha)/i,
    validate: (v) => /[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v),
  },
  {
    kind: 'aws-secret-access-key',
    label: 'AWS secret access key',
    // A key id with its secret next to it: `AKIA…:secret` (Postfix `sasl_passwd` with SES SMTP credentials,
    // 44 characters), `AKIA…,secret` (the console's credentials CSV), `AKIA… secret` (tables, logs).
    re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}["']?[ \t]*[:,;|\t ][ \t]*["']?(?<value>[A-Za-z0-9/+]{40}(?:[A-Za-z0-9/+]{4})?)(?![A-Za-z0-9/+=])/g,
    hints: ['AKIA', 'ASIA'],
    validate: (v) => /[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v),
  },
];
