// Training records added in session 11 (issue #13): the second held-out split's misses and false
// positives as general families, and gitleaks' default-rule families the rules lacked. The rules were
// tuned on these; they are training data, never held-out.
export function gapSamples(v) {
  const P = [];
  const N = [];
  const pos = (kind, secret, text, attachments) => P.push({ label: 'secret', kind, secret, text, ...(attachments ? { attachments } : {}) });
  const neg = (kind, text, attachments) => N.push({ label: 'clean', kind, text, ...(attachments ? { attachments } : {}) });
  const { alnum, hex, b64, b64url, pick } = v;
  const LOWER_NUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const UPPER_NUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let s;

  // --- passwords in comments (the heldout-2 miss, as a family) ---
  s = v.password();
  pos('comment-password', s, 'why does this time out on the replica?', [
    {
      path: 'jobs/export.py',
      content: `import os\n\n# replica login until IAM auth lands\n#   user: export_job   pass: ${s}\nconn = connect(host=os.environ["DB_HOST"])\n`,
    },
  ]);
  s = v.password();
  pos('comment-password', s, `// staging admin, pwd = ${s} (rotate after the demo)\nconst admin = await login(page, 'admin');\nwhy does the login step flake?`);
  s = v.password();
  pos('comment-password', s, 'explain this migration', [{ path: 'db/001_init.sql', content: `-- app role; password is ${s}\nCREATE ROLE app LOGIN;\n` }]);

  // --- issuer formats the rules lacked ---
  s = `whsec_${alnum(32)}`;
  pos('stripe-webhook-secret', s, 'the webhook handler rejects every event', [
    { path: 'config/stripe.ts', content: `export const endpointSecret = '${s}';\n` },
  ]);
  s = `sk_test_51${alnum(60)}`;
  pos('stripe-test-key', s, `const stripe = require('stripe')('${s}');\nstripe.customers.list() returns 401 in CI`);
  s = `xapp-1-A${pick(UPPER_NUM, 9)}-${pick('0123456789', 13)}-${hex(64)}`;
  pos('slack-app-token', s, `SLACK_APP_TOKEN=${s} — socket mode says invalid_auth, which scope is missing?`);
  s = `pplx-${alnum(48)}`;
  pos('perplexity-key', s, `client = OpenAI(api_key="${s}", base_url="https://api.perplexity.ai") — model not found?`);
  s = `sgp_${hex(16)}_${hex(40)}`;
  pos('sourcegraph-token', s, `src login https://sourcegraph.acme.dev with ${s} fails with 401`);
  s = `squ_${hex(40)}`;
  pos('sonar-token', s, 'sonar-scanner fails in CI', [{ path: 'sonar-project.properties', content: `sonar.projectKey=acme_api\nsonar.login=${s}\n` }]);
  s = `p8e-${alnum(32)}`;
  pos('adobe-secret', s, `Adobe IMS token call: client_id=${hex(32)}&client_secret=${s}&grant_type=client_credentials returns invalid_client`);
  s = `CLOJARS_${pick(LOWER_NUM, 60)}`;
  pos('clojars-token', s, 'lein deploy clojars asks for a password', [
    { path: 'profiles.clj', content: `{:auth {:repository-auth {#"clojars" {:username "dana" :password "${s}"}}}}\n` },
  ]);
  s = `dnkey-${pick(LOWER_NUM, 26)}-${pick(LOWER_NUM, 52)}`;
  pos('defined-networking-key', s, `curl -H "Authorization: Bearer ${s}" https://api.defined.net/v1/hosts is empty`);
  s = `fo1_${b64url(43)}`;
  pos('flyio-token', s, `FLY_API_TOKEN=${s} flyctl deploy says unauthorized`);
  s = `pat.${b64url(22)}.${hex(24)}.${alnum(20)}`;
  pos('harness-token', s, 'terraform provider harness fails', [
    { path: 'main.tf', content: `provider "harness" {\n  endpoint         = "https://app.harness.io/gateway"\n  platform_api_key = "${s}"\n}\n` },
  ]);
  s = `s-s4t2ud-${hex(64)}`;
  pos('intra42-secret', s, `42 API oauth: UID=u-s4t2ud-${hex(64)} SECRET=${s} → invalid_client?`);
  s = `API-${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 20)}7Q2K9Z`;
  pos('octopus-key', s, `octo push --package app.1.0.zip --server https://deploy.acme.io --apiKey ${s} times out`);
  s = `sm_pat_${alnum(16)}`;
  pos('settlemint-token', s, `settlemint login --token ${s} says expired`);
  s = `AKCp${alnum(69)}`;
  pos('jfrog-token', s, 'maven cannot resolve from artifactory', [
    { path: 'settings.xml', content: `<server>\n  <id>central</id>\n  <username>ci</username>\n  <password>${s}</password>\n</server>\n` },
  ]);
  s = `EAAC${alnum(150)}`;
  pos('facebook-token', s, `graph.facebook.com/v19.0/me?access_token=${s} returns error 190`);
  s = `${'A'.repeat(22)}${alnum(20)}%3D${alnum(70)}`;
  pos('twitter-bearer', s, `curl "https://api.twitter.com/2/tweets/search/recent?query=vscode" -H "Authorization: Bearer ${s}" gives 429`);
  s = `t1.${b64url(40)}.${b64url(86)}`;
  pos('yandex-token', s, `yc config set token ${s} → permission denied on folder`);
  s = `${alnum(6)}_${alnum(29)}_mmk`;
  pos('maxmind-key', s, 'geoipupdate fails', [{ path: 'GeoIP.conf', content: `AccountID 1234567\nLicenseKey ${s}\nEditionIDs GeoLite2-City\n` }]);
  s = `4b1d${alnum(38)}`;
  pos('clickhouse-secret', s, `clickhouse cloud API: curl --user "${alnum(20)}:${s}" https://api.clickhouse.cloud/v1/organizations`);
  s = `ntn_${pick('0123456789', 11)}${alnum(35)}`;
  pos('notion-token', s, `const notion = new Client({ auth: "${s}" }); databases.query returns object_not_found`);
  s = `pat${alnum(14)}.${hex(64)}`;
  pos('airtable-token', s, `base = Api("${s}").table("app${alnum(14)}", "Tasks") — 403?`);
  s = `CFPAT-${b64url(43)}`;
  pos('contentful-token', s, `contentful space export --management-token ${s} --space-id ${alnum(12)} hangs`);
  s = `dckr_pat_${b64url(27)}`;
  pos('docker-hub-token', s, `echo ${s} | docker login -u acmeci --password-stdin works locally, not in CI`);
  s = `GOCSPX-${b64url(28)}`;
  pos('google-oauth-secret', s, 'the OAuth callback says redirect_uri_mismatch', [
    {
      path: 'client_secret.json',
      content: `{"web":{"client_id":"${pick('0123456789', 12)}-${pick(LOWER_NUM, 32)}.apps.googleusercontent.com","client_secret":"${s}"}}\n`,
    },
  ]);
  s = `ya29.a0${b64url(150)}`;
  pos('google-oauth-token', s, `curl -H "Authorization: Bearer ${s}" https://www.googleapis.com/drive/v3/files returns 401 after an hour`);
  s = `ABSK${b64(132)}`;
  pos('aws-bedrock-key', s, `AWS_BEARER_TOKEN_BEDROCK=${s} and boto3 still asks for credentials`);
  s = `A3-${pick(UPPER_NUM, 6)}-${pick(UPPER_NUM, 11)}-${pick(UPPER_NUM, 5)}-${pick(UPPER_NUM, 5)}-${pick(UPPER_NUM, 5)}`;
  pos('onepassword-secret-key', s, `op account add --address acme.1password.com --email dana@acme.io --secret-key ${s} fails`);
  s = `pat-na1-${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
  pos('hubspot-token', s, `const hubspot = new Client({ accessToken: '${s}' }); contacts are empty`);
  s = `gsk_${alnum(52)}`;
  pos('groq-key', s, `Groq(api_key="${s}").chat.completions.create(...) — rate limited already?`);
  s = `r8_${alnum(37)}`;
  pos('replicate-token', s, `REPLICATE_API_TOKEN=${s} python predict.py says unauthenticated`);
  s = `lsv2_pt_${hex(32)}_${hex(10)}`;
  pos('langsmith-key', s, 'traces do not show up', [{ path: '.env.local', content: `LANGCHAIN_TRACING_V2=true\nLANGCHAIN_API_KEY=${s}\n` }]);
  s = `sbp_${hex(40)}`;
  pos('supabase-token', s, `supabase link --project-ref ${pick(LOWER_NUM, 20)} with SUPABASE_ACCESS_TOKEN=${s} fails`);
  s = `bkua_${hex(40)}`;
  pos('buildkite-token', s, `curl -H "Authorization: Bearer ${s}" https://api.buildkite.com/v2/builds is empty`);
  s = `tskey-auth-k${alnum(10)}-${alnum(30)}`;
  pos('tailscale-key', s, `tailscale up --authkey=${s} --advertise-tags=tag:ci hangs in the container`);
  s = `figd_${b64url(40)}`;
  pos('figma-token', s, `fetch('https://api.figma.com/v1/files/abc', { headers: { 'X-Figma-Token': '${s}' } }) returns 403`);
  s = v.password();
  pos('config-key-value', s, 'nuget restore fails on the build agent', [
    {
      path: 'NuGet.config',
      content: `<configuration>\n  <packageSourceCredentials>\n    <acme>\n      <add key="Username" value="ci" />\n      <add key="ClearTextPassword" value="${s}" />\n    </acme>\n  </packageSourceCredentials>\n</configuration>\n`,
    },
  ]);
  s = `${hex(8)}:${hex(8)}`;
  pos('sidekiq-secret', s, `bundle config set --global BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${s}\nbundle install still cannot fetch sidekiq-ent`);
  s = Buffer.from(v.jwt()).toString('base64');
  pos('jwt-base64', s, 'the pod cannot call the API', [
    { path: 'k8s/api-token.yaml', content: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-token\ntype: Opaque\ndata:\n  token: ${s}\n` },
  ]);
  s = alnum(32);
  pos('vendor-credential', s, `fastly_key = "${s}"\nfastly purge --all returns 403, is the key scoped?`);
  s = `00${b64url(40)}`;
  pos('vendor-credential', s, 'okta sdk init', [{ path: 'okta.yaml', content: `okta:\n  client:\n    orgUrl: https://acme.okta.com\n    token: ${s}\n` }]);
  s = hex(40);
  pos('vendor-credential', s, `DATADOG_APP_KEY=${s} datadog-ci synthetics run-tests says forbidden`);

  s = `base64:${b64(43)}=`;
  pos('keyword-key', s, 'php artisan serve says no encryption key', [{ path: 'deploy/app.env', content: `APP_NAME=Acme\nAPP_ENV=production\nAPP_KEY=${s}\n` }]);
  s = alnum(40);
  pos('keyword-key', s, `jwt:\n  signing_key: "${s}"\n  ttl: 3600\nwhy do tokens from staging validate in prod?`);
  s = `svc_reporting:${v.password()}`;
  pos('keyword-credential', s, `DB_CREDENTIALS="${s}" node report.js connects as the wrong user`);

  s = `key-${hex(32)}`;
  pos('mailgun-key', s, `const mg = mailgun.client({ username: 'api', key: '${s}' });\nmg.messages.create fails with Forbidden`);
  s = hex(32);
  pos('vendor-credential', s, 'the graph API rejects our calls', [
    { path: 'config/social.rb', content: `facebook_app_key = "${s}"\nfacebook_app_id = "${pick('0123456789', 15)}"\n` },
  ]);

  // --- look-alikes: public keys, references, placeholders, published keys, hashes, public settings ---
  neg('pem-public-key', 'verify with this key', [
    { path: 'keys/signing-public.pem', content: `-----BEGIN PUBLIC KEY-----\n${v.rsaBody(6)}\n-----END PUBLIC KEY-----\n` },
  ]);
  neg('pem-certificate', 'which CA signed this?', [
    { path: 'certs/ca.pem', content: `-----BEGIN CERTIFICATE-----\n${v.rsaBody(10)}\n-----END CERTIFICATE-----\n` },
  ]);
  neg('rc-env-reference', 'npm ci fails with 401 in Docker', [
    { path: '.npmrc', content: `@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=\${NODE_AUTH_TOKEN}\n` },
  ]);
  neg('rc-env-reference', 'why is the registry ignored?', [{ path: '.npmrc', content: `registry=https://registry.npmjs.org/\nsave-exact=true\n` }]);
  neg('env-reference', 'the deploy step has no token', [
    {
      path: '.github/workflows/deploy.yml',
      content: `      - run: ./deploy.sh\n        env:\n          DEPLOY_TOKEN: \${{ secrets.DEPLOY_TOKEN }}\n          api_key: "{{ secrets.API_KEY }}"\n`,
    },
  ]);
  neg('env-reference', `set API_TOKEN=%API_TOKEN%\ncurl -H "X-Api-Key: %API_TOKEN%" https://api.acme.io\nwhy is it empty in the batch file?`);
  neg('env-reference', `$headers = @{ "X-Api-Key" = $env:ACME_API_KEY }\nInvoke-RestMethod -Headers $headers https://api.acme.io — PowerShell 5 says 401`);
  neg('placeholder', 'document this', [
    {
      path: 'docs/setup.md',
      content: `export GITHUB_TOKEN=ghp_${'0'.repeat(36)}\nexport SLACK_BOT_TOKEN=xoxb-your-token-here\nSTRIPE_SECRET_KEY=sk_live_${'X'.repeat(24)}\n`,
    },
  ]);
  neg('placeholder', `stripe listen prints a secret like whsec_${'x'.repeat(32)}; where do I put <your-webhook-secret> in the config?`);
  neg('published-key', 'the Cosmos emulator refuses connections', [
    {
      path: 'appsettings.Development.json',
      content: `{"Cosmos": "AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="}\n`,
    },
  ]);
  neg(
    'published-key',
    `const stripe = Stripe('sk_test_4eC39HqLyjWDarjtT1zdp7dc'); // the key from Stripe's API reference\nwhy does customers.create work but not charges?`,
  );
  neg('password-hash', 'seed data for the login tests', [
    {
      path: 'db/seeds/users.sql',
      content: `INSERT INTO users (email, password_hash) VALUES\n  ('a@example.test', '$2a$10$${pick('./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 53)}');\n`,
    },
  ]);
  neg('password-hash', `password = "$argon2id$v=19$m=65536,t=3,p=4$${b64(22)}$${b64(43)}"\nis this argon2 cost too low for a login endpoint?`);
  neg('password-hash', 'django fixture', [
    {
      path: 'fixtures/users.json',
      content: `[{"model": "auth.user", "fields": {"username": "dana", "password": "pbkdf2_sha256$600000$${alnum(22)}$${b64(43)}="}}]\n`,
    },
  ]);
  neg(
    'comment-about-password',
    `# password: must be 12+ characters, checked by validate_password()\n// pwd = process.cwd() on Windows returns a drive letter\n-- token: see the vault path secret/data/app\nwhat do these comments mean?`,
  );
  neg('vendor-public-setting', 'terraform plan wants to recreate the zone', [
    {
      path: 'terraform.tfvars',
      content: `cloudflare_zone_id = "${hex(32)}"\nalgolia_app_id = "${pick(UPPER_NUM, 10)}"\ndatadog_site = "datadoghq.eu"\nokta_org_url = "https://acme.okta.com"\n`,
    },
  ]);
  neg(
    'keyword-key-setting',
    `kms:\n  encryption_key_id: "alias/app-prod"\n  license_key_file: "./config/license.txt"\nfetch(url, { credentials: "same-origin" })\nwhy is the cookie not sent?`,
  );
  neg('identifier-string', 'why does the switch fall through?', [
    {
      path: 'src/auth/flows.ts',
      content: `const credentialName = "OnBehalfOfCredential";\nexport const Events = { ACQUIRE_TOKEN_START: "msal:acquireTokenStart" };\nswitch (grant) {\n  case 'client_credentials':\n  default:\n    resume = options?.onresumptiontoken;\n}\n`,
    },
  ]);
  neg(
    'base64-json',
    `data:\n  config.json: ${Buffer.from(JSON.stringify({ a: 1, region: 'eu-west-1', retries: 3 }))
      .toString('base64')
      .replace(/=+$/, '')}${Buffer.from('. tail text here for length padding').toString('base64')}\nwhy does the configmap not update?`,
  );
  neg(
    'word-look-alike',
    `The route API-GATEWAYDEPLOYMENTSTAGEPROD and the pattern patternMatcher.compile() confuse me; also what does sm_pat_ mean in SettleMint docs?`,
  );
  return { positives: P, negatives: N };
}
