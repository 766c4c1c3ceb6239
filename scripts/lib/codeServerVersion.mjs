// Pure parsing of `code-server --version`, shared by scripts/setup-code-server.mjs and the harness tests.

/**
 * code-server prints "<version> <commit> with Code <vscode version>", but on a machine with no config of its
 * own it first logs a line such as "[2026-…] info  Wrote default config file to …/config.yaml". Only the
 * version line counts; every other line is ignored.
 * @param {string} output everything the command printed (stdout, possibly stderr too)
 * @returns {{ codeServer: string, commit: string, vscode: string } | undefined} undefined when no line matches
 */
export function parseCodeServerVersion(output) {
  for (const line of String(output).split(/\r?\n/)) {
    const m = /^\s*(\d+\.\d+\.\d+)\s+([0-9a-f]{7,40})\s+with Code\s+(\d+\.\d+\.\d+)\s*$/.exec(line);
    if (m) return { codeServer: m[1], commit: m[2], vscode: m[3] };
  }
  return undefined;
}

/**
 * Whether a parsed version is the build the table asks for: same code-server version, and a VS Code
 * version equal to `build.vscode` or, when the table names only major.minor ("1.104"), in that minor.
 * @param {{ codeServer: string, vscode: string } | undefined} parsed
 * @param {{ codeServer: string, vscode: string }} build
 */
export function matchesBuild(parsed, build) {
  if (!parsed || parsed.codeServer !== build.codeServer) return false;
  return parsed.vscode === build.vscode || parsed.vscode.startsWith(`${build.vscode}.`);
}
