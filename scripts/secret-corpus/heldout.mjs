// HELD-OUT split of the labelled secret corpus. Written with the training split, before any rule;
// never read while writing or tuning rules — only `npm run bench` reports on it.
export function heldoutSamples(v) {
  const P = [];
  const N = [];
  const pos = (kind, secret, text, attachments) => P.push({ label: 'secret', kind, secret, text, ...(attachments ? { attachments } : {}) });
  const neg = (kind, text, attachments) => N.push({ label: 'clean', kind, text, ...(attachments ? { attachments } : {}) });
  let s;

  // --- the eight kinds, new contexts ---
  s = v.azureAccountKey();
  pos('azure-storage', s, 'az storage blob list keeps failing', [
    {
      path: 'deploy/upload.sh',
      content: `#!/bin/sh\naz storage blob upload-batch \\\n  --account-name webassetsprd \\\n  --account-key "${s}" \\\n  -d '$web' -s ./build\n`,
    },
  ]);
  s = v.azureAccountKey();
  pos(
    'azure-storage',
    s,
    `var conn = "DefaultEndpointsProtocol=https;AccountName=ordersq;AccountKey=${s};EndpointSuffix=core.windows.net";\nvar queue = new QueueClient(conn, "orders"); — how do I use managed identity instead?`,
  );
  s = v.sendgrid();
  pos('sendgrid', s, `SENDGRID_API_KEY=${s}\nthe password reset mails go to spam, what DNS records do I need?`);
  s = v.sendgrid();
  pos('sendgrid', s, 'refactor into a service', [
    { path: 'lib/notify.go', content: `package lib\n\nimport "github.com/sendgrid/sendgrid-go"\n\nvar client = sendgrid.NewSendClient("${s}")\n` },
  ]);
  s = v.vaultLong();
  pos('vault', s, `curl --header "X-Vault-Token: ${s}" https://vault.acme.net:8200/v1/secret/data/db gives 403`);
  s = v.vault();
  pos('vault', s, 'why does the agent not renew?', [{ path: 'ops/vault-agent.hcl', content: `auto_auth {\n  method "token_file" {}\n}\ntoken = "${s}"\n` }]);
  s = v.twilioToken();
  pos(
    'twilio',
    s,
    `curl -X POST https://api.twilio.com/2010-04-01/Accounts/${v.twilioSid()}/Messages.json -u ${v.twilioSid()}:${s} --data-urlencode "Body=hi" returns 20003`,
  );
  s = v.twilioToken();
  pos('twilio', s, `In appsettings: "Twilio": { "AccountSid": "${v.twilioSid()}", "AuthToken": "${s}" } — how do I bind this in .NET 8?`);
  s = v.apiKey32();
  pos('api-key-header', s, `http GET https://api.partner-data.net/v3/items X-API-Key:${s} — httpie returns 406, why?`);
  s = v.hex(40);
  pos('api-key-header', s, 'port this request to axios', [
    { path: 'scripts/sync.sh', content: `curl -fsS "https://metrics.acme.io/api/push" \\\n  --header "X-Api-Key: ${s}" \\\n  --data-binary @payload.json\n` },
  ]);
  s = v.dockerAuth();
  pos(
    'docker-auth',
    s,
    `kubectl create secret generic regcred --from-file=.dockerconfigjson=config.json where config.json is {"auths": {"https://index.docker.io/v1/": {"auth": "${s}"}}} — the pod still gets ErrImagePull`,
  );
  s = v.dockerAuth();
  pos('docker-auth', s, 'why does buildx ignore my login?', [
    { path: 'config.json', content: `{\n\t"auths": {\n\t\t"123456789012.dkr.ecr.eu-west-1.amazonaws.com": {\n\t\t\t"auth": "${s}"\n\t\t}\n\t}\n}\n` },
  ]);
  s = v.password();
  pos('command-line-password', s, 'make this ansible-free', [
    { path: 'backup.sh', content: `for h in web1 web2; do\n  sshpass -p "${s}" rsync -az /var/www/ backup@$h:/srv/backup/\ndone\n` },
  ]);
  s = v.password();
  pos('command-line-password', s, `redis-cli -h cache.internal -a ${s} --scan --pattern 'session:*' is slow on 10M keys`);
  s = v.discord();
  pos('discord', s, `DISCORD_TOKEN=${s}\ndiscord.js says "Used disallowed intents"`);
  s = v.discord();
  pos('discord', s, `curl -H "Authorization: Bot ${s}" https://discord.com/api/v10/users/@me → 401`);

  // --- standard kinds, new contexts ---
  s = v.awsSecret();
  pos('aws', s, 'why does boto3 not use the profile?', [
    { path: '.aws/credentials', content: `[default]\naws_access_key_id = ${v.awsKeyId()}\naws_secret_access_key = ${s}\n` },
  ]);
  s = v.awsKeyId();
  pos('aws', s, `{"Version":"2012-10-17"} is the policy, and the user ${s} still gets AccessDenied on s3:PutObject`);
  s = v.rsaBody(8);
  pos('private-key', s.slice(0, 64), `-----BEGIN EC PRIVATE KEY-----\n${s}\n-----END EC PRIVATE KEY-----\nconvert to PKCS8 please`);
  s = v.rsaBody(4);
  pos('private-key', s.slice(0, 64), 'why does nginx not start?', [
    { path: 'nginx/tls/server.pem', content: `-----BEGIN PRIVATE KEY-----\n${s}\n-----END PRIVATE KEY-----\n` },
  ]);
  s = v.gho();
  pos('github', s, `gh auth status shows token ${s} with scopes repo, is that too wide?`);
  s = v.ghp();
  pos('github', s, 'why does renovate not open PRs?', [{ path: 'renovate.json', content: `{\n  "platform": "github",\n  "token": "${s}"\n}\n` }]);
  s = v.openai();
  pos('openai', s, `curl https://api.openai.com/v1/models -H "Authorization: Bearer ${s}" lists nothing`);
  s = v.anthropic();
  pos('anthropic', s, `export ANTHROPIC_API_KEY=${s}\nclaude-code says invalid x-api-key`);
  s = v.slackUser();
  pos('slack', s, `slack_sdk WebClient(token="${s}").users_list() returns missing_scope`);
  s = v.jwt();
  pos('jwt', s, `Authorization: Bearer ${s}\nThe gateway says the token is expired but iat is recent?`);
  s = v.password();
  pos('database-url', s, `SQLALCHEMY_DATABASE_URI = "mysql+pymysql://app:${s}@rds-prod.abc123.eu-west-1.rds.amazonaws.com/app"\nwhy the pool overflow?`);
  s = v.password();
  pos('database-url', s, `amqp://orders:${s}@rabbit.internal:5672/%2F — the consumer reconnects every minute`);
  s = v.b64url(48);
  pos('keyword-assignment', s, 'tidy this config', [
    { path: 'config/production.yml', content: `server:\n  port: 443\nauth:\n  jwt_secret: "${s}"\n  issuer: acme\n` },
  ]);
  s = v.alnum(36);
  pos('keyword-assignment', s, `private static final String API_TOKEN = "${s}";\nIs a static final String ok for this?`);
  s = v.hex(48);
  pos('keyword-assignment', s, 'what does this ini do?', [{ path: 'app.ini', content: `[security]\nsecret_key = ${s}\ncookie_secure = true\n` }]);
  s = Buffer.from(`svc-build:${v.password()}`).toString('base64');
  pos('basic-auth', s, `const res = await fetch(url, { headers: { Authorization: 'Basic ${s}' } });\nwhy does CORS fail?`);
  s = v.password();
  pos('basic-auth', s, `pip install --index-url https://deploy:${s}@pypi.acme.internal/simple/ acme-core fails with SSL error`);
  s = v.password();
  pos('command-line-password', s, `mysqldump --user=backup --password=${s} --single-transaction shop > shop.sql is locking tables?`);
  s = v.password();
  pos('command-line-password', s, `net use Z: \\\\files01\\share /user:ACME\\svc_scan ${s} fails with error 86`);

  // --- gitleaks kinds never in the training split ---
  s = v.telegram();
  pos('telegram', s, `bot = telebot.TeleBot("${s}")\nbot.polling() raises 409 Conflict`);
  s = v.age();
  pos('age', s, `sops --decrypt secrets.enc.yaml fails; my key file has ${s}`);
  s = v.postman();
  pos('postman', s, `newman run collection.json --postman-api-key ${s}`);
  s = v.mailgun();
  pos('mailgun', s, `curl -s --user 'api:${s}' https://api.mailgun.net/v3/mg.acme.io/messages -F to=a@b.c`);
  s = v.mailchimp();
  pos('mailchimp', s, `mailchimp.setConfig({ apiKey: "${s}", server: "us12" });`);
  s = v.newrelic();
  pos('newrelic', s, `NEW_RELIC_API_KEY=${s} newrelic entity search --name api`);
  s = v.doppler();
  pos('doppler', s, `doppler run --token ${s} -- npm start prints nothing`);
  s = v.pulumi();
  pos('pulumi', s, `PULUMI_ACCESS_TOKEN=${s} pulumi up --stack prod`);
  s = v.atlassian();
  pos('atlassian', s, `curl -u dana@acme.io:${s} https://acme.atlassian.net/rest/api/3/myself`);
  s = v.terraform();
  pos('terraform', s, 'terraform login does not persist', [{ path: '.terraformrc', content: `credentials "app.terraform.io" {\n  token = "${s}"\n}\n` }]);
  s = v.heroku();
  pos('heroku', s, `HEROKU_API_KEY=${s} git push heroku main`);
  s = v.sentry();
  pos('sentry', s, `SENTRY_AUTH_TOKEN=${s} npx @sentry/wizard`);
  s = v.square();
  pos('square', s, `const client = new Client({ accessToken: '${s}', environment: Environment.Production });`);
  s = v.databricks();
  pos('databricks', s, `databricks configure --token → I pasted ${s} but get 403`);
  s = v.onepassword();
  pos('1password', s, `OP_SERVICE_ACCOUNT_TOKEN=${s} op item list`);
  s = v.stripeRestricted();
  pos('stripe', s, `stripe.api_key = "${s}"`);
  s = v.twilioApiKey();
  pos('twilio', s, `Twilio API key ${s} with secret ${v.alnum(32)} — how do I rotate?`);
  s = v.dockerAuth();
  pos('docker-auth', s, `echo '{"auths":{"quay.io":{"auth":"${s}","email":""}}}' > ~/.docker/config.json`);
  s = v.digitalocean();
  pos('digitalocean', s, 'why does the provider ignore my token?', [{ path: 'do.tf', content: `provider "digitalocean" {\n  token = "${s}"\n}\n` }]);
  s = v.huggingface();
  pos('huggingface', s, `git clone https://user:${s}@huggingface.co/acme/private-model`);

  // --- negatives ---
  neg('uuid', 'why does this migration fail?', [
    { path: 'migrations/0042.sql', content: `INSERT INTO plans (id, name) VALUES ('${v.uuid()}', 'pro'), ('${v.uuid()}', 'team');\n` },
  ]);
  neg('uuid', `Correlation-Id: ${v.uuid()}\nX-Request-Id: ${v.uuid()}\nThese headers are missing in the logs, why?`);
  neg('lockfile-integrity', 'dedupe these', [
    { path: 'pnpm-lock.yaml', content: `  /lodash@4.17.21:\n    resolution: {integrity: ${v.integrity()}}\n    dev: false\n` },
  ]);
  neg(
    'lockfile-integrity',
    `<script src="https://cdn.example.net/lib.min.js" integrity="sha384-${v.b64(64)}" crossorigin="anonymous"></script> — SRI check fails`,
  );
  neg('base64-image', 'shrink this svg sprite', [{ path: 'src/assets/logo.ts', content: `export const LOGO = 'data:image/png;base64,${v.pngBase64()}';\n` }]);
  neg('base64-image', `![chart](data:image/png;base64,${v.pngBase64()}) does not render in the README`);
  neg('git-sha', `git bisect says ${v.sha1()} is the first bad commit; show me how to read its diff`);
  neg('git-sha', 'why does the submodule point here?', [{ path: '.gitmodules.lock', content: `vendor/libfoo ${v.sha1()}\nvendor/libbar ${v.sha1()}\n` }]);
  neg('ssh-public-key', 'add a key for bob', [
    { path: 'infra/users.tf', content: `resource "aws_key_pair" "bob" {\n  key_name   = "bob"\n  public_key = "ssh-ed25519 ${v.sshPublic()} bob@acme"\n}\n` },
  ]);
  neg('ssh-public-key', `known_hosts line: github.com ssh-ed25519 ${v.sshPublic()} — is this the right fingerprint?`);
  neg('pgp-public-key', 'verify release signature', [
    { path: 'KEYS', content: `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${v.rsaBody(5)}\n-----END PGP PUBLIC KEY BLOCK-----\n` },
  ]);
  neg(
    'doc-example-key',
    `In the moto tests we set aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" — is mock_aws still needed?`,
  );
  neg('doc-example-key', 'README snippet', [
    {
      path: 'docs/setup.md',
      content: '```ini\n[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n```\n',
    },
  ]);
  neg('env-reference', 'helm values', [
    {
      path: 'charts/api/values.yaml',
      content: `env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: api-db\n        key: password\n`,
    },
  ]);
  neg('env-reference', `token := os.Getenv("GITHUB_TOKEN")\nif token == "" { log.Fatal("GITHUB_TOKEN missing") }\nhow do I test this?`);
  neg('placeholder', `export OPENAI_API_KEY="your-api-key-here"\nexport ANTHROPIC_API_KEY="<anthropic key>"\nWhich one does the SDK read first?`);
  neg('placeholder', 'explain', [
    {
      path: 'docker-compose.override.example.yml',
      content: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}\n      POSTGRES_USER: app\n`,
    },
  ]);
  neg('prose', 'Explain how HashiCorp Vault tokens differ from AppRole secret ids.');
  neg('prose', 'Write a short guide for rotating Twilio auth tokens without downtime.');
  neg('prose', 'Should a Discord bot token live in an environment variable or a secrets manager?');
  neg('code', 'add error handling', [
    {
      path: 'src/keys/ApiKeyStore.ts',
      content: `export class ApiKeyStore {\n  constructor(private readonly secrets: SecretStore) {}\n\n  async set(provider: string, key: string): Promise<void> {\n    const trimmed = key.trim();\n    if (!trimmed) throw new Error('empty key');\n    await this.secrets.store(\`jarvis.\${provider}.apiKey\`, trimmed);\n  }\n}\n`,
    },
  ]);
  neg('code', `def check_password(user, password):\n    return bcrypt.checkpw(password.encode(), user.password_hash)\nIs the encode correct?`);
  neg('code', 'type this', [
    {
      path: 'src/tokens.ts',
      content: `export const TOKEN_TYPES = ['access_token', 'refresh_token', 'id_token'] as const;\nexport const DEFAULT_TOKEN_TTL = 900;\nconst passwordField = form.querySelector('#password');\n`,
    },
  ]);
  neg('checksum', 'pin these', [{ path: 'Dockerfile', content: `FROM python:3.12-slim@sha256:${v.sha256()}\nARG NODE_SHA256=${v.sha256()}\n` }]);
  neg('checksum', `go.sum has\ngolang.org/x/net v0.30.0 h1:${v.b64(43)}=\ngolang.org/x/net v0.30.0/go.mod h1:${v.b64(43)}=\nwhy two lines?`);
  neg(
    'publishable-key',
    `<script>const posthog = posthog.init('phc_${v.alnum(43)}', { api_host: 'https://eu.posthog.com' })</script> is the project key fine in the page?`,
  );
  neg(
    'log',
    `[2026-11-29 22:01:03] ERROR job ${v.hex(24)} failed: ECONNRESET\n[2026-11-29 22:01:04] INFO retrying job ${v.hex(24)} (attempt 2)\nhow to make the retry backoff?`,
  );
  neg('css-hex', 'convert to css variables', [{ path: 'theme.scss', content: `$primary: #${v.hex(6)};\n$accent: #${v.hex(6)};\n$muted: #${v.hex(6)}80;\n` }]);
  neg('font-base64', `@font-face { font-family: Inter; src: url(data:font/woff2;base64,d09GMgABAAAAA${v.b64(300)}) format('woff2'); }`);
  neg('gpg-fingerprint', `gpg --recv-keys ${v.hex(40).toUpperCase()} fails with "no data"`);
  return { positives: P, negatives: N };
}
