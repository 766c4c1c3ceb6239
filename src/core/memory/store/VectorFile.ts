import * as fs from 'node:fs/promises';
import { JarvisError } from '../../../common/errors';
import { atomicWriteFile } from './atomicWriteFile';

export interface VectorFileHeader {
  dimension: number;
  embedderId: string;
}

const MAGIC = 0x4345564a; // "JVEC" little-endian
const VERSION = 1;
/** Fixed so rows start 4-byte aligned and a Float32Array can view the file buffer directly. */
export const HEADER_BYTES = 256;
const MAX_ID_BYTES = HEADER_BYTES - 16;

/**
 * The binary sidecar holding the vectors: a 256-byte header (magic, version, dimension, embedder
 * id) then float32 little-endian rows, append-only. A row's number is its position, which is what
 * the vectra index records per memory. Loading is one read and no parsing, which is why the
 * vectors live here and not in vectra's JSON (see VectorMemoryStore for the measurements).
 */
export class VectorFile {
  private constructor(
    readonly file: string,
    readonly header: VectorFileHeader,
    private rows: number,
  ) {}

  get rowCount(): number {
    return this.rows;
  }

  /** Writes a new file holding `rows` (row-major, `dimension` floats each). */
  static async create(file: string, header: VectorFileHeader, rows?: Float32Array): Promise<VectorFile> {
    const body = rows ?? new Float32Array(0);
    if (body.length % header.dimension !== 0) throw new Error('Vector rows do not match the dimension.');
    const buf = Buffer.alloc(HEADER_BYTES + body.byteLength);
    encodeHeader(header).copy(buf, 0);
    Buffer.from(body.buffer, body.byteOffset, body.byteLength).copy(buf, HEADER_BYTES);
    await atomicWriteFile(file, buf);
    return new VectorFile(file, header, body.length / header.dimension);
  }

  /**
   * Reads the whole file. A torn last row (a crash mid-append) is cut off the file so the next
   * append lands on a row boundary; rows past the end are the caller's to re-create.
   * @throws `storage-failed` when the header is not ours (the caller then rebuilds from the journal).
   */
  static async open(file: string): Promise<{ file: VectorFile; vectors: Float32Array }> {
    const handle = await fs.open(file, 'r');
    let header: VectorFileHeader;
    let vectors: Float32Array;
    let rows: number;
    let size: number;
    try {
      size = (await handle.stat()).size;
      const head = Buffer.alloc(Math.min(HEADER_BYTES, size));
      await handle.read(head, 0, head.length, 0);
      header = decodeHeader(head, file);
      rows = Math.floor((size - HEADER_BYTES) / (header.dimension * 4));
      // Read straight into the matrix's own buffer: no intermediate Buffer, no copy (31 MB at 10k × 768).
      vectors = new Float32Array(rows * header.dimension);
      const bytes = new Uint8Array(vectors.buffer);
      let done = 0;
      while (done < bytes.length) {
        const { bytesRead } = await handle.read(bytes, done, bytes.length - done, HEADER_BYTES + done);
        if (bytesRead === 0) throw new Error('the file shrank while it was read');
        done += bytesRead;
      }
    } finally {
      await handle.close();
    }
    const usable = HEADER_BYTES + rows * header.dimension * 4;
    if (usable !== size) await fs.truncate(file, usable);
    return { file: new VectorFile(file, header, rows), vectors };
  }

  /** Appends rows and fsyncs; returns the number of the first one. */
  async append(rows: Float32Array): Promise<number> {
    if (rows.length % this.header.dimension !== 0) throw new Error('Vector rows do not match the dimension.');
    const first = this.rows;
    if (rows.length === 0) return first;
    const handle = await fs.open(this.file, 'r+');
    try {
      await handle.write(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength), 0, rows.byteLength, HEADER_BYTES + first * this.header.dimension * 4);
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.rows += rows.length / this.header.dimension;
    return first;
  }
}

function encodeHeader(h: VectorFileHeader): Buffer {
  const id = Buffer.from(h.embedderId, 'utf8');
  if (id.length > MAX_ID_BYTES) throw new Error(`Embedder id is longer than ${MAX_ID_BYTES} bytes.`);
  const buf = Buffer.alloc(HEADER_BYTES);
  buf.writeUInt32LE(MAGIC, 0);
  buf.writeUInt32LE(VERSION, 4);
  buf.writeUInt32LE(h.dimension, 8);
  buf.writeUInt32LE(id.length, 12);
  id.copy(buf, 16);
  return buf;
}

function decodeHeader(buf: Buffer, file: string): VectorFileHeader {
  const bad = (why: string) => new JarvisError('storage-failed', `The vector file ${file} is unreadable: ${why}.`);
  if (buf.length < HEADER_BYTES) throw bad('it is shorter than its header');
  if (buf.readUInt32LE(0) !== MAGIC) throw bad('it is not a Jarvis vector file');
  if (buf.readUInt32LE(4) !== VERSION) throw bad(`unsupported version ${buf.readUInt32LE(4)}`);
  const dimension = buf.readUInt32LE(8);
  const idLength = buf.readUInt32LE(12);
  if (dimension < 1 || idLength > MAX_ID_BYTES) throw bad('its header is damaged');
  return { dimension, embedderId: buf.subarray(16, 16 + idLength).toString('utf8') };
}
