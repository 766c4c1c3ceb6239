import type { Ajv, AnySchema, ErrorObject } from 'ajv';

/** Checks a parsed value; returns what is wrong with it, one line per problem ([] when it matches). */
export type JsonSchemaCheck = (value: unknown) => string[];

let ajv: Ajv | undefined;

/**
 * Compiles a JSON schema with ajv, the maintained validator (draft-07). ajv is required on the first
 * compile rather than imported: it is ~120 KB the extension reads only when a feature asks a model for
 * structured output, never at activation (esbuild keeps a require inside a function as a deferred init).
 */
export function compileJsonSchema(schema: object): JsonSchemaCheck {
  if (!ajv) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
    const lib = require('ajv') as typeof import('ajv');
    // allErrors: every problem is named in the log line, not only the first one ajv meets.
    ajv = new lib.Ajv({ allErrors: true, strict: true });
  }
  const validate = ajv.compile(schema as AnySchema);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).slice(0, 5).map(describeError));
}

function describeError(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the answer' : e.instancePath;
  if (e.keyword === 'additionalProperties') return `${where} has a field the schema does not allow ("${String(e.params.additionalProperty)}")`;
  if (e.keyword === 'enum') return `${where} must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
  return `${where} ${e.message ?? e.keyword}`;
}
