// Training records added in session 12 (issue #13): the third held-out split's misses and false
// positives (train-3.jsonl, seen since) as general families, each in shapes that split does not have,
// with the near misses that must stay clean beside them. Appended to train-gaps.jsonl after session 11's
// records (build.mjs), from a seed of their own, so the earlier records keep their ids and values.
export function gap3Samples(v) {
  const P = [];
  const N = [];
  const pos = (kind, secret, text, attachments) => P.push({ label: 'secret', kind, secret, text, ...(attachments ? { attachments } : {}) });
  const neg = (kind, text, attachments) => N.push({ label: 'clean', kind, text, ...(attachments ? { attachments } : {}) });
  const { alnum, hex, b64, b64url, pick, uuid, password } = v;
  const b64json = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const jwt = (payload) => `${b64json({ alg: 'HS256', typ: 'JWT' })}.${b64json(payload)}.${b64url(43)}`;
  let s;

  // --- SDK clients constructed with a literal key (vendor SDKs take the key as the first argument) ---
  s = uuid();
  pos('client-constructor-key', s, 'bounces are not reported to our webhook', [
    { path: 'mail/client.go', content: `package mail\n\nimport "github.com/mrz1836/postmark"\n\nvar Client = postmark.NewClient("${s}", "")\n` },
  ]);
  s = alnum(40);
  pos('client-constructor-key', s, `embed = cohere.AsyncClient("${s}").embed(texts=chunks, model="embed-multilingual-v3.0")\nwhy is input_type required now?`);
  // --- vendor-named settings and vendor-specific formats ---
  s = `test_${alnum(30)}`;
  pos('vendor-credential', s, 'the payment stays "open" in tests', [
    { path: 'config/payments.yml', content: `mollie:\n  profile: pfl_${alnum(10)}\n  mollie_key: ${s}\n` },
  ]);
  s = hex(40);
  pos('vendor-credential', s, `[datadog]\nsite = datadoghq.com\ndatadog_app_key = ${s}\nthe dashboard sync script says 403`);
  s = `sdk-${uuid()}`;
  pos('launchdarkly-sdk-key', s, 'the relay proxy has no environments', [
    { path: 'ld-relay.yaml', content: `environment:\n  production:\n    sdkKey: ${s}\n` },
  ]);
  s = `00D${alnum(15)}!${alnum(20)}.${alnum(60)}`;
  pos(
    'salesforce-token',
    s,
    `sf org display --json says\n{"result": {"accessToken": "${s}", "instanceUrl": "https://acme.my.salesforce.com"}}\nhow long is this valid?`,
  );
  s = `AAAA${b64url(7)}:APA91b${b64url(134)}`;
  pos('fcm-server-key', s, 'migrate this to the HTTP v1 API', [{ path: 'notify/settings.py', content: `FCM = {\n    "legacy_key": "${s}",\n}\n` }]);
  s = `sb_secret_${b64url(31)}`;
  pos('supabase-secret-key', s, 'the edge function cannot read the table', [
    { path: 'supabase/functions/sync/index.ts', content: `const admin = createClient(Deno.env.get("SUPABASE_URL")!, "${s}");\n` },
  ]);
  s = jwt({ iss: 'supabase', ref: pick('abcdefghijklmnopqrstuvwxyz', 20), role: 'service_role', iat: 1731000000 });
  pos('jwt', s, `SUPABASE_SERVICE_ROLE_KEY is ${s} — can the browser use it to bypass RLS?`);
  s = `AIza${b64url(35)}`;
  pos('google-api-key', s, `curl "https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key=${s}" returns REQUEST_DENIED`);
  // --- authorization schemes and vendor-prefixed key headers ---
  s = uuid();
  pos('bearer-token', s, `curl -X POST https://api.opsgenie.com/v2/alerts -H "Authorization: GenieKey ${s}" -d @alert.json gives 422`);
  s = `00${b64url(40)}`;
  pos('bearer-token', s, 'the users sync loops forever', [
    { path: 'sync/okta.py', content: `session.headers.update({"Accept": "application/json", "Authorization": "SSWS ${s}"})\n` },
  ]);
  s = hex(37);
  pos('api-key-header', s, `curl https://api.cloudflare.com/client/v4/zones -H "X-Auth-Email: ops@acme.io" -H "X-Auth-Key: ${s}" lists nothing`);
  s = uuid();
  pos('api-key-header', s, 'the server list is empty', [
    { path: 'scripts/postmark.sh', content: `curl "https://api.postmarkapp.com/servers?count=50&offset=0" \\\n  -H "X-Postmark-Account-Token: ${s}"\n` },
  ]);
  // --- connection strings (ADO.NET, ODBC, JDBC, Npgsql) ---
  s = password();
  pos('connection-string-password', s, 'pyodbc cannot log in', [
    { path: 'etl/db.py', content: `CONN = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql01,1433;Database=etl;UID=etl_job;PWD=${s};Encrypt=yes"\n` },
  ]);
  s = password();
  pos('connection-string-password', s, `jdbc:sqlserver://sql01:1433;databaseName=billing;user=billing_app;password=${s};encrypt=true — login failed for user`);
  s = `{${password()};x}`;
  pos('connection-string-password', s, 'the braces in the password break the parser', [
    { path: 'App.config', content: `<add name="Odbc" connectionString="DSN=warehouse;Uid=report;Pwd=${s};" />\n` },
  ]);
  // --- Docker registry configs: base64 blobs and YAML auths ---
  const dockerAuth = Buffer.from(`ci-bot:${password()}`).toString('base64');
  s = Buffer.from(JSON.stringify({ auths: { 'registry.acme.io': { auth: dockerAuth } } }, null, 2)).toString('base64');
  pos('docker-config-base64', s, `kubectl get secret regcred -o jsonpath='{.data.\\.dockerconfigjson}' prints\n${s}\nis this the right registry?`);
  s = Buffer.from(JSON.stringify({ 'quay.io': { auth: Buffer.from(`robot:${alnum(32)}`).toString('base64'), email: 'ci@acme.io' } })).toString('base64');
  pos('docker-config-base64', s, 'the old cluster still uses dockercfg', [
    { path: 'k8s/legacy-pull.yaml', content: `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockercfg\ndata:\n  .dockercfg: ${s}\n` },
  ]);
  s = Buffer.from(`deploy:${password()}`).toString('base64');
  pos('registry-auth', s, 'podman does not pick up these credentials', [{ path: 'auth.yaml', content: `auths:\n  registry.acme.io:\n    auth: ${s}\n` }]);
  // --- PuTTY keys (version 2, encrypted) ---
  s = `PuTTY-User-Key-File-2: ssh-rsa\nEncryption: aes256-cbc\nComment: rsa-key-20261201\nPublic-Lines: 2\n${b64(64)}\n${b64(40)}\nPrivate-Lines: 2\n${b64(64)}\n${b64(48)}\nPrivate-MAC: ${hex(40)}`;
  pos('putty-private-key', s, `puttygen says the passphrase is wrong for this key:\n${s}\nwhat else could it be?`);
  // --- Terraform variable defaults ---
  s = alnum(32);
  pos('terraform-variable-default', s, 'terraform validate passes but the reviewer flagged this', [
    { path: 'modules/alerts/variables.tf', content: `variable "pagerduty_api_token" {\n  type    = string\n  default = "${s}"\n}\n` },
  ]);
  s = password();
  pos('terraform-variable-default', s, 'why does plan show (sensitive value)?', [
    { path: 'main.tf', content: `variable "admin_login" {\n  description = "bootstrap admin"\n  default     = "${s}"\n  sensitive   = true\n}\n` },
  ]);
  // --- basic auth set by proxies (HAProxy, Apache, Caddy) ---
  s = Buffer.from(`metrics:${password()}`).toString('base64');
  pos('basic-auth', s, 'prometheus scrapes through haproxy', [
    { path: 'haproxy.cfg', content: `backend prom\n  http-request set-header Authorization "Basic ${s}"\n  server p1 10.0.0.5:9090\n` },
  ]);
  s = Buffer.from(`jenkins:${password()}`).toString('base64');
  pos('basic-auth', s, `<Location /ci>\n  RequestHeader set Authorization "Basic ${s}"\n</Location>\nApache strips it on redirect?`);
  // --- credential-named environment variables' fallbacks ---
  s = password();
  pos('env-default-credential', s, `db = connect(user="app", password=os.environ.get("DB_PASSWORD", "${s}"))\nworks locally, fails in the container`);
  s = alnum(48);
  pos('env-default-credential', s, 'sessions are invalid after every deploy', [
    { path: 'server/session.js', content: `app.use(session({ secret: process.env.SESSION_SECRET || "${s}", resave: false }));\n` },
  ]);
  // --- Azure Functions keys ---
  s = `${b64(54)}==`;
  pos('azure-function-key', s, `Invoke-RestMethod "https://orders.acme.io/api/ingest?code=${s}" returns 401 after the slot swap`);
  // --- bare key files ---
  s = hex(32);
  pos('key-file', s, 'deploy cannot decrypt production credentials', [{ path: 'config/credentials/production.key', content: `${s}\n` }]);
  // --- a PEM key cut short with "..." after real lines still shows key material ---
  s = `-----BEGIN RSA PRIVATE KEY-----\n${v.rsaBody(3)}\n...`;
  pos('private-key', s, `the first lines of the key, in case it helps:\n${s}\n-----END RSA PRIVATE KEY-----`);
  // --- a literal key in an env template is still a key ---
  s = `sk_live_51${alnum(60)}`;
  pos('stripe-key', s, 'op inject leaves this one alone', [{ path: '.env.tpl', content: `DATABASE_URL={{ op://dev/db/url }}\nSTRIPE_SECRET_KEY=${s}\n` }]);

  // --- near misses: public by design, references, placeholders, protocol values, non-secrets ---
  neg('public-client-key', 'auth works in Chrome, not in Safari', [
    {
      path: 'public/index.html',
      content: `<script>\n  firebase.initializeApp({\n    apiKey: "AIza${b64url(35)}",\n    authDomain: "acme-app.firebaseapp.com",\n    projectId: "acme-app",\n  });\n</script>\n`,
    },
  ]);
  neg('public-client-key', `export const MAPBOX_TOKEN = 'pk.${b64json({ u: 'acme', a: alnum(25) })}.${b64url(22)}';\nthe style fails to load on Android`);
  neg('public-client-key', 'the browser client throws on insert', [
    {
      path: 'web/supabase.ts',
      content: `export const supabase = createClient("https://${pick('abcdefghijklmnopqrstuvwxyz', 20)}.supabase.co", "${jwt({ iss: 'supabase', role: 'anon', iat: 1731000000 })}");\n`,
    },
  ]);
  neg('public-client-key', `NEXT_PUBLIC_SUPABASE_KEY=sb_publishable_${b64url(31)} and pk_live_${alnum(24)} in the client bundle — is that ok?`);
  neg('public-client-key', 'flags are stale on iOS', [
    { path: 'ios/Flags.swift', content: `let config = LDConfig(mobileKey: "mob-${uuid()}", autoEnvAttributes: .enabled)\n` },
  ]);
  neg('acme-challenge', 'the challenge never validates', [
    {
      path: 'challenge.yaml',
      content: `apiVersion: acme.cert-manager.io/v1\nkind: Challenge\nspec:\n  type: HTTP-01\n  token: ${b64url(43)}\n  key: ${b64url(43)}.${b64url(43)}\n`,
    },
  ]);
  neg('secret-manager-reference', 'compose does not resolve these', [
    {
      path: 'docker-compose.yml',
      content: `services:\n  api:\n    environment:\n      API_KEY: op://prod/api/credential\n      DB_PASSWORD: "@Microsoft.KeyVault(SecretUri=https://kv-acme.vault.azure.net/secrets/db/)"\n`,
    },
  ]);
  neg('secret-manager-reference', 'can I make op run fail on a missing field?', [
    { path: '.env.tmpl', content: `GITHUB_TOKEN=op://ci/github/token\nSLACK_WEBHOOK=op://ci/slack/webhook-url\n` },
  ]);
  neg('pem-placeholder', 'explain the key setup in the README', [
    {
      path: 'README.md',
      content: `Set PRIVATE_KEY to your key:\n\n-----BEGIN PRIVATE KEY-----\n<your private key here>\n-----END PRIVATE KEY-----\n\nor an EC key:\n-----BEGIN EC PRIVATE KEY-----\n...\n-----END EC PRIVATE KEY-----\n`,
    },
  ]);
  neg('connection-string-no-secret', 'which of these is faster?', [
    {
      path: 'appsettings.json',
      content: `{"A": "Server=sql01;Database=app;Integrated Security=True;", "B": "Server=sql01;Database=app;User ID=app;Password=\${DB_PASSWORD};", "C": "Data Source=app.db;Password=;"}\n`,
    },
  ]);
  neg(
    'connection-string-no-secret',
    `conn = f"Driver={{ODBC Driver 18}};Server={host};UID={user};PWD={password};"\nString.Format("Server={0};User Id={1};Password={2};", h, u, p)\nThe login form has a Password= field and a Remember me box.`,
  );
  neg('docker-config-no-secret', 'pulls use the credential helper', [
    {
      path: 'k8s/pull.yaml',
      content: `data:\n  .dockerconfigjson: ${Buffer.from(JSON.stringify({ auths: { 'ghcr.io': {} }, credsStore: 'desktop' })).toString('base64')}\n`,
    },
  ]);
  neg('putty-docs', 'rewrite this section', [
    {
      path: 'docs/ssh.md',
      content: `A .ppk file looks like:\n\nPuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: your-key\nPublic-Lines: 2\n...\nPrivate-Lines: 1\n...\nPrivate-MAC: 0123456789abcdef0123\n\nConvert it with puttygen key.ppk -O private-openssh.\n`,
    },
  ]);
  neg('terraform-no-secret', 'is this module fine?', [
    {
      path: 'variables.tf',
      content: `variable "db_password" {\n  type      = string\n  sensitive = true\n}\n\nvariable "password_length" {\n  default = 24\n}\n\nvariable "secret_name" {\n  default = "prod/app/db-password"\n}\n\nvariable "instance_type" {\n  default = "t3.micro"\n}\n`,
    },
  ]);
  neg('proxy-auth-no-secret', 'the upstream gets no credentials', [
    {
      path: 'nginx.conf',
      content: `location /admin {\n  auth_basic "Restricted";\n  auth_basic_user_file /etc/nginx/.htpasswd;\n  proxy_set_header Authorization $http_authorization;\n}\n`,
    },
  ]);
  neg(
    'env-default-no-secret',
    `level = os.getenv("LOG_LEVEL", "info")\nprefix = env('CACHE_KEY_PREFIX', 'laravel_cache')\nkey = process.env.API_KEY || ""\ntoken = os.getenv("API_TOKEN", "changeme")\nwhich of these is bad practice?`,
  );
  neg('oauth-code', `the callback gets https://app.acme.io/callback?code=4/0AX4Xf${b64url(60)}&state=${hex(16)} and then 400 invalid_grant`);
  neg('client-constructor-no-secret', 'which client should I reuse?', [
    {
      path: 'src/clients.ts',
      content: `const blob = new BlobServiceClient("https://acme.blob.core.windows.net");\nconst q = new QueueClient("UseDevelopmentStorage=true", "orders-queue-production");\nconst http = HttpClient("MyNamedClientForOrders");\n`,
    },
  ]);
  neg('header-nonce', `Sec-WebSocket-Key: ${b64(22)}==\nX-Idempotency-Key: ${uuid()}\nwhy does the upgrade fail behind the load balancer?`);
  return { positives: P, negatives: N };
}
