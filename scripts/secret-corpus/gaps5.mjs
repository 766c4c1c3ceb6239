// Training records added in session 13, round 2 (issue #13): the fifth held-out split's misses and false
// positives (train-5.jsonl, seen since) as general families, each in shapes that split does not have, with
// the near misses that must stay clean beside them. Appended to train-gaps.jsonl after the earlier records
// (build.mjs), from a seed of its own, so those keep their ids and values.
export function gap5Samples(v) {
  const P = [];
  const N = [];
  const pos = (kind, secret, text, attachments) => P.push({ label: 'secret', kind, secret, text, ...(attachments ? { attachments } : {}) });
  const neg = (kind, text, attachments) => N.push({ label: 'clean', kind, text, ...(attachments ? { attachments } : {}) });
  const { alnum, hex, b64, pick, uuid, password } = v;
  const lower = (n) => pick('abcdefghijklmnopqrstuvwxyz0123456789', n);
  let s;

  // --- headers named for a credential, vendor Authorization schemes, tokens with a dot ---
  s = alnum(40);
  pos('named-credential-header', s, `curl https://api.example-ci.dev/v2/me -H "Buildkite-Token: ${s}"\nreturns 403`);
  s = hex(48);
  pos('named-credential-header', s, 'the replay hits the live API', [
    { path: 'tests/cassettes/test_upload.yaml', content: `interactions:\n- request:\n    headers:\n      vendor-api-key:\n      - ${s}\n    method: POST\n` },
  ]);
  s = hex(32);
  pos('vendor-auth-scheme', s, `GET /v2/local/search HTTP/1.1\nHost: api.example.kr\nAuthorization: AcmeAK ${s}\n\nalways 401`);
  s = `tok.${hex(60)}`;
  pos('dotted-token', s, `curl -H "Authorization: Bearer ${s}" https://api.example-mail.com/v1/email`);
  s = `${lower(6)}.${lower(16)}`;
  pos('dotted-token', s, `kubeadm join 10.0.0.5:6443 --token ${s} --discovery-token-ca-cert-hash sha256:${hex(64)}`);
  // --- form fields, key-as-user, auth flags, quoted -p/-P, htpasswd with flags apart, app passwords ---
  s = alnum(30).toLowerCase();
  pos('form-field-credential', s, `curl -X POST https://api.example-push.net/1/send -d "api_key=${s}" -d "message=done"`);
  s = hex(32);
  pos('form-field-credential', s, `http --form POST https://api.example.com/deploy --form-string secret_token=${s}`);
  s = alnum(24);
  pos('key-as-basic-user', s, `curl -s -u ${s}: https://api.example-billing.com/v1/invoices`);
  s = hex(34);
  pos('auth-flag-user-token', s, `./cli.sh --auth release-bot:${s} list-jobs`);
  s = password();
  pos('quoted-password-flag', s, `mosquitto_sub -h broker.example.net -u reader -P "${s}" -t 'plant/#'`);
  s = alnum(48);
  pos('quoted-password-flag', s, `buildah login -u 'robot$ci' -p "${s}" registry.example.net`);
  s = password();
  pos('command-argument-password', s, `sudo htpasswd -B -b -C 12 /etc/apache2/.htpasswd ops '${s}'`);
  s = `${lower(4).replace(/\d/g, 'q')}-${'vbnm'}-${'tyui'}-${'ghjk'}`;
  pos('app-specific-password', s, `xcrun notarytool store-credentials ci --apple-id ci@example.app --team-id ABCD123456 --password ${s}`);
  // --- SDK calls with literal credentials ---
  s = alnum(32);
  pos('sdk-credential', s, `client = acme.Credentials("AKID${alnum(32)}", "${s}")\nresp = client.describe()`);
  s = `APP_USR-${pick('0123456789', 16)}-${pick('0123456789', 6)}-${hex(32)}-${pick('0123456789', 9)}`;
  pos('sdk-credential', s, `const client = new PaymentSDK("${s}");`);
  s = alnum(40);
  pos('sdk-credential', s, `api.setAccessToken("${s}");`);
  // --- structures ---
  s = `${b64(86)}==`;
  pos('config-key', s, 'the function cannot connect', [
    { path: 'local.settings.json', content: `{\n  "Storage": {\n    "AccountName": "stgdata",\n    "AccountKey": "${s}"\n  }\n}\n` },
  ]);
  s = alnum(20);
  pos('key-value-credential', s, 'the environment import loses the token', [
    { path: 'env/prod.postman_environment.json', content: `{\n  "values": [\n    { "key": "api_token", "value": "${s}", "enabled": true }\n  ]\n}\n` },
  ]);
  s = `<RSAKeyValue><Modulus>${b64(172)}</Modulus><Exponent>AQAB</Exponent><P>${b64(86)}==</P><Q>${b64(86)}==</Q><D>${b64(172)}</D></RSAKeyValue>`;
  pos('rsa-key-xml', s, `var rsa = RSA.Create();\nrsa.FromXmlString("${s}");\nthe signature does not verify`);
  s = password();
  pos('unattend-password', s, 'autologon does not happen', [
    {
      path: 'unattend.xml',
      content: `<AutoLogon>\n  <Password>\n    <Value>${s}</Value>\n    <PlainText>true</PlainText>\n  </Password>\n  <Enabled>true</Enabled>\n</AutoLogon>\n`,
    },
  ]);
  const pfxHeader = Buffer.from('30820a0b02010330820 9c406092a864886f70d010701a082'.replace(/\s/g, ''), 'hex').toString('base64');
  s = `${pfxHeader}${b64(400)}`;
  pos('pkcs12-base64', s, 'the pipeline cannot import the certificate', [
    { path: 'deploy/vars.yml', content: `tls:\n  pfx: "${s}"\n  pfx_password_ref: vault:tls/pfx\n` },
  ]);
  s = password();
  pos('ldap-bind-secret', s, 'lookups fail', [
    { path: '/etc/nslcd.conf', content: `uri ldaps://ldap.example.net\nbinddn cn=svc,dc=example,dc=net\nbindpw ${s}\n` },
  ]);
  s = lower(32);
  pos('session-cookie', s, `Cookie: theme=dark; PHPSESSID=${s}\nwhy am I logged out after the upgrade?`);
  s = password();
  pos('printed-secret', s, `$ oc get secret app-db -o jsonpath='{.data.password}' | base64 --decode\n${s}\n$ oc rollout restart deploy/app`);

  // --- near misses that stay clean ---
  neg('non-credential-headers', `Sec-WebSocket-Key: ${b64(22)}==\nX-Request-Key: ${uuid()}\nIdempotency-Key: ${uuid()}\nwhy is the upgrade refused?`);
  neg('authorization-prose', 'the authorization header is required for every request, the docs say so');
  neg('form-field-reference', `curl -F "token=$PUSH_TOKEN" -F "user=$PUSH_USER" https://api.example-push.net/1/send`);
  neg('sdk-credential-from-env', `cred = credential.Credential(os.environ["TC_ID"], os.environ["TC_KEY"])\nsdk = mercadopago.SDK(os.getenv("MP_TOKEN"))`);
  neg('port-flags', `mysql -h db -P 3306 -u app -p\nmosquitto_pub -p 8883 -t x -m 1`);
  neg('rsa-public-key-xml', `<RSAKeyValue><Modulus>${b64(172)}</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>\nis this the public half?`);
  neg(
    'postman-username-pair',
    `{"auth": {"type": "basic", "basic": [{"key": "username", "value": "erp_integration"}, {"key": "password", "value": "{{erp_password}}"}]}}`,
  );
  neg('named-public-key', `const SLACK_SIGNING_PUBLIC_KEY = '${hex(64)}';\nverify(body, sig, SLACK_SIGNING_PUBLIC_KEY)`);
  neg('browser-sdk-key', `import mixpanel from 'mixpanel-browser';\nmixpanel.init({ token: '${hex(32)}' });`);
  neg('systemd-credential-source', 'the unit cannot read it', [
    { path: 'app.service', content: `[Service]\nLoadCredential=api-token:/etc/app/creds/api-token\nEnvironment=API_TOKEN_FILE=%d/api-token\n` },
  ]);
  neg('kubectl-secret-listing', `$ kubectl get secret app-db -o jsonpath='{.data.password}' | base64 -d\nerror: secrets "app-db" not found`);
  return { positives: P, negatives: N };
}
