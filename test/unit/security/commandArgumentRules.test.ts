import * as assert from 'node:assert/strict';
import { commandArguments } from '../../../src/core/security/commandArguments';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';

// Session 16 (issue #13): secret arguments of commands whose own words say what the argument is (the eighth
// held-out split's command-line misses, as a family of the generic detector). Values are synthetic; the
// shapes are not the corpus records'.
const guard = new PrivacyGuard();
const scan = (text: string) => guard.scan({ prompt: text });
const found = (text: string) => commandArguments(text).map((s) => text.slice(s.start, s.end));
const PW = 'Hq4#tWz9Lp2vR';
const PW2 = 'mN7pQ2xK9sT4';

describe('secret arguments of commands (generic detector)', () => {
  const cases: Array<[family: string, text: string, secret: string]> = [
    ['user-secrets set K V', `dotnet user-secrets set "Db:Password" "${PW}" --project api`, PW],
    ['user-secrets set, bare', `dotnet user-secrets set Stripe:ApiKey ${PW2}`, PW2],
    ['secrets put with a value flag', `databricks secrets put-secret etl-scope mysql_pw --string-value '${PW}'`, PW],
    ['gh secret set --body', `gh secret set DEPLOY_KEY --repo acme/web --body "${PW}"`, PW],
    ['wallet credential', `mkstore -wrl /opt/wallet -createCredential SALES_DB sales_app ${PW2}`, PW2],
    ['password command flag', `smbpasswd -r fs01 -U backup -s '${PW}'`, PW],
    ['ldappasswd -s in prose', `I ran ldappasswd -x -D cn=root,dc=lab,dc=org -W -s ${PW2} uid=jo,ou=people,dc=lab,dc=org yesterday.`, PW2],
    ['Windows /user:name password', `net use \\\\srv02\\scans /user:LAB\\scanner ${PW2} /persistent:yes`, PW2],
    ['/u: with a quoted password', `psftp-like /u:ops "${PW}"`, PW],
    ['USER … USING', `db2 attach to inst01 user admin2 using ${PW2}`, PW2],
    ['USER … USING, quoted', `CONNECT TO sales USER 'rpt' USING '${PW}';`, PW],
    ['echo into --password-stdin', `echo "${PW}" | docker login registry.lab.io -u ci --password-stdin`, PW],
    ['printf into --passwd-on-stdin', `printf '${PW2}' | openconnect --user=me --passwd-on-stdin vpn.lab.io`, PW2],
    ['FTP script login', `ftp -n -s:upload.txt\n\nupload.txt:\nopen files.lab-partner.com 21\nuser ftpsend ${PW2}\nbinary\nput out.dat`, PW2],
    ['FTP input stream, mainframe password', `//SYSIN DD * (ftp step)\n10.20.30.40\nBATCHU1 K7XQ2M9P\nPUT 'A.B'`, 'K7XQ2M9P'],
  ];
  for (const [family, text, secret] of cases) {
    it(`finds and redacts: ${family}`, () => {
      assert.ok(found(text).includes(secret), `${family}: ${JSON.stringify(found(text))}`);
      assert.ok(scan(text).localOnly, family);
      assert.ok(!guard.redact(text).includes(secret), guard.redact(text));
    });
  }

  it('leaves the near misses alone', () => {
    const clean = [
      // References, placeholders, files, URLs and numbers as a secret's value.
      'gh secret set DEPLOY_KEY --body "$DEPLOY_KEY"',
      'gh secret set NPM_TOKEN < token.txt',
      'dotnet user-secrets set "Smtp:Password" "<your-password>"',
      'dotnet user-secrets set "Jwt:Issuer" "https://login.lab.io/tenant"',
      'dotnet user-secrets set "Limits:MaxItems" "250"',
      'dotnet user-secrets set "Features:Beta" "true" --project src/Web.Api',
      'kubectl create secret generic app-creds --from-file=./creds.json',
      'aws secretsmanager create-secret --name prod/db --secret-string file://secret.json',
      'wrangler secret put API_KEY',
      'docker secret create tls_cert_v2 ./cert.pem',
      'mkstore -wrl /opt/wallet -listCredential',
      // DNs, users and hosts around a password command; the prompt flag alone.
      'ldappasswd -H ldap://ldap.lab.org -x -D cn=root,dc=lab,dc=org -W -S uid=jo,ou=people,dc=lab,dc=org',
      'smbpasswd -a jdoe',
      // Windows commands whose next argument is a program or a prompt.
      'runas /user:LAB\\admin notepad.exe',
      'net use Z: \\\\fs01\\share /user:LAB\\me *',
      'net use Z: \\\\fs01\\share /user:LAB\\me /persistent:no',
      // SQL joins and connects without a literal.
      'SELECT * FROM orders JOIN user u USING (user_id)',
      'db2 connect to PAYROLL user db2inst1 using $DB2_PASSWORD',
      // Pipes that are not a login.
      'echo "deb http://repo.lab.io stable main" | sudo tee /etc/apt/sources.list.d/lab.list',
      'echo c3VwZXJzZWNyZXQK | base64 -d',
      'echo "$REGISTRY_PASSWORD" | docker login -u ci --password-stdin',
      // An FTP transcript: the server's reply after the host, not a login.
      'ftp files.lab.io\nConnected to files.lab.io.\n220 Welcome to FTP\nName: anonymous',
      // A host line then two words, without FTP around.
      'files.lab.io\nalpha Beta2024x',
    ];
    for (const text of clean) assert.deepEqual(scan(text).reasons, [], text);
  });
});
