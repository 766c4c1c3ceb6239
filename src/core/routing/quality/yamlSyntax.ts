interface JsYaml {
  loadAll(source: string, iterator?: (doc: unknown) => void): unknown;
}

/**
 * YAML through js-yaml (pure JS, no tree-sitter grammar ships for it): the 1-based line of the first
 * error, or undefined when it parses. Templated YAML (Helm, Jinja: `{{ … }}`) is not YAML until
 * rendered, so it is not judged.
 */
export function yamlErrorLine(code: string): number | undefined | 'unjudged' {
  if (code.includes('{{') || code.includes('{%')) return 'unjudged';
  try {
    loadYaml().loadAll(code, () => {});
    return undefined;
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    return typeof mark?.line === 'number' ? mark.line + 1 : 1;
  }
}

let yaml: JsYaml | undefined;
/** Deferred require, like the tree-sitter module: only answers with YAML blocks load the parser. */
function loadYaml(): JsYaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
  yaml ??= require('js-yaml') as JsYaml;
  return yaml;
}
