import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { atomicWriteFile } from './atomicWriteFile';

/** `store.json`: which generation folder is current, and the vector space it was built in. */
export interface StorePointer {
  format: 1;
  generation: number;
  embedderId: string;
  dimension: number;
}

export const POINTER_FILE = 'store.json';

export function generationDir(folder: string, generation: number): string {
  return path.join(folder, `gen-${String(generation).padStart(6, '0')}`);
}

/** `undefined` when absent; a damaged pointer is moved aside (`store.json.corrupt-<time>`) and reported. */
export async function readPointer(folder: string, now: number): Promise<{ pointer?: StorePointer; corruptBackup?: string }> {
  const file = path.join(folder, POINTER_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  try {
    const p = JSON.parse(text) as Partial<StorePointer>;
    if (p.format === 1 && Number.isInteger(p.generation) && typeof p.embedderId === 'string' && Number.isInteger(p.dimension)) {
      return { pointer: p as StorePointer };
    }
  } catch {
    // Fall through: treated like any other damage.
  }
  const corruptBackup = `${file}.corrupt-${now}`;
  await fs.rename(file, corruptBackup);
  return { corruptBackup };
}

/** The commit point of a generation switch: before this rename the old generation is current, after it the new one. */
export function writePointer(folder: string, pointer: StorePointer): Promise<void> {
  return atomicWriteFile(path.join(folder, POINTER_FILE), JSON.stringify(pointer));
}
