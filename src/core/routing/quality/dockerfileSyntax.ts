interface DockerfileUtils {
  validate(content: string): Array<{ severity?: number; code?: number; range: { start: { line: number } } }>;
  ValidationCode: { NO_SOURCE_IMAGE: number };
}

/** LSP's DiagnosticSeverity.Error: diagnostics carry the protocol's severities, not the settings' ValidationSeverity. */
const LSP_ERROR = 1;

/**
 * Dockerfiles through dockerfile-utils (the validator of the Docker language server VS Code's Docker
 * extension runs; pure JS): the 1-based line of the first error (an unknown instruction, an instruction
 * without its arguments), or undefined. Warnings are style, not errors; a missing `FROM` is how a
 * fragment (the lines an answer changes) looks; templated Dockerfiles are not Dockerfiles until rendered.
 */
export function dockerfileErrorLine(code: string): number | undefined | 'unjudged' {
  if (code.includes('{{') || code.includes('{%')) return 'unjudged';
  const utils = loadDockerfileUtils();
  const error = utils.validate(code).find((d) => d.severity === LSP_ERROR && d.code !== utils.ValidationCode.NO_SOURCE_IMAGE);
  return error ? error.range.start.line + 1 : undefined;
}

let dockerfileUtils: DockerfileUtils | undefined;
/** Deferred require, like the tree-sitter module: only answers with Dockerfile blocks load the validator. */
function loadDockerfileUtils(): DockerfileUtils {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
  dockerfileUtils ??= require('dockerfile-utils') as DockerfileUtils;
  return dockerfileUtils;
}
