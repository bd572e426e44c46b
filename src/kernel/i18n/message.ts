/**
 * Texts are ICU MessageFormat (intl-messageformat): "{n, plural, one {# day} other {# days}}" is right in every
 * language of the registry, with its own plural rules. A text without a brace is used as it is; the others are
 * compiled once per language and kept.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { type Lang, localeInfo } from './locales.js';

export type MessageValues = Record<string, string | number>;

/** The argument names of a text, and which of them choose a form (plural, selectordinal, select) and so need a number. */
export interface MessageArguments {
  names: Set<string>;
  counted: Set<string>;
}

type Ast = ReturnType<IntlMessageFormat['getAst']>;
const NONE: MessageArguments = { names: new Set(), counted: new Set() };
const compiled = new Map<Lang, Map<string, { format: IntlMessageFormat; args: MessageArguments }>>();

function collect(ast: Ast, into: MessageArguments): MessageArguments {
  for (const node of ast) {
    const named = node as { type: number; value?: unknown; options?: Record<string, { value: Ast }> };
    // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag (see @formatjs/icu-messageformat-parser)
    if ([1, 2, 3, 4, 5, 6].includes(named.type) && typeof named.value === 'string') {
      into.names.add(named.value);
      if (named.type === 5 || named.type === 6) into.counted.add(named.value);
    }
    if (named.options) for (const option of Object.values(named.options)) collect(option.value, into);
  }
  return into;
}

function compile(text: string, lang: Lang) {
  let byText = compiled.get(lang);
  if (!byText) compiled.set(lang, (byText = new Map()));
  let entry = byText.get(text);
  if (!entry) {
    const format = new IntlMessageFormat(text, localeInfo(lang).intl, undefined, { ignoreTag: true });
    entry = { format, args: collect(format.getAst(), { names: new Set(), counted: new Set() }) };
    byText.set(text, entry);
  }
  return entry;
}

/** The arguments a text names. Throws (with the parser's reason) when the text is not valid MessageFormat. */
export function messageArguments(text: string, lang: Lang): MessageArguments {
  return text.includes('{') ? compile(text, lang).args : NONE;
}

/** The text with its arguments filled in. A missing argument is left as "{name}" rather than failing a page. */
export function formatMessage(text: string, lang: Lang, values: MessageValues = {}): string {
  if (!text.includes('{')) return text;
  const { format, args } = compile(text, lang);
  const filled: MessageValues = { ...values };
  for (const name of args.names) if (filled[name] === undefined) filled[name] = `{${name}}`;
  for (const name of args.counted) if (typeof filled[name] !== 'number' && Number.isFinite(Number(filled[name]))) filled[name] = Number(filled[name]);
  return String(format.format(filled));
}
