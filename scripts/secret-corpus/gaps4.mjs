// Training records added in session 13 (issue #13): the fourth held-out split's misses and false
// positives (train-4.jsonl, seen since) as general families, each in shapes that split does not have,
// with the near misses that must stay clean beside them. Appended to train-gaps.jsonl after sessions 11
// and 12's records (build.mjs), from a seed of its own, so the earlier records keep their ids and values.
export function gap4Samples(v) {
  const P = [];
  const N = [];
  const pos = (kind, secret, text, attachments) => P.push({ label: 'secret', kind, secret, text, ...(attachments ? { attachments } : {}) });
  const neg = (kind, text, attachments) => N.push({ label: 'clean', kind, text, ...(attachments ? { attachments } : {}) });
  const { alnum, hex, b64, b64url, pick, uuid, password, awsKeyId, awsSecret } = v;
  const pem = (type) => `-----BEGIN ${type}-----\n${b64(64)}\n${b64(64)}\n${b64(40)}==\n-----END ${type}-----\n`;
  let s;

  // --- credentials in XML elements and in `name value` configuration lines ---
  s = alnum(32);
  pos('xml-credential-element', s, 'the plugin cannot reach the API after the upgrade', [
    {
      path: 'jenkins/org.example.DeployPlugin.xml',
      content: `<config>\n  <endpoint>https://deploy.example.net</endpoint>\n  <apiToken>${s}</apiToken>\n</config>\n`,
    },
  ]);
  s = password();
  pos('xml-credential-element', s, `<dataSource>\n  <user>etl</user>\n  <password>${s}</password>\n</dataSource>\nthe pool never fills, why?`);
  s = alnum(40);
  pos('config-line-credential', s, 'replicas do not sync', [
    { path: 'redis/redis.conf', content: `bind 0.0.0.0\nport 6379\nrequirepass ${s}\nmasterauth ${s}\nappendonly yes\n` },
  ]);
  s = uuid();
  pos('config-line-credential', s, 'logs stop after an hour', [
    { path: 'td-agent.conf', content: `<match app.**>\n  @type splunk_hec\n  hec_host splunk.example.net\n  hec_token ${s}\n</match>\n` },
  ]);
  // --- maps named for credentials ---
  s = uuid();
  pos('credential-map-entry', s, 'nomad cannot register services in consul', [
    { path: 'consul.json', content: `{\n  "acl": {\n    "enabled": true,\n    "tokens": {\n      "default": "${s}"\n    }\n  }\n}\n` },
  ]);
  s = alnum(36);
  pos('credential-map-entry', s, `config.secrets = {\n  'ci': '${s}',\n}\nshould this live in credentials.yml.enc instead?`);
  // --- passwords and keys as command arguments, single-dash flags, Oracle connect strings, *_AUTH ---
  s = password();
  pos(
    'command-argument-password',
    s,
    `history:\n  88  rabbitmqctl change_password billing ${s}\n  89  rabbitmqctl list_users\nthe service still cannot log in`,
  );
  s = alnum(40);
  pos('command-argument-password', s, `mc config host add s3 https://s3.amazonaws.com ${awsKeyId()} ${s} --api S3v4\nworks, but mc alias list shows nothing`);
  s = password();
  pos('command-argument-password', s, `htpasswd -bc /etc/nginx/.htpasswd admin ${s}\nnginx still answers 401`);
  s = `${alnum(27)}_${alnum(21)}`;
  pos('command-argument-password', s, `ngrok config add-authtoken ${s}\nngrok http 3000 says the session limit is reached`);
  s = uuid();
  pos('single-dash-flag-credential', s, `consul acl policy list -token=${s} -http-addr=https://consul.example.net:8501\nreturns "ACL not found"`);
  s = password();
  pos(
    'single-dash-flag-credential',
    s,
    `keytool -importkeystore -srckeystore old.jks -srcstorepass ${s} -destkeystore new.p12 -deststoretype PKCS12\nwhich password does the new file get?`,
  );
  s = password();
  pos(
    'single-dash-flag-credential',
    s,
    `openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:${s}\nthe import on Windows rejects it`,
  );
  s = password();
  pos('oracle-connect-password', s, `sqlplus system/${s}@//db.example.net:1521/ORCLPDB1 @migrate.sql\nfails with ORA-12514`);
  s = password();
  pos('env-auth-pair', s, 'the database does not come up', [
    { path: 'docker-compose.yml', content: `services:\n  graph:\n    image: neo4j:5\n    environment:\n      NEO4J_AUTH: neo4j/${s}\n` },
  ]);
  s = password();
  pos('env-credential', s, `SMTP_PASS=${s} ./send-report.sh\nthe mail never arrives`);
  // --- Authorization headers: no scheme, a string prefix, a header set through an API call ---
  s = alnum(40);
  pos('authorization-raw', s, `fetch(url, { headers: { Authorization: "${s}" } }) gets 401 from the transcription API`);
  s = b64url(40);
  pos('authorization-call', s, `client.DefaultRequestHeaders.Add("Authorization", $"Bearer ${s}");\nthe call fails only in Release builds`);
  s = alnum(22);
  pos('vendor-header', s, `curl https://api.honeycomb.io/1/auth -H "X-Honeycomb-Team: ${s}"`);
  // --- key material in structures ---
  s = Buffer.from(pem('EC PRIVATE KEY')).toString('base64');
  pos('base64-pem-private-key', s, 'ingress serves the default certificate', [
    {
      path: 'k8s/tls-secret.yaml',
      content: `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${Buffer.from(pem('CERTIFICATE')).toString('base64')}\n  tls.key: ${s}\n`,
    },
  ]);
  s = `-----BEGIN OpenVPN Static key V1-----\n${Array.from({ length: 16 }, () => hex(32)).join('\n')}\n-----END OpenVPN Static key V1-----`;
  pos('openvpn-static-key', s, 'the client says TLS key negotiation failed', [
    { path: 'client.ovpn', content: `client\nremote vpn.example.net 1194\nkey-direction 1\n<tls-auth>\n${s}\n</tls-auth>\n` },
  ]);
  s = b64url(342);
  pos(
    'jwk-private-member',
    s,
    `{"keys": [{"kty": "RSA", "kid": "k1", "n": "${b64url(342)}", "e": "AQAB", "d": "${s}"}]}\nwhy does jose say the key is not a signing key?`,
  );
  s = Buffer.from(`0502${hex(140)}`, 'hex').toString('base64');
  pos('kerberos-keytab-base64', s, 'kinit in the pod says the key table entry was not found', [
    { path: 'k8s/keytab-secret.yaml', content: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: hdfs-keytab\ndata:\n  krb5.keytab: ${s}\n` },
  ]);
  s = hex(64);
  pos('hex-symmetric-key', s, 'decrypting the cookie fails', [
    { path: 'session/crypto.go', content: `package session\n\nimport "encoding/hex"\n\nvar aesKey, _ = hex.DecodeString("${s}")\n` },
  ]);
  s = hex(32);
  pos('hex-symmetric-key', s, `{"webhook": {"hmac_key": "${s}", "algorithm": "sha256"}}\nthe signatures never match`);
  // --- vendor formats: Google app passwords, kubeadm tokens, AWS pairs, Telegram, Fly.io, Resend, Algolia ---
  s = 'qwhe tnzu lpax mvoc';
  pos('google-app-password', s, 'mail from the app is rejected', [
    {
      path: 'src/main/resources/application.properties',
      content: `spring.mail.host=smtp.gmail.com\nspring.mail.username=alerts@example.com\nspring.mail.password="${s}"\n`,
    },
  ]);
  s = `${alnum(6).toLowerCase().replace(/^./, 'k')}.${hex(16)}`;
  pos('kubeadm-bootstrap-token', s, 'the node never joins', [
    { path: 'kubeadm-config.yaml', content: `apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nbootstrapTokens:\n- token: "${s}"\n  ttl: "24h"\n` },
  ]);
  s = awsSecret();
  pos('aws-key-pair', s, `Access key ID,Secret access key\n${awsKeyId()},${s}\nthe console gave me this CSV, which line goes in ~/.aws/credentials?`);
  s = `${pick('123456789', 1)}${pick('0123456789', 9)}:AA${b64url(33)}`;
  pos('telegram-bot-url', s, 'the webhook is never called', [
    {
      path: 'bot/notify.py',
      content: `import requests\nURL = "https://api.telegram.org/bot${s}/setWebhook"\nrequests.post(URL, data={"url": "https://example.net/hook"})\n`,
    },
  ]);
  s = `FlyV1 fm2_${b64url(120)},fm2_${b64url(80)}`;
  pos('flyio-token', s, `gh secret set FLY_API_TOKEN --body "${s}"\nthe deploy job still says unauthorized`);
  s = `re_${alnum(8)}_${alnum(24)}`;
  pos('resend-key', s, `my key ${s} worked yesterday, today every send is 401`);
  s = hex(32);
  pos('algolia-key', s, 'the nightly sync leaves stale records', [
    {
      path: 'sync/algolia.mjs',
      content: `import algoliasearch from 'algoliasearch';\nconst client = algoliasearch('Q7K2M9X4PL', '${s}');\nawait client.initIndex('docs').partialUpdateObjects(rows);\n`,
    },
  ]);

  // --- near misses that must stay clean ---
  neg('xml-credential-reference', 'does the server section need a mirror too?', [
    {
      path: '.m2/settings.xml',
      content: `<settings>\n  <servers>\n    <server>\n      <id>releases</id>\n      <username>\${env.NEXUS_USER}</username>\n      <password>\${env.NEXUS_PASSWORD}</password>\n    </server>\n  </servers>\n  <passwordPolicy>strict</passwordPolicy>\n</settings>\n`,
    },
  ]);
  neg('config-line-no-secret', 'which of these settings slows the output down?', [
    {
      path: 'fluent-bit.conf',
      content: `[OUTPUT]\n    Name         splunk\n    Splunk_Token \${SPLUNK_HEC_TOKEN}\n    Token_Refresh 300\n    TLS          On\n`,
    },
  ]);
  neg('design-tokens-map', `{"tokens": {"brand": "#0a84ff", "spacing": "1.5rem", "radius": "4px"}}\nhow do I export these to CSS variables?`);
  neg(
    'command-argument-no-secret',
    `rabbitmqctl add_user app "$RABBIT_PASS"\nvault operator unseal\nmc alias set local http://localhost:9000 minioadmin minioadmin\nsqlplus / as sysdba\nwhich of these need root?`,
  );
  neg('buildkit-secret-spec', 'does the secret end up in the image history?', [
    { path: 'build.sh', content: `docker buildx build --secret id=aws,src=$HOME/.aws/credentials --secret id=npm,env=NPM_TOKEN -t app .\n` },
  ]);
  neg(
    'authorization-no-secret',
    `headers = {"authorization": "Bearer \${ACCESS_TOKEN}", "x-honeycomb-dataset": "checkout-api"}\napi.setHeader("Authorization", "required")`,
  );
  neg('base64-pem-certificate', 'which CA signed this?', [
    {
      path: 'kubeconfig',
      content: `clusters:\n- cluster:\n    certificate-authority-data: ${Buffer.from(pem('CERTIFICATE')).toString('base64')}\n    server: https://10.0.0.1:6443\n`,
    },
  ]);
  neg(
    'public-jwk',
    `{"kty": "EC", "crv": "P-256", "x": "${b64url(43)}", "y": "${b64url(43)}", "use": "sig"}\nthe RFC 7517 example private key is "d": "870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE", is mine the same format?`,
  );
  neg('keytab-path-only', 'kinit -kt /etc/security/keytabs/hdfs.keytab hdfs/node1@EXAMPLE.NET fails with clock skew; the keytab is 1.2 KB');
  neg('hex-digest-constants', `EXPECTED_DIGEST = "${hex(64)}"\nCACHE_KEY = "${hex(32)}"\nrequest_id = "${hex(32)}"\nthe test compares the wrong digest`);
  neg('kubeadm-docs-token', 'kubeadm init --token abcdef.0123456789abcdef from the docs: is that token safe to keep in the lab?');
  neg(
    'aws-key-listing',
    `aws iam list-access-keys --user-name ci\n{\n  "AccessKeyMetadata": [\n    {"UserName": "ci", "AccessKeyId": "${awsKeyId()}", "Status": "Active", "CreateDate": "2026-01-04T10:00:00Z"}\n  ]\n}\nhow do I rotate it?`,
  );
  neg('env-file-public-values', 'the preview build cannot find the publishable key', [
    {
      path: '.env.local',
      content: `VITE_STRIPE_PUBLISHABLE_KEY=pk_test_${alnum(24)}\nVITE_API_URL=https://api.example.net\nVITE_FEATURE_FLAGS=search,checkout\n`,
    },
  ]);
  neg('pgpass-without-password', 'psql still asks for a password', [{ path: '.pgpass', content: `db.example.net:5432:app:app:\n` }]);
  neg('pem-parameters-file', 'is this file needed with TLS 1.3?', [
    { path: 'certs/ecparams.pem', content: `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n` },
  ]);
  neg('pem-header-constants', 'is this check enough?', [
    {
      path: 'keys/detect.py',
      content: `ENCRYPTED = "-----BEGIN ENCRYPTED PRIVATE KEY-----"\nif pem.startswith(ENCRYPTED):\n    raise ValueError("encrypted keys are not supported")\n`,
    },
  ]);
  neg(
    'maps-js-loader-key',
    `<script src="https://maps.googleapis.com/maps/api/js?libraries=places&key=AIza${b64url(35)}"></script>\nthe autocomplete box shows no results; the key has an HTTP referrer restriction for our domain`,
  );
  neg('docs-word-token', `openai.api_key = "sk-not-a-real-key-replace-this-value"\nwhy does the quickstart say invalid_api_key?`);
  neg(
    'credential-identifiers',
    `{"credentialId": "${b64url(43)}", "api_key_id": "kid_${hex(16)}", "credential_id": "${b64url(43)}"}\nwhich id does the assertion need?`,
  );
  neg('algolia-search-only-lite', 'the results flicker on every keystroke', [
    { path: 'src/search.js', content: `import { liteClient } from 'algoliasearch/lite';\nconst searchClient = liteClient('Q7K2M9X4PL', '${hex(32)}');\n` },
  ]);
  return { positives: P, negatives: N };
}

// Session 13, second pass: families found by probing the rules with shapes no split had (setters, DSL
// lines, SQL, libpq, cookies, bare DER keys, PKCS#12, wallets, stdin and expect dialogues, network tools).
// A generator of its own (appended after gap4Samples' records), so those keep their ids and values.
export function gap4bSamples(v) {
  const P = [];
  const N = [];
  const pos = (kind, secret, text, attachments) => P.push({ label: 'secret', kind, secret, text, ...(attachments ? { attachments } : {}) });
  const neg = (kind, text, attachments) => N.push({ label: 'clean', kind, text, ...(attachments ? { attachments } : {}) });
  const { alnum, hex, b64, pick, password } = v;
  const b64of = (t) => Buffer.from(t).toString('base64');
  const WORDS = ['abandon', 'ability', 'orbit', 'maple', 'cobalt', 'river', 'tundra', 'ember', 'quartz', 'falcon', 'lantern', 'meadow'];
  let s;

  s = password();
  pos('credential-setter', s, `HikariDataSource ds = new HikariDataSource();\nds.setUsername("app");\nds.setPassword("${s}");\nthe pool times out`);
  s = password();
  pos('dsl-credential', s, 'the release build cannot find the key', [
    {
      path: 'app/build.gradle',
      content: `android {\n  signingConfigs {\n    release {\n      storeFile file("release.jks")\n      keyPassword '${s}'\n    }\n  }\n}\n`,
    },
  ]);
  s = password();
  pos('sql-password', s, `ALTER ROLE reporting WITH LOGIN PASSWORD '${s}';\nwhy can it still not connect?`);
  s = password();
  pos('libpq-password', s, `conn = psycopg2.connect("host=db.example.net port=5432 dbname=app user=app password=${s} sslmode=require")`);
  s = hex(32);
  pos('session-cookie', s, `GET /admin HTTP/1.1\nHost: intranet.example.net\nCookie: _ga=GA1.2.3; JSESSIONID=${s}\n\nwhy does this redirect to login?`);
  s = `MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ${b64(400)}`;
  pos('der-private-key-base64', s, `JWT_PRIVATE_KEY=${s}\nthe library wants PEM, can I wrap this?`);
  s = `MIIKPAIBAzCCCfYGCSqGSIb3DQEHAaCCCecEggnjMIIJ3zCC${b64(300)}`;
  pos('pkcs12-base64', s, 'the signing step cannot import the certificate', [{ path: '.github/workflows/sign.yml', content: `env:\n  CERT_PFX_B64: ${s}\n` }]);
  s = `0x${hex(64)}`;
  pos('wallet-private-key', s, `const wallet = new ethers.Wallet("${s}", provider);\nthe transaction is underpriced`);
  s = Array.from({ length: 12 }, () => WORDS[pick('0123456789ab', 1).charCodeAt(0) % WORDS.length]).join(' ');
  pos('seed-phrase', s, `hardhat.config.js: accounts: { mnemonic: "${s}" }\nwhich account index is used?`);
  s = b64of(`ci:${password()}`);
  pos('basic-auth-anywhere', s, `registries:\n  - url: https://registry.example.net\n    auth: Basic ${s}\n`);
  s = password();
  pos('stdin-password', s, `echo '${s}' | sudo -S systemctl restart app\nis this safe in a cron job?`);
  s = alnum(32);
  pos('stdin-password', s, `echo "${s}" | docker login registry.example.net -u bot --password-stdin`);
  s = password();
  pos('expect-password', s, `spawn ssh admin@switch01\nexpect "Password:"\nsend "${s}\\r"\ninteract`);
  s = password();
  pos('powershell-secure-string', s, `$pw = ConvertTo-SecureString "${s}" -AsPlainText -Force\nNew-LocalUser -Name svc -Password $pw`);
  s = alnum(16);
  pos('snmp-community', s, `snmpwalk -v2c -c ${s} 10.20.0.1 ifDescr\ntimes out from the new VLAN`);
  s = password();
  pos('wifi-password', s, `nmcli dev wifi connect Werkstatt password ${s}\nError: secrets were required`);
  s = password();
  pos('openvpn-auth-user-pass', s, 'the tunnel asks for a password anyway', [
    { path: 'office.ovpn', content: `client\nremote vpn.example.net 1194\n<auth-user-pass>\nalice\n${s}\n</auth-user-pass>\n` },
  ]);
  s = password();
  pos('tool-password-flag', s, `mongosh "mongodb://db.example.net:27017/admin" -u root -p ${s}`);
  s = password();
  pos('tool-password-flag', s, `ldapsearch -x -H ldaps://ldap.example.net -D "cn=admin,dc=example,dc=net" -w ${s} "(uid=bob)"`);
  s = password();
  pos('tool-password-flag', s, `smbclient //nas/backup -U backup%${s} -c 'ls'`);
  s = alnum(40);
  pos('bearer-flag', s, `curl --oauth2-bearer ${s} https://api.example.net/v1/me`);
  s = `xprv9s21ZrQH143K${pick('123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', 95)}`;
  pos('bip32-xprv', s, `electrum restore ${s}\nis this the right key to restore a wallet?`);
  s = `oy2${pick('abcdefghijklmnopqrstuvwxyz0123456789', 43)}`;
  pos('nuget-key', s, `dotnet nuget push ./out/*.nupkg --source https://api.nuget.org/v3/index.json --api-key ${s}`);
  s = password();
  pos('underscore-pass', s, `[db]\n10.0.0.7 ansible_user=deploy ansible_ssh_pass=${s}`);
  s = alnum(39);
  pos('header-tuple', s, `metadata = (("x-goog-api-key", "${s}"),)\nstub.Translate(req, metadata=metadata)`);

  neg(
    'sql-stored-hashes',
    `ALTER USER app PASSWORD 'md5${hex(32)}';\nCREATE USER 'ro'@'%' IDENTIFIED WITH mysql_native_password BY PASSWORD '*${hex(40).toUpperCase()}';\nwhich format does pg_dumpall write?`,
  );
  neg('stdin-reference', `echo "$REGISTRY_TOKEN" | docker login registry.example.net -u bot --password-stdin\necho $SUDO_PW | sudo -S true`);
  neg('der-public-key-base64', `PUBLIC_KEY=MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${b64(86)}\nhow do I verify with this?`);
  neg('cookie-no-session', `Cookie: _ga=GA1.2.${pick('0123456789', 10)}; theme=dark; lang=de\nwhy is the language ignored?`);
  neg('snmp-public-community', 'snmpwalk -v2c -c public 10.20.0.1 sysDescr returns nothing');
  neg('setter-reference', `ds.setPassword(System.getenv("DB_PASSWORD"));\n$pw = ConvertTo-SecureString $env:SVC_PW -AsPlainText -Force`);
  return { positives: P, negatives: N };
}

// Session 13, third pass: `*_KEY` / `*_PAT` environment names and a few more issuer prefixes (xAI, Bitbucket).
export function gap4cSamples(v) {
  const P = [];
  const N = [];
  const pos = (kind, secret, text) => P.push({ label: 'secret', kind, secret, text });
  const neg = (kind, text) => N.push({ label: 'clean', kind, text });
  const { alnum, hex, b64 } = v;
  let s;
  s = hex(32);
  pos('env-key-name', s, `AZURE_OPENAI_KEY=${s} python eval.py\nreturns 401 on the second deployment`);
  s = alnum(52).toLowerCase();
  pos('env-pat-name', s, `export ADO_PAT=${s}\naz devops login --organization https://dev.azure.com/example`);
  s = `xai-${alnum(80)}`;
  pos('xai-key', s, `client = OpenAI(base_url="https://api.x.ai/v1", api_key=os.environ.get("XAI_KEY"))  # ${s}`);
  s = `ATBB${alnum(32)}`;
  pos('bitbucket-app-password', s, `git clone https://build-bot:${s}@bitbucket.org/example/app.git`);
  neg('env-public-key-names', `PUBLIC_KEY=${b64(60)}\nRECAPTCHA_SITE_KEY=6Le${alnum(37)}\nSTRIPE_PUBLISHABLE_KEY=pk_live_${alnum(24)}\nCACHE_KEY=${hex(32)}`);
  return { positives: P, negatives: N };
}
