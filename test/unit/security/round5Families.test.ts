import * as assert from 'node:assert/strict';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { itFindsAndRedacts, type FamilyCase } from './genericFamilyCases';

// Session 19, round 3 (issue #13): the fourteenth held-out split's misses, as families. Every value here is synthetic
// and written for these tests (none is a `train-14` record's); each family has a look-alike beside it.
const guard = new PrivacyGuard();

describe('round-5 families: stream keys, socket URLs, @-literals, SIM keys, PINs, COBOL items, numbered settings (session 19)', () => {
  const found: FamilyCase[] = [
    ['an RTMP ingest URL’s stream key', `ffmpeg -i cam.ts -c copy -f flv rtmps://live.lab.example:443/app/sk_Zt8qLm2Vx7Rk4pW9`, 'sk_Zt8qLm2Vx7Rk4pW9', 'url'],
    ['a platform’s dashed stream key', `-f flv rtmp://ingest.lab.example/live2/qk4m-x8tz-7ra2-w9pe-3nfd`, 'qk4m-x8tz-7ra2-w9pe-3nfd', 'url'],
    ['an OBS WebSocket URL’s password', `obs-cmd --websocket obsws://10.0.7.3:4455/Hv7qLm2Zt9Rx4Kp scene switch Main`, 'Hv7qLm2Zt9Rx4Kp', 'url'],
    [
      'an Objective-C @-literal after a password selector',
      `[NSURLCredential credentialWithUser:@"kiosk" password:@"Tq7#vLm2Zx9p" persistence:NSURLCredentialPersistenceNone]`,
      'Tq7#vLm2Zx9p',
      'name',
    ],
    [
      'a SIM’s K and OPc after its IMSI',
      `./misc/db/open5gs-dbctl add 999700000000123 3C9E1F2A4B6D8E0F1A3C5E7B9D2F4A6C 7E5D3C1B9A8F6E4D2C0B1A3F5E7D9C2B`,
      '7E5D3C1B9A8F6E4D2C0B1A3F5E7D9C2B',
      'command',
    ],
    ['an HSM user PIN', `pkcs11.slot=2\ncrypto.user.pin=48172093\n`, '48172093', 'name'],
    ['a COBOL credential item’s VALUE', `       01  WS-DB-PASSWD    PIC X(10) VALUE 'QZ7T4K9MXR'.`, 'QZ7T4K9MXR', 'name'],
    [
      'a Grandstream setting that holds the SIP password',
      `<gs_provision version="1"><config version="1">\n  <P34>Wq8zLm3Tv6Rk</P34>\n</config></gs_provision>`,
      'Wq8zLm3Tv6Rk',
      'name',
    ],
  ];
  itFindsAndRedacts(found, guard);

  it('leaves stream names, PIN-less settings, non-credential COBOL items, IMSIs alone and other numbered settings', () => {
    for (const t of [
      'ffmpeg -i in.mp4 -f flv rtmp://localhost/live/camera-front-door',
      'obs-websocket listens on obsws://localhost:4455 by default',
      'hsm.slot.label=payments\nhsm.pin.retries=3\n',
      `       01  WS-CUSTOMER-NAME  PIC X(30) VALUE 'ACME TRADING'.`,
      'subscriber 001010123456789 attached, imsi ok',
      `<gs_provision version="1"><config version="1"><P47>sip.lab.example</P47><P35>4420871</P35></config></gs_provision>`,
    ]) {
      assert.equal(guard.scan({ prompt: t }).localOnly, false, t);
    }
  });
});
