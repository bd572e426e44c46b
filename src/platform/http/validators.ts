/**
 * JSON bodies are checked strictly: no type coercion ("true" is not true), no unknown fields. Query strings and
 * path parameters, which are always text, may be coerced to numbers where a schema says so.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ allErrors: false, coerceTypes: coerce ? 'array' : false, removeAdditional: false, useDefaults: true, strict: false });
  (addFormats as unknown as (a: Ajv) => Ajv)(ajv);
  return ajv;
}

export function registerValidators(app: FastifyInstance): void {
  const strict = makeAjv(false);
  const lenient = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : lenient).compile(schema));
}
