/**
 * Valid code a grammar does not know, rewritten into an equivalent form it does before parsing, so a
 * grammar's gaps never fail a good answer. Each rewrite keeps the line count, so error lines still match.
 */
const REWRITES: Readonly<Record<string, (code: string) => string>> = {
  // Ansible inventories, my.cnf and .gitconfig-style files have bare keys (`web1.example.org`,
  // `skip-name-resolve`): valid in those dialects, an error for tree-sitter-ini, which needs `key=value`.
  ini: (code) => code.replace(/^([ \t]*[^\s=[;#][^=\n]*?)[ \t]*$/gm, '$1='),
  // An argument that starts with a variable and goes on as a path (`$env:USERPROFILE\.ssh\id`) is an
  // expandable string in PowerShell; the grammar only accepts it quoted.
  powershell: (code) => code.replace(/(^|[ \t,])(\$[\w:]+[\\/][^\s"'|;,)]*)/gm, '$1"$2"'),
};

/** The code as the language's grammar should see it (unchanged for most languages). */
export function dialectForm(language: string, code: string): string {
  const rewrite = REWRITES[language];
  return rewrite ? rewrite(code) : code;
}
