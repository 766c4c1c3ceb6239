import * as assert from 'node:assert/strict';
import { comparedLiterals } from '../../../src/core/security/comparedLiterals';
import { contentShowsNoSecret } from '../../../src/core/security/credentialsFiles';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { itFindsAndRedacts, type FamilyCase } from './genericFamilyCases';

// Session 19, round 2 (issue #13): the thirteenth held-out split's misses and false positive, as families. Every
// value here is synthetic and written for these tests (none is a `train-13` record's); each has a look-alike.
const guard = new PrivacyGuard();
const sliced = (text: string, spans: Array<{ start: number; end: number }>) => spans.map((s) => text.slice(s.start, s.end));

describe('round-4 families: compared literals, transcripts, directives, SNMP users, two-line files, pppd secrets (session 19)', () => {
  const found: FamilyCase[] = [
    [
      'a password checked by comparison (Kotlin)',
      `if (c.name == "probe" && c.password == "Wq8#zLm3Tv6!Rk") UserIdPrincipal(c.name) else null`,
      'Wq8#zLm3Tv6!Rk',
      'call',
    ],
    ['a token checked by comparison, literal first (Java)', `if (!"Hv7qLm2Zt9Rx4Kp".equals(webhookToken)) return 401;`, 'Hv7qLm2Zt9Rx4Kp', 'call'],
    ['a transcript’s login line', `telnet voice.lab.example 10011\nlogin queryadmin Pz4#vLq9Tm2x\nuse sid=1`, 'Pz4#vLq9Tm2x', 'command'],
    [
      'a connection directive’s target, user and password',
      `<IfModule mod_sql.c>\n  SQLConnectInfo ftp@db.lab.example:3306 ftpd Rk7qZm2Lp9Vx\n</IfModule>`,
      'Rk7qZm2Lp9Vx',
      'command',
    ],
    ['net-snmp createUser’s auth passphrase', `createUser poller SHA-512 "Zt8qLm2Vx7Rk4pW9" AES "Nb3cYq8vLm2Tz7Rk"`, 'Zt8qLm2Vx7Rk4pW9', 'command'],
    ['net-snmp createUser’s privacy passphrase', `createUser poller SHA-512 "Zt8qLm2Vx7Rk4pW9" AES "Nb3cYq8vLm2Tz7Rk"`, 'Nb3cYq8vLm2Tz7Rk', 'command'],
    ['a user and password printed into a login’s file', `printf 'ci-runner\\nTm4#qLz8Vr2k\\n' > creds/vpn-login.txt`, 'Tm4#qLz8Vr2k', 'command'],
  ];
  itFindsAndRedacts(found, guard);

  it('keeps pppd’s secrets file local and redacts its secret field, quoted or not', async () => {
    const content = `# client\tserver\tsecret\tIP\n"lte-user"\t*\t"Qv8#mLt2Zr5k"\t*\nbackup-link * Wx3!pLm9Tq7v *\n`;
    const v = await guard.scanDeep({ prompt: 'CHAP fails', attachments: [{ path: '/etc/ppp/chap-secrets', content }] });
    assert.ok(v.localOnly);
    const red = (await guard.redactDeep(content, '/etc/ppp/chap-secrets')).text;
    assert.ok(!red.includes('Qv8#mLt2Zr5k') && !red.includes('Wx3!pLm9Tq7v'), red);
  });

  it('reads an encrypted .env.vault as ciphertext, and any other variable in it as a reason to stay local', () => {
    const vault = `# development\nDOTENV_VAULT_DEVELOPMENT="${'Qm9vdHN0cmFwQ2lwaGVy'.repeat(6)}"\nDOTENV_VAULT_CI="${'U2VhbGVkQmxvYg'.repeat(8)}"\n`;
    assert.equal(contentShowsNoSecret('.env.vault', vault), true);
    assert.equal(contentShowsNoSecret('.env.vault', `${vault}STRIPE_SECRET=sk_live_placeholder\n`), false);
  });

  it('leaves comparisons with empty strings, words, variables and weak names', () => {
    for (const t of [
      'if (password == "") return',
      'if (user.password === confirmPassword) ok()',
      'if token == "undefined": raise',
      'if (mode == "Xk9Lq2vT7mZp4Rw8") run()',
    ]) {
      assert.deepEqual(sliced(t, comparedLiterals(t)), [], t);
    }
  });

  it('leaves login lines of one word, connect lines without a password, and echoes into unrelated files', () => {
    for (const t of ['login anonymous', 'ssh-agent login admin', 'SQLConnectInfo ftp@db.lab.example:3306', `printf 'alpha\\nbravo42x\\n' > list.txt`]) {
      assert.equal(guard.scan({ prompt: t }).localOnly, false, t);
    }
  });
});
