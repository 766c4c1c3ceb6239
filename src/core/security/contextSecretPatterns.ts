import type { SecretPattern } from './SecretPattern';
import { wordAlternation } from './wordAlternation';

/**
 * Secrets recognised by where they stand rather than by their shape: HTTP headers, connection
 * strings, command-line flags, registry auth entries. Their values are often plain hex or base64,
 * which only the context tells apart from a hash.
 */

// Header names that carry a credential by convention (and the ones vendors document).
const HEADERS =
  'x-api-key|api-key|apikey|x-auth-token|x-access-token|x-api-token|x-vault-token|private-token|x-shopify-access-token|ocp-apim-subscription-key|x-functions-key|x-goog-api-key|x-figma-token|x-postmark-server-token|x-honeycomb-team|x-sentry-token|x-consul-token|x-nomad-token|x-splunk-token|x-auth-secret|x-client-secret|x-secret-key|x-access-key';
// Vendor-prefixed header names that say "key" or "token" (session 12): Datadog's `DD-API-KEY` /
// `DD-APPLICATION-KEY`, `X-Postmark-Server-Token`, Cloudflare's `X-Auth-Key`, `X-Amz-Security-Token`.
// Nonces and request ids (`Sec-WebSocket-Key`, `X-Idempotency-Key`, `X-CSRF-Token`) name no credential word.
// The regex starts at the `-` before the credential word and the vendor part behind it is checked after
// a match: starting at every word (`(?:[A-Za-z0-9]+-){1,4}…`) made this rule 5× slower on the repository.
const VENDOR_HEADER_TAIL = String.raw`-(?:api|app|application|access|account|secret|security|auth|session|server|client|license|subscription|admin|master|private)-(?:key|token|secret)`;
// Command-line flags whose argument is a credential.
const FLAGS = String.raw`[\w-]*(?:password|passwd|passphrase|token|secret|api-key|apikey|account-key|access-key|auth-key|client-secret|storepass|keypass|passin|passout|authtoken|bearer)`;

// Vendors whose credentials gitleaks recognises only by the vendor's name nearby (no distinctive prefix).
// Session 12 added the third held-out split's prefix-less vendors (Postmark, Mollie, Salesforce, Supabase,
// Firebase / FCM, Mapbox) and a few of the same kind (Braintree, Razorpay, Paystack, Pusher, …); vendors
// named by common words (Segment, Sanity, Mux, Ably) are left out. Factored by prefix (see wordAlternation).
// Session 13 added more vendors whose keys have no prefix (messaging, payments, AI, observability, SaaS
// APIs); again none named by a common word (Render, Railway, Box, Zoom, Together, Split).
const VENDORS = wordAlternation(
  'postmark|mollie|salesforce|supabase|firebase|fcm|mapbox|braintree|razorpay|paystack|pusher|onesignal|bugsnag|rollbar|honeycomb|loggly|newrelic|splunk|adafruit|algolia|asana|beamer|bitbucket|bittrex|cloudflare|codecov|cohere|coinbase|confluent|datadog|droneci|etsy|fastly|finicity|finnhub|flickr|freshbooks|gitter|gocardless|heroku|intercom|kraken|kucoin|launchdarkly|linkedin|looker|mailgun|mattermost|meraki|messagebird|netlify|nytimes|okta|plaid|privateai|rapidapi|sendbird|snyk|squarespace|sumologic|travis|twitch|twitter|zendesk|mistral|deepseek|pinecone|wandb|alibaba|yandex|facebook|discord|dropbox|trello|circleci|vercel|pagerduty|mixpanel|auth0|vonage|nexmo|plivo|telnyx|sinch|mailjet|mandrill|sparkpost|klaviyo|amplitude|optimizely|statsig|posthog|buildkite|linode|vultr|hetzner|scaleway|cloudinary|imgix|contentful|storyblok|prismic|shopify|paypal|adyen|binance|bitfinex|infura|etherscan|moralis|openweather|mapquest|tomtom|ipinfo|ipstack|newsapi|serpapi|deepl|assemblyai|deepgram|elevenlabs|speechmatics|weaviate|qdrant|zilliz|upstash|raygun|logdna|papertrail|opsgenie|victorops|statuspage|pingdom|uptimerobot|freshdesk|hubspot|pipedrive|zoho|airtable|clickup|jira|atlassian|confluence|figma|docusign|hellosign|typeform|jotform|calendly|webex|telegram|spotify|vimeo|unsplash|giphy|sentry|grafana|gitlab|openai|anthropic|groq|replicate|huggingface|twilio|sendgrid|mailchimp|brevo|stripe|consul|nomad|resend|openrouter|fireworks|anyscale|perplexity|langsmith|clearml'.split(
    '|',
  ),
);

