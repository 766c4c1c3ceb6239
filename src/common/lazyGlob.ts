import type picomatch from 'picomatch';

type PicomatchFn = typeof picomatch;
type GlobOptions = picomatch.PicomatchOptions;

/**
 * A picomatch matcher compiled on its first call. Compiling the credential-file globs took 5–10 ms
 * of every activation (profiled in the extension host; bench/activation.bench.ts --profile), and
 * requiring picomatch here keeps even its module from being evaluated until a path is matched.
 */
export function lazyGlob(globs: string | readonly string[], options: GlobOptions): (path: string) => boolean {
  let match: ((path: string) => boolean) | undefined;
  return (path) => {
    // A literal require, so the bundle keeps picomatch in a wrapper that runs on this first call only.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    match ??= (require('picomatch') as PicomatchFn)(globs as string | string[], options);
    return match(path);
  };
}
