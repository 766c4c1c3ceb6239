import { errorMessage } from '../../../common/errors';

interface SqlParserModule {
  init(): Promise<void>;
  validate(sql: string, dialect?: string): unknown;
}

/**
 * Dialects tried in turn until one accepts the code: an answer rarely says which database it means,
 * and a statement only one of them knows (`TOP 10`, `ON CONFLICT`, backticks) is still good SQL.
 */
const DIALECTS = ['generic', 'postgresql', 'mysql', 'sqlite', 'mssql', 'bigquery', 'snowflake', 'duckdb', 'oracle'];

/** A clause shown on its own (`WHERE created_at > now() - interval '1 day'`) is parsed after a query it belongs to. */
const CLAUSE_START = /^\s*(?:where|order\s+by|group\s+by|having|limit|(?:(?:left|right|inner|full|cross)\s+(?:outer\s+)?)?join)\b/i;

/**
 * SQL through sqlparser-rs (Apache DataFusion's parser, compiled to WASM by @guanmingchiu/sqlparser-ts):
 * the 1-based line of the first error, or undefined when some dialect parses it. Code that is not
 * plain SQL yet (dbt/Jinja templates, elided `...` parts, MySQL `DELIMITER` scripts) is not judged.
 */
export function sqlErrorLine(parser: SqlParserModule, code: string): number | undefined | 'unjudged' {
  if (/\{\{|\{%|\.\.\.|…|^\s*delimiter\b/im.test(code)) return 'unjudged';
  // psql meta-commands (`\dt`) and T-SQL's `GO` are client commands, not SQL: blanked, keeping line numbers.
  const sql = code.replace(/^[ \t]*(?:\\\S.*|go[ \t]*)$/gim, '');
  if (sql.trim() === '') return 'unjudged';
  let first: string | undefined;
  for (const candidate of CLAUSE_START.test(sql) ? [sql, `SELECT * FROM jarvis_fragment ${sql}`] : [sql]) {
    for (const dialect of DIALECTS) {
      try {
        parser.validate(candidate, dialect);
        return undefined;
      } catch (e) {
        first ??= errorMessage(e);
      }
    }
  }
  const line = /Line: (\d+)/.exec(first ?? '');
  return line ? Number(line[1]) : 1;
}

/**
 * Deferred require, like the tree-sitter module: only answers with SQL blocks load the parser (3.5 MB
 * of WASM). Rejects when the package or its WASM cannot be loaded.
 */
export async function loadSqlParser(): Promise<SqlParserModule> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
  const parser = require('@guanmingchiu/sqlparser-ts') as SqlParserModule;
  await parser.init();
  return parser;
}
