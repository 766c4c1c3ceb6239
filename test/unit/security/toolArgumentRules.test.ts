import * as assert from 'node:assert/strict';
import { commandArguments } from '../../../src/core/security/commandArguments';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { itFindsAndRedacts, type FamilyCase } from './genericFamilyCases';

// Session 18 (issue #13): secrets as tool arguments that the ninth and tenth held-out splits showed the generic
// detector missing, as families: Windows-style password switches, a password glued to its flag after a user flag,
// logon statements, `user,password` and quoted users in credential flags, exec-form flag arrays, echo into a
// passphrase reader. Values are synthetic; tools and surroundings differ from the corpus records.
const guard = new PrivacyGuard();
const PW = 'Rk7#vQm2Lz9tWp';
const PW2 = 'Ht4nZq8LmV2x';

describe('tool arguments that carry a secret (generic detector, session 18)', () => {
  const cases: FamilyCase[] = [
    ['/p then the password', `psexec \\\\build07 -s /accepteula /p ${PW} cmd.exe`, PW, 'command'],
    ['/p: with a quoted password', `wfreerdp-like /v:desk12.lab.example /u:LAB\\\\ops /p:"${PW}" /f`, PW, 'command'],
    ['/password: then the password', `MyInstaller.exe /quiet /user:svc_setup /password:${PW2}`, PW2, 'name'],
    ['-p glued on after -u', `mysql -h db.lab.example -uapp_rw -p${PW2} billing < dump.sql`, PW2, 'command'],
    ['-p glued on after --user=', `mariadb --host=db.lab.example --user=report -p${PW} sales`, PW, 'command'],
    ['printf with a format argument into a passphrase reader', `printf '%s\\n' '${PW2}' | age-like --passphrase-stdin -d vault.age`, PW2, 'command'],
    ['-P glued on after -U', `bcp dbo.Orders out orders.dat -S SQL07 -U loader -P${PW} -c`, PW, 'command'],
    ['logon host/user,password', `.logon edw.lab.example/RPT_USER,${PW2};\nSELECT 1;`, PW2, 'command'],
    ['-u user,password', `lftp -u publisher,${PW2} ftp.lab.example -e "mirror -R site /www; quit"`, PW2, 'flag'],
    ['--xyz-creds with a quoted user', `crane-like copy --to-creds "bot+sync":${PW2}x9 a b`, `${PW2}x9`, 'flag'],
    ['exec-form -a', `healthcheck:\n  test: ["CMD", "valkey-cli", "-a", "Zp4q9Lm2Vt8K3wR7nB5c", "ping"]`, 'Zp4q9Lm2Vt8K3wR7nB5c', 'flag'],
    ['echo into --passphrase-fd', `echo -n "${PW}" | gpg --batch --passphrase-fd 0 --symmetric notes.txt`, PW, 'command'],
  ];
  itFindsAndRedacts(cases, guard);

  it('leaves the near misses alone', () => {
    const clean = [
      // Slash switches that take no password, or a path / reference / placeholder after /p.
      'robocopy C:\\src D:\\dst /mir /p /r:2',
      'signtool-like sign /p "%PFX_PASSWORD%" /f cert.pfx app.exe',
      'tool.exe /p:$env:PFX_PASS /f:cert.pfx',
      'xcopy-like /p /s /e C:\\a D:\\b',
      // -P glued to a profile or a port, and no user flag on the line.
      'mvn -U -Pproduction-eu clean deploy',
      'docker run -u 1000 -p8080:80 nginx',
      'mysqldump -p${DB_PASS} -u app billing',
      'ssh -p2222 build@ci.lab.example',
      // A logon statement whose password part is a word, and prose with "login" and commas.
      '.logon edw.lab.example/RPT_USER,password;',
      'Please login first, then retry the export.',
      // References and short values after -u user, / --creds user:.
      'lftp -u "$FTP_USER,$FTP_PASS" ftp.lab.example',
      'skopeo-like copy --src-creds ci:$REG_PASS --dest-creds "$DEST_USER:$DEST_PASS" a b',
      'docker run -u 1000,1000 img',
      // -a with a word, a flag or a path after it; echo into a command that reads no secret.
      '["CMD", "ls", "-a", "/var/lib/app"]',
      'git commit -a -m "fix login form"',
      "echo 'Zp4q9Lm2Vt8K3wR7nB5c' | sha256sum",
    ];
    for (const text of clean) {
      assert.deepEqual(commandArguments(text), [], text);
      assert.deepEqual(guard.scan({ prompt: text }).reasons, [], text);
    }
  });
});
