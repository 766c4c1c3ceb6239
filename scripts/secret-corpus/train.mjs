// Training split of the labelled secret corpus: the rules may be tuned on these.
export function trainSamples(v) {
  const P = [];
  const N = [];
  const pos = (kind, secret, text, attachments) => P.push({ label: 'secret', kind, secret, text, ...(attachments ? { attachments } : {}) });
  const neg = (kind, text, attachments) => N.push({ label: 'clean', kind, text, ...(attachments ? { attachments } : {}) });
  let s;

  // --- the eight misses ---
  s = v.azureAccountKey();
  pos(
    'azure-storage',
    s,
    `My blob upload fails with 403, here is the setting:\nDefaultEndpointsProtocol=https;AccountName=acmeprodlogs;AccountKey=${s};EndpointSuffix=core.windows.net`,
  );
  s = v.azureAccountKey();
  pos('azure-storage', s, 'why does the function app not start?', [
    {
      path: 'local.settings.json',
      content: `{\n  "IsEncrypted": false,\n  "Values": {\n    "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=fnstore01;AccountKey=${s};EndpointSuffix=core.windows.net",\n    "FUNCTIONS_WORKER_RUNTIME": "node"\n  }\n}\n`,
    },
  ]);
  s = v.sendgrid();
  pos('sendgrid', s, `sgMail.setApiKey('${s}');\nsgMail.send(msg) returns 401, why?`);
  s = v.sendgrid();
  pos('sendgrid', s, 'Convert this to Python', [
    { path: 'mailer.rb', content: `ActionMailer::Base.smtp_settings = {\n  user_name: 'apikey',\n  password: '${s}',\n  address: 'smtp.sendgrid.net'\n}\n` },
  ]);
  s = v.vault();
  pos('vault', s, `vault login ${s} says permission denied on secret/data/app`);
  s = v.vaultLong();
  pos('vault', s, `export VAULT_ADDR=https://vault.internal:8200\nexport VAULT_TOKEN=${s}\nvault kv get secret/payments — how do I make this token renewable?`);
  s = v.twilioToken();
  pos('twilio', s, `const client = require('twilio')('${v.twilioSid()}', '${s}');\nclient.messages.create(...) hangs, any idea?`);
  s = v.twilioToken();
  pos('twilio', s, 'Move these into a config class', [
    { path: 'settings.py', content: `TWILIO_ACCOUNT_SID = "${v.twilioSid()}"\nTWILIO_AUTH_TOKEN = "${s}"\nTWILIO_FROM = "+15005550006"\n` },
  ]);
  s = v.apiKey32();
  pos(
    'api-key-header',
    s,
    `curl -s https://api.acme-weather.io/v2/forecast?city=Berlin -H "X-Api-Key: ${s}" | jq .\nreturns an empty array, what am I doing wrong?`,
  );
  s = v.apiKey32();
  pos(
    'api-key-header',
    s,
    `Rewrite this with fetch:\ncurl -X POST https://ingest.example-logs.com/v1/events \\\n  -H 'Content-Type: application/json' \\\n  -H 'x-api-key: ${s}' \\\n  -d '{"level":"info"}'`,
  );
  s = v.dockerAuth();
  pos('docker-auth', s, 'docker pull fails with unauthorized even though I logged in', [
    { path: '.docker/config.json', content: `{\n  "auths": {\n    "registry.gitlab.com": {\n      "auth": "${s}"\n    }\n  }\n}\n` },
  ]);
  s = v.dockerAuth();
  pos('docker-auth', s, `Is this config.json right for the CI runner? {"auths":{"ghcr.io":{"auth":"${s}"}},"credsStore":""}`);
  s = v.password();
  pos('command-line-password', s, `sshpass -p '${s}' ssh deploy@10.0.4.12 'sudo systemctl restart api' works by hand but not in cron`);
  s = v.password();
  pos('command-line-password', s, `mysql -h db.internal -u root -p${s} shop < dump.sql gives ERROR 1045`);
  s = v.discord();
  pos('discord', s, `client.login('${s}'); — the bot shows offline, why?`);
  s = v.discord();
  pos('discord', s, 'add slash commands to this bot', [
    { path: 'bot.py', content: `import discord\n\nclient = discord.Client(intents=discord.Intents.default())\n\nclient.run("${s}")\n` },
  ]);

  // --- the kinds the old corpus covered, in new contexts ---
  s = v.awsKeyId();
  pos(
    'aws',
    s,
    `aws configure list shows access_key ****************${s.slice(-4)} but the full one in ~/.aws/credentials is ${s}, is that the right account?`,
  );
  s = v.awsSecret();
  pos('aws', s, 'why does terraform not pick these up?', [
    { path: 'infra/provider.tf', content: `provider "aws" {\n  region     = "eu-central-1"\n  access_key = "${v.awsKeyId()}"\n  secret_key = "${s}"\n}\n` },
  ]);
  s = v.awsStsKeyId();
  pos('aws', s, `AWS_ACCESS_KEY_ID=${s} AWS_SESSION_TOKEN=... aws s3 ls fails with ExpiredToken`);
  s = v.rsaBody(12);
  pos('private-key', s.slice(0, 64), `-----BEGIN RSA PRIVATE KEY-----\n${s}\n-----END RSA PRIVATE KEY-----\nwhich key type is this?`);
  s = v.rsaBody(6);
  pos('private-key', s.slice(0, 64), 'load this service account in node', [
    {
      path: 'sa.json',
      content: `{\n  "type": "service_account",\n  "project_id": "acme-analytics",\n  "private_key_id": "${v.hex(40)}",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${s.replace(/\n/g, '\\n')}\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "etl@acme-analytics.iam.gserviceaccount.com"\n}\n`,
    },
  ]);
  s = v.rsaBody(5);
  pos(
    'private-key',
    s.slice(0, 64),
    `ssh says "invalid format" for:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ${s}\n-----END OPENSSH PRIVATE KEY-----`,
  );
  s = v.ghp();
  pos('github', s, `git clone https://${s}@github.com/acme/internal-tools.git asks for a password again`);
  s = v.ghPat();
  pos('github', s, 'why does the action fail to push?', [
    {
      path: '.github/workflows/release.yml',
      content: `jobs:\n  release:\n    runs-on: ubuntu-latest\n    env:\n      GH_TOKEN: ${s}\n    steps:\n      - run: gh release create v1.2.0\n`,
    },
  ]);
  s = v.openai();
  pos('openai', s, `from openai import OpenAI\nclient = OpenAI(api_key="${s}")\nwhy is the response slow?`);
  s = v.openaiLegacy();
  pos('openai', s, `OPENAI_API_KEY=${s} node index.js → 429 insufficient_quota`);
  s = v.anthropic();
  pos('anthropic', s, `const anthropic = new Anthropic({ apiKey: '${s}' });\nhow do I stream?`);
  s = v.anthropic();
  pos('anthropic', s, 'explain this config', [
    { path: 'config/llm.yaml', content: `provider: anthropic\nmodel: claude-sonnet-4\nkey: ${s}\nmax_tokens: 2048\n` },
  ]);
  s = v.slackBot();
  pos('slack', s, `curl -H "Authorization: Bearer ${s}" https://slack.com/api/chat.postMessage -d channel=C123 says not_in_channel`);
  s = v.slackWebhook();
  pos('slack', s, `requests.post("${s}", json={"text": "deploy done"}) returns 404 no_service`);
  s = v.jwt();
  pos('jwt', s, `This token is rejected by the API, can you decode it and tell me why? ${s}`);
  s = v.jwt();
  pos('jwt', s, 'add a retry to this test', [
    {
      path: 'test/api.test.ts',
      content: `const session = '${s}';\n\nit('lists orders', async () => {\n  const res = await request(app).get('/orders').set('Cookie', \`sid=\${session}\`);\n  expect(res.status).toBe(200);\n});\n`,
    },
  ]);
  s = v.password();
  pos('database-url', s, `DATABASE_URL=postgres://billing:${s}@db.prod.internal:5432/billing\nprisma migrate deploy times out`);
  s = v.password();
  pos('database-url', s, `mongoose.connect('mongodb+srv://appuser:${s}@cluster0.ab1cd.mongodb.net/shop?retryWrites=true') throws ENOTFOUND`);
  s = v.password();
  pos('database-url', s, 'why does the worker not connect?', [
    {
      path: 'docker-compose.yml',
      content: `services:\n  worker:\n    image: acme/worker\n    environment:\n      REDIS_URL: redis://:${s}@cache.internal:6379/0\n`,
    },
  ]);
  s = v.alnum(40);
  pos('keyword-assignment', s, `const signingSecret = "${s}";\napp.use(verifySignature(signingSecret)); is this safe?`);
  s = v.b64(44);
  pos('keyword-assignment', s, 'Django complains about SECRET_KEY', [
    { path: 'mysite/settings.py', content: `DEBUG = False\nSECRET_KEY = '${s}'\nALLOWED_HOSTS = ['shop.example.org']\n` },
  ]);
  s = v.alnum(32);
  pos('keyword-assignment', s, 'clean up this .env', [{ path: 'app.env', content: `PORT=8080\nLOG_LEVEL=debug\nCLIENT_SECRET=${s}\n` }]);

  // --- basic auth and passwords in commands ---
  s = v.password();
  pos('basic-auth', s, `curl https://admin:${s}@jenkins.internal/job/build/api/json gives 403`);
  s = Buffer.from(`ci:${v.password()}`).toString('base64');
  pos('basic-auth', s, `GET /api/v1/nodes HTTP/1.1\nHost: nexus.internal\nAuthorization: Basic ${s}\n\nwhy 401?`);
  s = v.password();
  pos('command-line-password', s, `PGPASSWORD=${s} psql -h 10.1.2.3 -U reporting -c 'select 1' hangs`);
  s = v.password();
  pos('command-line-password', s, `docker login -u acme-ci --password ${s} registry.acme.io warns about insecure use, how else?`);

  // --- gitleaks kinds ---
  s = v.gitlab();
  pos('gitlab', s, `git remote set-url origin https://oauth2:${s}@gitlab.com/acme/app.git still prompts`);
  s = v.stripe();
  pos('stripe', s, `Stripe::setApiKey('${s}'); — webhooks never arrive`);
  s = v.google();
  pos('google', s, `https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key=${s} returns REQUEST_DENIED`);
  s = v.npm();
  pos('npm', s, 'npm publish says 403', [{ path: '.npmrc', content: `//registry.npmjs.org/:_authToken=${s}\n` }]);
  s = v.pypi();
  pos('pypi', s, `twine upload -u __token__ -p ${s} dist/* fails`);
  s = v.shopify();
  pos('shopify', s, `X-Shopify-Access-Token: ${s} — the GraphQL call returns 401`);
  s = v.digitalocean();
  pos('digitalocean', s, `doctl auth init -t ${s} says unable to use token`);
  s = v.huggingface();
  pos('huggingface', s, `from huggingface_hub import login\nlogin(token="${s}")\nwhy does the download still 401?`);
  s = v.linear();
  pos('linear', s, `const linear = new LinearClient({ apiKey: "${s}" })`);
  s = v.grafana();
  pos('grafana', s, `GRAFANA_TOKEN=${s} terraform apply — dashboards are not created`);

  // --- negatives ---
  neg('uuid', `The order ${v.uuid()} was charged twice; the idempotency key was ${v.uuid()}. Where should I dedupe?`);
  neg('uuid', 'why is this query slow?', [
    { path: 'queries.sql', content: `SELECT * FROM events WHERE tenant_id = '${v.uuid()}' AND created_at > now() - interval '1 day';\n` },
  ]);
  neg('uuid', `requestId=${v.uuid()} traceId=${v.hex(32)} spanId=${v.hex(16)} level=error msg="upstream timeout"`);
  neg('lockfile-integrity', 'why are there two versions of debug?', [
    {
      path: 'package-lock.json',
      content: `"node_modules/debug": {\n  "version": "4.4.3",\n  "resolved": "https://registry.npmjs.org/debug/-/debug-4.4.3.tgz",\n  "integrity": "${v.integrity()}",\n  "license": "MIT"\n}\n`,
    },
  ]);
  neg(
    'lockfile-integrity',
    `yarn.lock has\n  resolved "https://registry.yarnpkg.com/ms/-/ms-2.1.3.tgz#${v.sha1()}"\n  integrity ${v.integrity()}\nis that a problem?`,
  );
  neg('base64-image', `<img src="data:image/png;base64,${v.pngBase64()}" alt="logo"> is blurry on retina, why?`);
  neg('base64-image', 'inline this icon in css', [
    { path: 'styles/icons.css', content: `.icon-ok {\n  background-image: url("data:image/png;base64,${v.pngBase64()}");\n}\n` },
  ]);
  neg('git-sha', `git revert ${v.sha1()} conflicts with ${v.sha1().slice(0, 12)}; how do I resolve?`);
  neg('git-sha', `commit ${v.sha1()}\nAuthor: Dana <dana@example.org>\n\n    fix: token refresh race\n\nWrite release notes for this.`);
  neg('ssh-public-key', `Add this to authorized_keys for the deploy user: ssh-ed25519 ${v.sshPublic()} dana@laptop`);
  neg('ssh-public-key', 'why does ssh ignore this?', [{ path: 'authorized_keys', content: `ssh-rsa ${v.sshRsaPublic()} ci@runner\n` }]);
  neg(
    'pgp-public-key',
    `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${v.rsaBody(6)}\n=${v.b64(4)}\n-----END PGP PUBLIC KEY BLOCK-----\nhow do I import this into gpg?`,
  );
  neg('doc-example-key', 'The AWS docs use AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY in examples; should my tests use them too?');
  neg('doc-example-key', 'fix this test', [
    {
      path: 'test/s3.test.ts',
      content: `process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';\nprocess.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';\n`,
    },
  ]);
  neg('env-reference', 'why is the token undefined in CI?', [
    { path: '.github/workflows/ci.yml', content: `env:\n  NPM_TOKEN: \${{ secrets.NPM_TOKEN }}\n  API_KEY: \${{ secrets.API_KEY }}\n` },
  ]);
  neg('env-reference', `const apiKey = process.env.OPENAI_API_KEY;\nif (!apiKey) throw new Error('OPENAI_API_KEY is not set');\nIs this enough validation?`);
  neg('env-reference', `password = os.environ["DB_PASSWORD"]\nconn = psycopg.connect(host=host, password=password)\nhow do I add a timeout?`);
  neg('placeholder', `curl -H "Authorization: Bearer <YOUR_TOKEN>" https://api.example.com/v1/me — what does <YOUR_TOKEN> mean here?`);
  neg('placeholder', 'document this config', [
    { path: '.env.example', content: `DATABASE_URL=postgres://user:password@localhost:5432/app\nOPENAI_API_KEY=sk-...\nSESSION_SECRET=changeme\n` },
  ]);
  neg('prose', 'How should I store API keys in a VS Code extension? SecretStorage or globalState?');
  neg('prose', 'What is the difference between a personal access token and an OAuth app token on GitHub?');
  neg('prose', 'Our password policy requires 12 characters; write a validator in TypeScript with tests.');
  neg('code', 'review this', [
    {
      path: 'src/auth/hash.ts',
      content: `import { scrypt, randomBytes } from 'node:crypto';\n\nexport async function hashPassword(password: string): Promise<string> {\n  const salt = randomBytes(16).toString('hex');\n  const key = await new Promise<Buffer>((res, rej) => scrypt(password, salt, 64, (e, k) => (e ? rej(e) : res(k))));\n  return \`\${salt}:\${key.toString('hex')}\`;\n}\n`,
    },
  ]);
  neg(
    'code',
    `function tokenize(input: string): Token[] {\n  const tokens: Token[] = [];\n  let secretLevel = 0; // nesting of <secret> tags\n  ...\n}\nwhy is secretLevel never decremented?`,
  );
  neg('code', 'add types', [
    {
      path: 'src/config.js',
      content: `module.exports = {\n  tokenExpirySeconds: 3600,\n  passwordMinLength: 12,\n  apiKeyHeader: 'x-api-key',\n  secretManagerRegion: 'eu-west-1',\n};\n`,
    },
  ]);
  neg('checksum', `FROM node:20-alpine@sha256:${v.sha256()}\nRUN npm ci\nwhy is the image 400 MB?`);
  neg('checksum', `sha256sum says ${v.sha256()}  jarvis-0.1.0.vsix — how do I publish the checksum?`);
  neg('publishable-key', `Stripe.js init: const stripe = Stripe('pk_live_51${v.alnum(60)}'); is the publishable key OK in the browser?`);
  neg(
    'log',
    `2026-11-30T10:12:01Z INFO cache hit key=${v.hex(32)} size=1832\n2026-11-30T10:12:02Z WARN slow query id=${v.alnum(20)} took 812ms\nwhat does this mean?`,
  );
  neg('css-hex', `.btn { color: #1a2b3c; background: #ffcc00; border-color: #${v.hex(6)}; } how do I add a dark theme?`);
  return { positives: P, negatives: N };
}
