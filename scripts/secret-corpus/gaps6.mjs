// Training records added in session 14 (issue #13): the sixth held-out split's misses and false positives
// (train-6.jsonl, seen since) as general families, each in shapes that split does not have, with the near
// misses that must stay clean beside them. Appended to train-gaps.jsonl after the earlier records
// (build.mjs), from a seed of its own, so those keep their ids and values.
export function gap6Samples(v) {
  const P = [];
  const N = [];
  const pos = (kind, secret, text, attachments) => P.push({ label: 'secret', kind, secret, text, ...(attachments ? { attachments } : {}) });
  const neg = (kind, text, attachments) => N.push({ label: 'clean', kind, text, ...(attachments ? { attachments } : {}) });
  const { alnum, hex, pick, uuid, password } = v;
  const UPPER_NUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let s;

  // --- vendor tokens: a short prefix and a random tail; `id.key:secret` ---
  s = `acme_${alnum(48)}`;
  pos('prefixed-token', s, `the embeddings call returns 401 with ${s} — rotated yesterday`);
  s = `Nmx-server-${alnum(6)}-${alnum(20)}`;
  pos('prefixed-token', s, 'the webhook verifier fails', [
    { path: 'src/pay.js', content: `const pay = new Gateway({ production: true, serverKey: '${s}' });\n` },
  ]);
  s = `test_sk_${alnum(24)}`;
  pos('prefixed-token', s, `결제 테스트: I send ${s} as the username of Basic auth and get 401`);
  s = `pk_${pick('0123456789', 8)}_${pick(UPPER_NUM, 32)}`;
  pos('prefixed-token', s, `  88  http GET https://api.example-tasks.com/v2/user Authorization:${s}`);
  s = `${alnum(6)}.${alnum(6)}:${alnum(40)}`;
  pos('prefixed-token', s, `realtime = Realtime(key="${s}")\nthe channel never attaches`);
  // --- assignment operators of more languages, names ending in Key, name/value calls ---
  s = alnum(40);
  pos('keyword-secret', s, 'the R job cannot authenticate', [
    { path: 'etl/fetch.R', content: `api_token <- "${s}"\nres <- GET(url, add_headers(Authorization = paste("Bearer", api_token)))\n` },
  ]);
  s = alnum(32);
  pos('keyword-secret', s, 'make deploy fails', [
    { path: 'Makefile', content: `DEPLOY_TOKEN ?= "${s}"\ndeploy:\n\tcurl -H "X-Token: $(DEPLOY_TOKEN)" $(URL)\n` },
  ]);
  s = hex(40);
  pos('keyword-secret', s, 'cannot send mail from the worker', [{ path: 'internal/mail/keys.go', content: `package mail\n\nvar mailerKey = "${s}"\n` }]);
  s = alnum(36);
  pos('keyword-secret', s, `ENV["SERVICE_TOKEN"] = "${s}" is at the top of spec_helper.rb, is that why CI talks to prod?`);
  s = alnum(48);
  pos('keyword-secret', s, 'properties are ignored', [
    { path: 'src/main/java/app/Config.java', content: `Properties p = new Properties();\np.setProperty("service.client.secret", "${s}");\n` },
  ]);
  s = alnum(30);
  pos('keyword-secret', s, `define('STORE_API_KEY', '${s}'); in wp-config.php — why does the plugin still say missing key?`);
  // --- INI short names, XML settings named by an attribute, parameter defaults, auth files ---
  s = alnum(32);
  pos('keyword-secret', s, 'the bot config', [{ path: '.botrc', content: `[bot]\nuser=alerts@chat.example.org\nkey=${s}\nserver=https://chat.example.org\n` }]);
  s = password();
  pos('keyword-secret', s, 'datasource does not start', [
    { path: 'conf/context.xml', content: `<Context>\n  <Parameter name="mail.smtp.password" value="${s}" override="false"/>\n</Context>\n` },
  ]);
  s = password();
  pos('keyword-secret', s, 'settings are not read', [
    {
      path: 'App.config',
      content: `<applicationSettings>\n  <App.Properties.Settings>\n    <setting name="ServicePassword" serializeAs="String">\n      <value>${s}</value>\n    </setting>\n  </App.Properties.Settings>\n</applicationSettings>\n`,
    },
  ]);
  s = password();
  pos('keyword-secret', s, 'the template deploys but the app cannot log in', [
    {
      path: 'azuredeploy.json',
      content: `{\n  "parameters": {\n    "adminPassword": {\n      "type": "securestring",\n      "defaultValue": "${s}"\n    }\n  }\n}\n`,
    },
  ]);
  s = alnum(32);
  pos('keyword-secret', s, `parser.add_argument("--api-token", default="${s}", help="service token")`);
  s = password();
  pos('credentials-file-field', s, 'odyssey auth file', [{ path: 'auth_users.txt', content: `"reporting" "${s}"\n` }]);
  // --- Authorization values: bare, parameterised, in HAR / Postman exports ---
  s = alnum(64);
  pos('bearer-token', s, `wget --header='Authorization: ${s}' https://api.example-builds.io/v0.1/me`);
  s = uuid();
  pos('bearer-token', s, `curl -H 'Authorization: HVAPIToken=ops@realm!ci=${s}' https://hv.lab.local/api/nodes`);
  s = `acme_${alnum(44)}`;
  pos('api-key-header', s, 'the trace of the failing call', [
    { path: 'trace.har', content: `{"request": {"headers": [\n  {"name": "authorization", "value": "Bearer ${s}"}\n]}}\n` },
  ]);
  // --- auth calls, single-letter token flags, password values that look like sub-options ---
  s = password();
  pos('sdk-credential', s, 'the cache login fails', [
    { path: 'cache.php', content: `$redis = new Redis();\n$redis->connect('cache.internal', 6379);\n$redis->auth('${s}');\n` },
  ]);
  s = alnum(40);
  pos('sdk-credential', s, `r = requests.get(url, auth=("svc-report", "${s}"))\nalways 403`);
  s = uuid();
  pos('command-line-secret', s, `./uploader -t ${s} -f build/report.xml --slug acme/web`);
  s = hex(32).toUpperCase();
  pos('command-line-secret', s, `tool config -i=${pick(UPPER_NUM, 20)} -k=${s} -e=obs.example.cloud`);
  s = `id=${alnum(14)}`;
  pos('command-line-secret', s, `psql-wrapper --password '${s}' --host db.internal`);
  // --- URL paths ---
  s = `${alnum(2)}-${uuid()}`;
  pos('url-secret-parameter', s, `pip install --index-url https://pypi.example.org/t/${s}/simple acme-internal`);

  // --- near misses that stay clean ---
  neg('object-id-prefixes', `ids from the dashboard: org-${alnum(24)}, proj_${alnum(24)}, cus_${alnum(14)}, pi_${alnum(24)}`);
  neg('hash-prefixes', `integrity sha512-${alnum(40)} and cache key build-${hex(12)}; chunk-${hex(8)}.js`);
  neg('ciphertext-by-design', 'committed encrypted values', [
    { path: 'application.yml', content: `db:\n  password: '{cipher}${hex(96)}'\napi:\n  token: ENC(${alnum(44)})\n` },
  ]);
  neg('dns-txt-records', 'zone export', [
    { path: 'zone.txt', content: `@ 300 IN TXT "example-site-verification=${alnum(43)}"\n@ 300 IN TXT "vendor-domain-verification=${alnum(32)}"\n` },
  ]);
  neg('url-password-placeholder', 'sample env', [{ path: '.env.example', content: `REDIS_URL=redis://default:<password>@localhost:6379\n` }]);
  neg('counting-test-vector', `AES-128 vector:\nkey = 000102030405060708090a0b0c0d0e0f\nplaintext = 00112233445566778899aabbccddeeff`);
  neg('public-client-keys', `<Provider sdkKey="client-${alnum(44)}">\nconst clientKey = 'live_${pick(UPPER_NUM, 32)}';\nanalytics._writeKey = "${alnum(32)}";`);
  neg('ini-key-words', `[ui]\nkey=dashboard_title_label\nauth=ldap\npass=through`);
  neg(
    'xml-setting-reference',
    `<property name="hibernate.connection.password">\${DB_PASSWORD}</property>\n<setting name="ApiKey" serializeAs="String"><value>${'{{api_key}}'}</value></setting>`,
  );
  neg('docker-tag-flag', `docker build -t registry.example.com/app:${hex(12)} .\naz login --service-principal -u ${uuid()} --certificate sp.pem -t ${uuid()}`);
  neg('auth-call-reference', `red:auth(os.getenv("REDIS_PASSWORD"))\nr = requests.get(url, auth=(user, password))`);
  neg('authorization-reference', `curl -H "Authorization: $API_TOKEN" https://api.example.com/me\n{"name": "Authorization", "value": "{{token}}"}`);
  return { positives: P, negatives: N };
}
