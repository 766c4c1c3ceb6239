import * as path from 'node:path';

/** File → the files it imports, as madge's `obj()` gives it (paths relative to one root, `/`-separated). */
export type ImportGraph = Record<string, string[]>;

/**
 * Cycles between folders. A folder may use its parent's shared files and its parent may compose its
 * subfolders, so an import between a folder and its own ancestor is not an edge. Any other import is
 * lifted to the two sibling folders under the deepest folder that contains both files
 * (core/routing/X → core/llm/ollama/Y is the edge core/routing → core/llm), so at every level the
 * folders must form a DAG. Returns each cycle as "a -> b -> a".
 */
export function folderCycles(graph: ImportGraph): string[] {
  const edges = new Map<string, Set<string>>();
  for (const [file, deps] of Object.entries(graph)) {
    for (const dep of deps) {
      const lifted = liftEdge(path.posix.dirname(file), path.posix.dirname(dep));
      if (!lifted) continue;
      const [a, b] = lifted;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)!.add(b);
    }
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of [...(edges.get(n) ?? [])].sort()) {
      if (state.get(m) === 'open') cycles.push([...stack.slice(stack.indexOf(m)), m].join(' -> '));
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...edges.keys()].sort()) if (!state.has(n)) visit(n);
  return cycles;
}

function liftEdge(from: string, to: string): [string, string] | undefined {
  const a = from === '.' ? [] : from.split('/');
  const b = to === '.' ? [] : to.split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  // Same folder, or one contains the other: not an edge between folders.
  if (common === a.length || common === b.length) return undefined;
  return [a.slice(0, common + 1).join('/'), b.slice(0, common + 1).join('/')];
}
