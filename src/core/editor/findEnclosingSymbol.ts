import type { OffsetRange } from './CodeTarget';

/** A document symbol as offsets (the host converts VS Code's DocumentSymbol to this). */
export interface SymbolNode {
  name: string;
  /** Lower-case kind: function, method, class, variable… */
  kind: string;
  range: OffsetRange;
  children?: SymbolNode[];
}

/** Kinds that are a unit of code worth acting on. */
const CODE_KINDS = new Set(['function', 'method', 'constructor', 'class', 'interface', 'enum', 'struct', 'module', 'namespace', 'object']);
/** A variable or property counts when it spans lines (`const f = () => { … }`), not for `let x = 1`. */
const VALUE_KINDS = new Set(['variable', 'constant', 'property', 'field']);

/**
 * The innermost symbol that contains `target`, among those worth acting on; undefined when the
 * target is outside every one (top-level statements) or the language reports no symbols.
 * `text` tells multi-line values (a function assigned to a const) from one-liners.
 */
export function findEnclosingSymbol(symbols: readonly SymbolNode[], target: OffsetRange, text: string): SymbolNode | undefined {
  let found: SymbolNode | undefined;
  const visit = (nodes: readonly SymbolNode[]) => {
    for (const s of nodes) {
      if (!(s.range.start <= target.start && target.end <= s.range.end)) continue;
      if (CODE_KINDS.has(s.kind) || (VALUE_KINDS.has(s.kind) && text.slice(s.range.start, s.range.end).includes('\n'))) found = s;
      visit(s.children ?? []);
    }
  };
  visit(symbols);
  return found;
}
