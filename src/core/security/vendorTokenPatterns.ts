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
  ['telegram-token', 'Telegram bot token', String.raw`\b\d{6,12}:AA[A-Za-z0-9_-]{32,34}\b`, [':AA']],
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
];

export const VENDOR_TOKEN_PATTERNS: readonly SecretPattern[] = TOKENS.map(([kind, label, re, hints]) => ({
  kind,
  label,
  re: new RegExp(`(?<value>${re})`, 'g'),
  hints,
  randomBody: true,
}));
