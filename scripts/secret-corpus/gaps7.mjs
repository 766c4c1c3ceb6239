// Training records added in session 14, round 2 (issue #13): the seventh held-out split's misses and false
// positives (train-7.jsonl, seen since) as general families, each in shapes that split does not have, with the
// near misses that must stay clean beside them. Appended to train-gaps.jsonl after the earlier records
// (build.mjs), from a seed of its own, so those keep their ids and values.
export function gap7Samples(v) {
  const P = [];
  const N = [];
  const pos = (kind, secret, text, attachments) => P.push({ label: 'secret', kind, secret, text, ...(attachments ? { attachments } : {}) });
  const neg = (kind, text, attachments) => N.push({ label: 'clean', kind, text, ...(attachments ? { attachments } : {}) });
  const { alnum, hex, pick, uuid, password } = v;
  const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s;

  // --- credentials as positional call arguments, methods named for a credential ---
  s = password();
  pos('user-password-call', s, 'the SFTP upload is refused', [
    {
      path: 'src/Upload.java',
      content: `JSch jsch = new JSch();\nSession session = jsch.getSession("deploy", "sftp.example.net", 22);\nsession.setUserInfo(new StaticUserInfo("deploy", "${s}"));\n`,
    },
  ]);
  s = password();
  pos('user-password-call', s, `conn = pymssql.connect("db.internal", "report_reader", "${s}", "sales") hangs`);
  s = password();
  pos('user-password-call', s, 'mail is not sent', [
    { path: 'mail.go', content: `auth := smtp.PlainAuth("", "alerts@example.org", "${s}", "smtp.example.org")\n` },
  ]);
  s = alnum(40);
  pos('credential-method', s, `client = vendor.Client(auth=Auth.bearer_token("${s}"))`);
  s = `sk_${alnum(26).toLowerCase()}`;
  pos('credential-method', s, 'builder config', [{ path: 'Pay.cs', content: `var api = PaySdk.Builder()\n    .ApiSecret("${s}")\n    .Build();\n` }]);
  s = `${uuid()}:fx`;
  pos('prefixed-token', s, `DEEPL_KEY is ${s} and the free endpoint still says 403`);
  // --- names the rules did not read ---
  s = alnum(32);
  pos('keyword-secret', s, 'the Swift build embeds it', [
    { path: 'Sources/App/Keys.swift', content: `enum Keys {\n    static let serviceToken: String = "${s}"\n}\n` },
  ]);
  s = alnum(32);
  pos('keyword-secret', s, 'firmware config', [
    { path: 'src/config.h', content: `#pragma once\n#define CLOUD_API_TOKEN "${s}"\n#define CLOUD_HOST "iot.example.net"\n` },
  ]);
  s = alnum(28);
  pos('keyword-secret', s, `helm upgrade collector ./chart --set exporter.apiKey=${s} --set exporter.region=eu`);
  s = alnum(16);
  pos('keyword-secret', s, 'the gateway request', [{ path: 'req.xml', content: `<auth>\n  <login>shop_42</login>\n  <tranKey>${s}</tranKey>\n</auth>\n` }]);
  s = Buffer.from(password()).toString('base64');
  pos('keyword-secret', s, 'exported sites', [
    { path: 'sites.xml', content: `<Site>\n  <User>ftpuser</User>\n  <Password encoding="base64">${s}</Password>\n</Site>\n` },
  ]);
  s = password();
  pos('keyword-secret', s, 'the recorded login', [
    { path: 'login.har', content: `"postData": {\n  "mimeType": "application/json",\n  "text": "{\\"username\\":\\"qa\\",\\"passwd\\":\\"${s}\\"}"\n}\n` },
  ]);
  // --- command lines ---
  s = password();
  pos('command-line-password', s, `runas /savecred fails; I stored it with cmdkey /add:fileserver01 /user:CORP\\backup /password:${s}`);
  s = password();
  pos('command-line-password', s, `net use \\\\nas01\\backup ${s} /user:NAS\\svc_backup`);
  s = password();
  pos('command-line-password', s, `consul-tool --endpoint https://10.0.0.5 --user admin:${s} status`);
  s = `${alnum(6)}=${alnum(8)}`;
  pos('command-line-password', s, `ipmitool -I lanplus -H 10.0.0.9 -U root -P ${s} sdr list`);
  s = password();
  pos('command-line-password', s, `snmpget -v3 -l authPriv -u ops -a SHA -A authpass123 -x AES -X '${s}' 10.2.2.2 sysName.0`);
  s = password();
  pos('command-line-password', s, `CREATE LOGIN [app_rw] WITH PASSWORD = N'${s}'; GO`);
  s = password();
  pos('command-line-password', s, `hdbuserstore SET ADMINKEY hana02:30015 SYSTEM ${s}`);
  // --- key blocks and seeds ---
  s = `SU${pick(B32, 56)}`;
  pos('private-key', s, 'the service cannot connect', [
    { path: 'svc.creds', content: `-----BEGIN USER NKEY SEED-----\n${s}\n------END USER NKEY SEED------\n` },
  ]);
  s = pick(B32, 32);
  pos('command-line-password', s, `oathtool --totp -b ${s} prints a code the server rejects`);

  // --- near misses that stay clean ---
  neg(
    'rfc-example-values',
    'RFC 6749 section 4.1.3: Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW and "access_token":"2YotnFZFEjr1zCsicMWpAA", "refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA"',
  );
  neg('docs-totp-example', 'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example is the format');
  neg('assembly-public-key-token', `<assemblyIdentity name="Example.Lib" publicKeyToken="${hex(16)}" culture="neutral" />`);
  neg('signature-headers', `X-Shopify-Hmac-Sha256: ${alnum(43)}=\nX-Vendor-Signature: v1=${hex(64)}`);
  neg('filler-webhook-url', 'webhook_url = "https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"');
  neg('user-call-no-secret', `logger.info("user", "logged in"); assertEquals("expected", "actual"); t("greeting", "Hello there")`);
  neg('helm-set-non-secret', `helm install app ./chart --set image.tag=${hex(12)} --set ingress.host=app.example.com`);
  neg('windows-flags-reference', 'cmdkey /add:server01 /user:CORP\\me /pass\nnet use Z: \\\\fs01\\share /user:CORP\\me *');
  neg('define-non-secret', '#define FIRMWARE_VERSION "2.4.1-rc3"\n#define DEVICE_NAME "greenhouse-01"');
  return { positives: P, negatives: N };
}
