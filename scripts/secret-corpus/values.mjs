// Seeded generators of credential-shaped values. Every value is random from a fixed seed: none is,
// or ever was, a live credential. Formats follow the issuers' documented token shapes.

export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_NUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;
const B64URL = `${ALNUM}-_`;
const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';

export function values(seed) {
  const r = rng(seed);
  const pick = (set, n) => Array.from({ length: n }, () => set[Math.floor(r() * set.length)]).join('');
  const b64of = (s) => Buffer.from(s).toString('base64');
  const word = () => ['river', 'falcon', 'maple', 'orbit', 'cobalt', 'tundra', 'ember', 'quartz'][Math.floor(r() * 8)];
  const password = () => `${word()[0].toUpperCase()}${word().slice(1)}${pick('0123456789', 2)}${pick('!#%&*-_', 1)}${pick(ALNUM, 5)}`;
  return {
    pick,
    alnum: (n) => pick(ALNUM, n),
    hex: (n) => pick(HEX, n),
    b64: (n) => pick(B64, n),
    b64url: (n) => pick(B64URL, n),
    password,
    awsKeyId: () => `AKIA${pick(UPPER_NUM, 16)}`,
    awsStsKeyId: () => `ASIA${pick(UPPER_NUM, 16)}`,
    awsSecret: () => pick(B64, 40),
    ghp: () => `ghp_${pick(ALNUM, 36)}`,
    gho: () => `gho_${pick(ALNUM, 36)}`,
    ghPat: () => `github_pat_11${pick(UPPER_NUM, 20)}_${pick(ALNUM, 59)}`,
    openai: () => `sk-proj-${pick(B64URL, 74)}T3BlbkFJ${pick(B64URL, 74)}`,
    openaiLegacy: () => `sk-${pick(ALNUM, 20)}T3BlbkFJ${pick(ALNUM, 20)}`,
    anthropic: () => `sk-ant-api03-${pick(B64URL, 93)}AA`,
    slackBot: () => `xoxb-${pick('0123456789', 12)}-${pick('0123456789', 13)}-${pick(ALNUM, 24)}`,
    slackUser: () => `xoxp-${pick('0123456789', 12)}-${pick('0123456789', 12)}-${pick('0123456789', 13)}-${pick(HEX, 32)}`,
    slackWebhook: () => `https://hooks.slack.com/services/T${pick(UPPER_NUM, 8)}/B${pick(UPPER_NUM, 10)}/${pick(ALNUM, 24)}`,
    jwt: () => {
      const h = b64of(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).replace(/=+$/, '');
      const p = b64of(JSON.stringify({ sub: pick('0123456789', 8), role: 'admin', iat: 1764000000 + Math.floor(r() * 1e6) })).replace(/=+$/, '');
      return `${h}.${p}.${pick(B64URL, 43)}`;
    },
    azureAccountKey: () => `${pick(B64, 86)}==`,
    sendgrid: () => `SG.${pick(B64URL, 22)}.${pick(B64URL, 43)}`,
    vault: () => `hvs.${pick(ALNUM, 24)}`,
    vaultLong: () => `hvs.CAESI${pick(B64URL, 86)}`,
    twilioSid: () => `AC${pick(HEX, 32)}`,
    twilioToken: () => pick(HEX, 32),
    twilioApiKey: () => `SK${pick(HEX, 32)}`,
    apiKey32: () => pick(ALNUM, 32),
    dockerAuth: () => b64of(`${word()}bot:${password()}`),
    discord: () => `${b64of(pick('123456789', 1) + pick('0123456789', 17)).replace(/=+$/, '')}.${pick(B64URL, 6)}.${pick(B64URL, 38)}`,
    gitlab: () => `glpat-${pick(B64URL, 20)}`,
    stripe: () => `sk_live_51${pick(ALNUM, 97)}`,
    stripeRestricted: () => `rk_live_51${pick(ALNUM, 97)}`,
    google: () => `AIza${pick(B64URL, 35)}`,
    npm: () => `npm_${pick(ALNUM, 36)}`,
    pypi: () => `pypi-AgEIcHlwaS5vcmc${pick(B64URL, 70)}`,
    shopify: () => `shpat_${pick(HEX, 32)}`,
    digitalocean: () => `dop_v1_${pick(HEX, 64)}`,
    huggingface: () => `hf_${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34)}`,
    databricks: () => `dapi${pick(HEX, 32)}`,
    telegram: () => `${pick('123456789', 1)}${pick('0123456789', 9)}:AA${pick(B64URL, 33)}`,
    age: () => `AGE-SECRET-KEY-1${pick(BECH32, 58)}`,
    linear: () => `lin_api_${pick(ALNUM, 40)}`,
    postman: () => `PMAK-${pick(HEX, 24)}-${pick(HEX, 34)}`,
    grafana: () => `glsa_${pick(ALNUM, 32)}_${pick(HEX, 8)}`,
    mailgun: () => `key-${pick(HEX, 32)}`,
    mailchimp: () => `${pick(HEX, 32)}-us${pick('123456789', 2)}`,
    newrelic: () => `NRAK-${pick(UPPER_NUM, 27)}`,
    doppler: () => `dp.pt.${pick(ALNUM, 43)}`,
    pulumi: () => `pul-${pick(HEX, 40)}`,
    atlassian: () => `ATATT3xFfGF0${pick(B64URL, 180)}=${pick(HEX, 8).toUpperCase()}`,
    terraform: () => `${pick(ALNUM, 14)}.atlasv1.${pick(ALNUM, 67)}`,
    sentry: () => `sntrys_${pick(B64, 140)}`,
    heroku: () => `HRKU-AA${pick(B64URL, 58)}`,
    square: () => `EAAA${pick(B64URL, 60)}`,
    onepassword: () => `ops_${pick(B64URL, 250)}`,
    rsaBody: (lines) => Array.from({ length: lines }, () => pick(B64, 64)).join('\n'),
    // Negatives
    uuid: () => `${pick(HEX, 8)}-${pick(HEX, 4)}-4${pick(HEX, 3)}-${pick('89ab', 1)}${pick(HEX, 3)}-${pick(HEX, 12)}`,
    sha1: () => pick(HEX, 40),
    sha256: () => pick(HEX, 64),
    integrity: () => `sha512-${pick(B64, 86)}==`,
    integrity1: () => `sha1-${pick(B64, 27)}=`,
    pngBase64: () => `iVBORw0KGgoAAAANSUhEUgAA${pick(B64, 400)}`,
    sshPublic: () => `AAAAC3NzaC1lZDI1NTE5AAAAI${pick(B64, 43)}`,
    sshRsaPublic: () => `AAAAB3NzaC1yc2EAAAADAQABAAABgQ${pick(B64, 500)}`,
    word,
  };
}
