/**
 * Reads the interface words (content/ui.yaml) and the error messages (content/messages.yaml). Every entry must
 * have English and Danish, or the app does not start.
 */
import { join } from 'node:path';
import Type from 'typebox';
import { checked, readYaml } from '../data-files.js';

const Entry = Type.Object({ en: Type.String({ minLength: 1 }), da: Type.String({ minLength: 1 }) }, { additionalProperties: false });
const Table = Type.Record(Type.String({ pattern: '^[A-Za-z0-9.-]+$' }), Entry);
export type TextTable = Type.Static<typeof Table>;

export interface Content {
  ui: TextTable;
  messages: TextTable;
}

export function loadContent(contentDir: string): Content {
  const read = (file: string) => checked<TextTable>(Table, readYaml(join(contentDir, file)), file);
  return { ui: read('ui.yaml'), messages: read('messages.yaml') };
}
