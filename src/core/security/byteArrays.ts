import { notASecret } from './notASecret';

const BYTE_ARRAY = /^[^\n;]{0,24}?[{[(][ \t\n]*((?:0x[0-9a-fA-F]{2}[ \t]*,[ \t\n]*){7,127}0x[0-9a-fA-F]{2})/;
// Session 18: the same in decimal (`network_key: [148, 23, …]`, a YAML or JSON list of 16 to 64 bytes).
const DECIMAL_BYTE_ARRAY = /^[ \t]{0,4}[[{(][ \t\n]*((?:\d{1,3}[ \t]*,[ \t\n]*){15,63}\d{1,3})[ \t\n]*[\]})]/;

/**
 * A byte-array literal (`{ 0xEA, 0x0F, … }`, `[]byte{0x…}`, `bytes([0x…])`) at `at`: a key written out for C
 * and firmware. Random when its bytes do not count up, repeat one value or are mostly the same.
 */
export function byteArrayAt(text: string, at: number): { start: number; end: number; random: boolean } | undefined {
  const m = BYTE_ARRAY.exec(text.slice(at, at + 1200)) ?? DECIMAL_BYTE_ARRAY.exec(text.slice(at, at + 600));
  if (!m) return undefined;
  const start = at + m[0].indexOf(m[1]);
  const decimal = !m[1].includes('0x');
  if (decimal && (m[1].match(/\d+/g) ?? []).some((d) => Number(d) > 255)) return undefined;
  const bytes = decimal ? (m[1].match(/\d+/g) ?? []).map((d) => `0x${Number(d).toString(16).padStart(2, '0')}`) : (m[1].match(/0x[0-9a-fA-F]{2}/g) ?? []);
  const hex = bytes.map((b) => b.slice(2)).join('');
  const random = new Set(bytes.map((b) => b.toLowerCase())).size >= Math.max(6, bytes.length / 2) && notASecret(hex) === undefined;
  return { start, end: start + m[1].length, random };
}
