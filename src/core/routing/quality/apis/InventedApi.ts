/** A name an answer uses that the library it belongs to does not have. */
export interface InventedApi {
  /** As the reader would write it: `datetime.today_iso`, `Promise.allIgnoringErrors`, `git unpush`. */
  name: string;
  /** Why it is invented, in a few words: "datetime has no today_iso". */
  how: string;
}

/** Escapes a name for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
