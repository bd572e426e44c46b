/**
 * Reads the data files (rules/, reference/, content/, config/): YAML, checked against a schema. A file that does
 * not parse or does not match stops the start with a message naming the file and the place.
 */
import { readFileSync } from 'node:fs';
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { parse } from 'yaml';

export class RulesError extends Error {}

export function readYaml(path: string): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RulesError(`${path}: ${(error as Error).message}`);
  }
}

export function checked<T>(schema: TSchema, value: unknown, path: string): T {
  if (Value.Check(schema, value)) return value as T;
  const details = [...Value.Errors(schema, value)].slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
  throw new RulesError(`${path} does not match its schema: ${details.join('; ')}`);
}