/** True when `value` is base64 of `user:password` (basic auth, registry auth entries). */
function isBase64UserPass(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return /^[\x21-\x7e]{1,128}:[\x20-\x7e]{3,256}$/.test(decoded) && !/^[^:]*:\*+$/.test(decoded);
}

export const CONTEXT_SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'azure-storage-key',
    label: 'Azure storage account key',
    // Connection strings (AccountKey=, SharedAccessKey=) and the az CLI's --account-key.
    re: /(?:AccountKey|SharedAccessKey|account-key)(?:=|\s+["']?)(?<value>[A-Za-z0-9+/]{40,}={0,2})/g,
    hints: ['AccountKey', 'SharedAccessKey', 'account-key'],
  },
  {
    kind: 'basic-auth',
    label: 'basic-auth credentials in a header',
    // `Authorization: Basic …` in HTTP, or after a space in server configs (nginx `proxy_set_header
    // Authorization "Basic …"`, Apache `RequestHeader set Authorization …`).
    re: /authorization["']?(?:\s*[:=]\s*|\s+)["'`]?basic\s+(?<value>[A-Za-z0-9+/]{8,}={0,2})/gi,
    hints: /basic/i,
    validate: isBase64UserPass,
  },
  {
    kind: 'bearer-token',
    label: 'token in an Authorization header',
    // Any scheme vendors use for a key: Bearer, Bot, Token, Okta's `SSWS`, FCM's `key=`, OpsGenie's
    // `GenieKey`, DeepL's `DeepL-Auth-Key`, Klaviyo's `Klaviyo-API-Key`. `!` occurs in Salesforce tokens.
    // Session 13: a language's string prefix before the quote (Python `f"Bearer {…}"`, C# `$"…"` / `@"…"`),
    // a parameter after the scheme (PagerDuty's `Token token=…`), and a header set through a call
    // (`headers.Add("Authorization", "Bearer …")`, `setRequestProperty("Authorization", …)`).
    re: /authorization["']?(?:\s*[:=,]\s*|\s+)(?:[fFrRbBuU]{1,2}|[$@])?["'`]?(?:bearer|bot|token|ssws|oauth|apikey|api-key|key|geniekey|splunk|[A-Za-z]+-(?:api-|auth-)?key)(?:\s+(?:token|key|api_key)=|\s+|=)(?<value>[A-Za-z0-9._~+/!-]{16,}=*)/gi,
    hints: /authoriz/i,
    needsEntropy: true,
  },
  {
    kind: 'bearer-token',
    label: 'token in an Authorization header',
    // Session 13: the key as the whole header value, with no scheme word (AssemblyAI, Linear, Notion's old
    // keys: `headers = {"authorization": "d7e5…"}`). Only a quoted value with no space in it; `Basic …` and
    // `Bearer …` values have one and are the rules above.
    re: /\bauthorization["']?\s*[:=,]\s*["'`](?<value>[A-Za-z0-9._~+/-]{20,200}={0,2})["'`]/gi,
    hints: /authoriz/i,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (v) => /\d/.test(v) && /[A-Za-z]/.test(v),
  },
  {
    kind: 'api-key-header',
    label: 'API key in a request header',
    re: new RegExp(String.raw`(?<![\w-])(?:${HEADERS})["']?\s*[:=,]\s*["'\x60]?(?<value>[A-Za-z0-9._~+/=-]{16,})`, 'gi'),
    hints: /api-?key|token|subscription-key|functions-key|honeycomb|secret|access-key/i,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'api-key-header',
    label: 'API key in a request header',
    re: new RegExp(String.raw`${VENDOR_HEADER_TAIL}["']?\s*[:=,]\s*["'\x60]?(?<value>[A-Za-z0-9._~+/=-]{16,})`, 'gi'),
    hints: new RegExp(VENDOR_HEADER_TAIL, 'i'),
    needsEntropy: true,
    skipPlaceholders: true,
    // The vendor part before the tail: one to four words, starting a header name (`DD`, `X-Postmark`).
    validate: (_v, m) => /(?:^|[^\w-])(?:[A-Za-z0-9]+-){0,3}[A-Za-z0-9]+$/.test((m.input ?? '').slice(Math.max(0, (m.index ?? 0) - 80), m.index)),
  },
  {
    kind: 'api-key-header',
    label: 'API key in a request header',
    // Session 13: `X-<Vendor>-Token`, `X-<Vendor>-Key`, `X-<Vendor>-Secret` (`X-Gitlab-Token`, `X-Consul-Token`,
    // `X-Algolia-API-Key`); per-request values that open nothing (CSRF, idempotency, request, trace, cache
    // keys, nonces, signatures) are named for what they are.
    re: /(?<![\w-])X-(?<vendor>[A-Za-z0-9]+)-(?:Token|Key|Secret|Auth)["']?\s*[:=,]\s*["'`]?(?<value>[A-Za-z0-9._~+/=-]{16,})/gi,
    hints: /X-[A-Za-z0-9]+-(?:Token|Key|Secret|Auth)/i,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (_v, m) =>
      !/^(?:csrf|xsrf|idempotency|request|correlation|trace|cache|nonce|dedup|dedupe|session|signature|webhook|hub|amz|goog|ms|websocket)$/i.test(
        m.groups?.vendor ?? '',
      ),
  },
  {
    kind: 'url-secret-parameter',
    label: 'credential in a URL path',
    // Session 13: a key as a path segment after a credential word (IFTTT `/with/key/<key>`,
    // `/api/token/<token>/…`); Telegram's `/bot<token>/` is its own rule.
    re: /\/(?:key|keys|token|tokens|apikey|api_key|api-key|secret|access_token|auth)\/(?<value>[A-Za-z0-9_-]{20,200})(?=[/?#"'\s)]|$)/gi,
    hints: /\/(?:key|token|apikey|api_key|api-key|secret|access_token|auth)s?\//i,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (v) => /\d/.test(v) && /[A-Za-z]/.test(v),
  },
  {
    kind: 'registry-auth',
    label: 'registry credentials (Docker config auth)',
    // JSON (`"auth": "…"`) and the same config written as YAML (`auths:` → `ghcr.io:` → `auth: …`).
    re: /(?<![\w-])["']?(?:auth|identitytoken)["']?\s*:\s*["']?(?<value>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g,
    hints: /auth["']?\s*:|identitytoken/,
    validate: isBase64UserPass,
  },
  {
    kind: 'twilio-auth-token',
    label: 'Twilio auth token',
    // An account SID followed by its token: `-u AC…:token`, `twilio('AC…', 'token')`.
    re: /\bAC[0-9a-f]{32}\b["']?\s*[,:]\s*["']?(?<value>[0-9a-f]{32})\b/g,
    hints: ['AC'],
  },
  {
    kind: 'command-line-password',
    label: 'password on a command line',
    // The password flags of sshpass, mysql (glued to -p), redis-cli (-a), docker/podman/helm login,
    // twine, and curl's user:password.
    re: /\b(?:sshpass\s+-p\s*|mysql(?:dump|admin)?\b[^\n]*?\s-p|redis-cli\b[^\n]*?\s-a\s+|(?:docker|podman|helm)\s+(?:registry\s+)?login\b[^\n]*?\s-p\s+|twine\b[^\n]*?\s-p\s+|curl\b[^\n]*?\s(?:-u|--user)\s+["']?[^\s:'"]+:)["']?(?<value>[^\s'"]{4,})/g,
    hints: ['sshpass', 'mysql', 'redis-cli', 'login', 'twine', 'curl'],
    skipPlaceholders: true,
    validate: (v) => !/^\$|^\{|^<|^-/.test(v),
  },
  {
    kind: 'command-line-password',
    label: 'password on a command line',
    // Session 13: the mongo shells' `-p`, sqlcmd / bcp `-P`, zip / unzip `-P`, 7-Zip's glued `-p`, `az login
    // -p`, LDAP tools' `-w`, and smbclient's / smbmap's `-U user%password`. A pattern of its own, so that the
    // one above runs only on texts with its own tools' names.
    re: /\b(?:mongo(?:sh|dump|restore|export|import)?\b[^\n]*?\s-p\s+|(?:sqlcmd|bcp)\b[^\n]*?\s-P\s+|(?:zip|unzip)\b[^\n]*?\s-P\s+|7za?\s[^\n]*?\s-p(?=[^\s-])|az\s+login\b[^\n]*?\s-p\s+|ldap(?:search|add|modify|delete|passwd|whoami)\b[^\n]*?\s-w\s+|(?:smbclient|smbmap)\b[^\n]*?\s-U\s+["']?[^\s%'"]+%)["']?(?<value>[^\s'"`…]{4,})/g,
    hints: ['mongo', ' -P ', '7z', 'az login', 'ldap', 'smb'],
    skipPlaceholders: true,
    validate: (v) => !/^\$|^\{|^<|^-/.test(v),
  },
  {
    kind: 'command-line-secret',
    label: 'credential passed as a command-line flag',
    // `--token …` and, since session 13, the single-dash long flags of Go and Java tools (Consul / Nomad /
    // Vault `-token=…`, keytool `-storepass …`, openssl `-passin pass:…`).
    re: new RegExp(String.raw`(?<![\w-])--?${FLAGS}(?:=|\s+)["']?(?:pass:)?(?<value>[^\s'"]{6,})`, 'gi'),
    hints: /-[\w-]*(?:pass|token|secret|key|bearer)/i,
    needsEntropy: true,
    skipPlaceholders: true,
    // A flag's sub-options are not its value: BuildKit's `--secret id=npmrc,src=…` names where a secret is read.
    // OpenSSL's other password sources (`env:VAR`, `file:path`, `fd:3`, `stdin`) say where it is read from.
    // Session 14: only those keys are sub-options, and a password flag has none: its value may itself
    // start `d=` (`mongosh --password 'd=…'`).
    validate: (v, m) =>
      (/^--?[\w-]*pass/i.test(m[0]) || !/^(?:id|src|source|env|type|target|dst|destination|required|mode|uid|gid|name|file)=/.test(v)) &&
      !/^(?:env|file|fd):|^stdin$/.test(v),
  },
  {
    kind: 'env-credential',
    label: 'credential in an environment assignment',
    // PGPASSWORD=… psql, MYSQL_PWD=…, GH_TOKEN=… gh: an upper-case variable before a command.
    // `_PASS` / `_PW` (SMTP_PASS, RABBITMQ_DEFAULT_PASS) since session 13.
    // Session 13 also: a name ending in `_KEY` or `_PAT` (AZURE_OPENAI_KEY, ADO_PAT), unless it names a
    // public or structural key (PUBLIC_KEY, PUBLISHABLE_KEY, SITE_KEY, CACHE_KEY, SORT_KEY, …).
    re: /(?<![\w$])(?<name>[A-Z][A-Z0-9_]*(?:(?:PASSWORD|PASSWD|_PWD|TOKEN|SECRET|API_KEY|APIKEY|ACCESS_KEY|AUTH_KEY)[A-Z0-9_]*|(?:_PASS|_PW)(?:_[A-Z0-9_]*)?|_KEY|_PAT))=["']?(?<value>[^\s'"$]{6,})/g,
    hints: /PASSWORD|PASSWD|_PWD|_PASS|_PW|TOKEN|SECRET|API_?KEY|ACCESS_KEY|AUTH_KEY|_KEY=|_PAT=/,
    validate: (_v, m) =>
      !/(?:PUBLIC|PUBLISHABLE|SITE|CACHE|SORT|PARTITION|PRIMARY|FOREIGN|IDEMPOTENCY|DEDUP|LOOKUP|HASH|ROUTING|MEASUREMENT|TRACKING)_KEY$/.test(
        m.groups?.name ?? '',
      ),
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'url-secret-parameter',
    label: 'credential in a URL parameter',
    re: /[?&](?:api[_-]?key|access[_-]?token|token|sig|signature|client[_-]?secret|password|secret)=(?<value>[A-Za-z0-9%._~+/=-]{16,})/gi,
    hints: ['?', '&'],
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'comment-credential',
    label: 'credential in a code comment',
    // `# user: x  pass: S3cr3t!`, `// pwd = …`, `-- password is …`: a comment line, a credential word,
    // then a value anywhere on the line. The value must end at a space or quote (not `process.cwd()`)
    // and look random (entropy and character classes, see PrivacyGuard), so prose about passwords passes.
    re: /^[ \t]*(?:#|\/\/|--|\/?\*|;|<!--|rem\b)[^\n]{0,200}?\b(?:password|passwd|passphrase|pass|pwd|pw|secret|token|api[ _-]?key)\b\s*(?:[:=]|\bis\b)\s*["'`]?(?<value>[^\s"'`(),;<>{}[\]]{6,128})(?![^\s"'`,;.])/gim,
    hints: /pass|pwd|pw\b|secret|token|api.?key/i,
    needsEntropy: true,
    skipPlaceholders: true,
    // Three character classes: comments are prose, and `token is workspace-scoped:` is not a value.
    validate: (v) => [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((c) => c.test(v)).length >= 3,
  },
  {
    kind: 'config-key-value',
    label: 'credential in a configuration key/value entry',
    // .NET app.config / NuGet.config: <add key="ClearTextPassword" value="…" />.
    re: /<add\s+key\s*=\s*["'][^"']*(?:password|secret|token|apikey|api-key)[^"']*["']\s+value\s*=\s*["'](?<value>[^"']{6,200})["']/gi,
    hints: /<add\s/i,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'sidekiq-secret',
    label: 'Sidekiq Enterprise credentials',
    re: /\bBUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM["']?\s*[:=]\s*["']?(?<value>[a-f0-9]{8}:[a-f0-9]{8})\b/gi,
    hints: /contribsys/i,
  },
  {
    kind: 'algolia-key',
    label: 'Algolia API key',
    // `algoliasearch(appId, key)`: the admin key and a search-only key have the same 32-hex shape. Leaning
    // wide, it is a secret; `publicInContext` lets a search-only key through when the code only searches.
    re: /\balgoliasearch\s*\(\s*["'][A-Z0-9]{8,12}["']\s*,\s*["'](?<value>[a-f0-9]{32})["']/g,
    hints: ['algoliasearch'],
  },
  {
    kind: 'jwt-base64',
    label: 'JSON Web Token, base64-encoded',
    // A JWT stored base64-encoded (Kubernetes Secret data, env files): `eyJ` encodes to `ZXlK`.
    re: /\b(?<value>ZXlK[A-Za-z0-9+/]{60,4000}={0,2})/g,
    hints: ['ZXlK'],
    validate: (v) => /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\s*$/.test(Buffer.from(v, 'base64').toString('latin1')),
  },
  {
    kind: 'vendor-credential',
    label: 'payment gateway CRC key',
    // Session 19: Przelewy24 signs every transaction with the merchant's "CRC key", 16 hex characters under a
    // name that elsewhere means a checksum; only with the gateway named in the text.
    re: /\bcrc(?:_?key)?["']?[ \t]*[:=][ \t]*["']?(?<value>[0-9a-f]{16})(?![0-9a-f])/gi,
    hints: /\bcrc/i,
    validate: (v, m) => /\d/.test(v) && /[a-f]/.test(v) && /przelewy24|\bp24[_.]/i.test(m.input ?? ''),
  },
  {
    kind: 'vendor-credential',
    label: 'credential assigned to a vendor setting',
    // gitleaks' keyword families: FASTLY_KEY=…, okta: …, "snyk": "…". The vendor's name, up to 20 more
    // identifier characters, an assignment and a long random value. Names of public settings (…_ID,
    // …_URL, …_REGION) are left alone: a Cloudflare zone id is not a credential.
    re: new RegExp(
      String.raw`\b(?<name>(?:${VENDORS})[\w.-]{0,20}?)["']?\s*(?::=|=>|[:=]|,)\s*["'\x60]?(?<value>[A-Za-z0-9_=/+.-]{20,128})(?![A-Za-z0-9_=/+.-])`,
      'gi',
    ),
    hints: new RegExp(VENDORS, 'i'),
    needsEntropy: true,
    skipPlaceholders: true,
    // Tokens carry digits; CamelCase type names (`wandb: FineTuningJobWandbIntegration`) do not.
    validate: (v, m) =>
      /\d/.test(v) &&
      /[A-Za-z]/.test(v) &&
      !/(?:^|[_.-])(?:id|ids|url|uri|host|hostname|name|region|site|domain|endpoint|user|username|email|org|organization|organisation|tenant|workspace|instance|verification|challenge|signature|sig|hmac|hmac-sha\d+|sha\d*|team|project|zone|account|version|env|channel|path|dsn|sha|commit|ref|hash|digest|tag|branch|repo|owner|sku|plan|color|theme|locale|lang|size|count|limit|timeout|port|mode|level|format|type|status|enabled|dataset|index|bucket|queue|topic|table)$/i.test(
        m.groups?.name ?? '',
      ),
  },
];
