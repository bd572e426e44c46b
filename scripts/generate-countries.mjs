// Regenerates rules/countries/countries.yaml: ISO 3166-1 alpha-2 codes with English and Danish names
// from CLDR (through Node's ICU). Needs the npm package i18n-iso-countries@7 for the code list; it is not a
// dependency of the app: run `npm i --no-save i18n-iso-countries@7` first.
import { createRequire } from 'node:module';
import { writeFileSync, readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const isoCountries = require('i18n-iso-countries');
const path = new URL('../rules/countries/countries.yaml', import.meta.url);
const header = readFileSync(path, 'utf8').split('countries:\n')[0];
const en = new Intl.DisplayNames(['en'], { type: 'region' });
const da = new Intl.DisplayNames(['da'], { type: 'region' });
const citizensOf = {
  FO: 'DK', GL: 'DK', AX: 'FI', SJ: 'NO', BV: 'NO',
  GF: 'FR', GP: 'FR', MQ: 'FR', RE: 'FR', YT: 'FR', PM: 'FR', BL: 'FR', MF: 'FR', NC: 'FR', PF: 'FR', WF: 'FR', TF: 'FR',
  AW: 'NL', CW: 'NL', SX: 'NL', BQ: 'NL',
};
const rows = Object.keys(isoCountries.getAlpha2Codes()).sort().map((code) => {
  const of = citizensOf[code] ? `, citizensOf: "${citizensOf[code]}"` : '';
  return `  - { code: "${code}", en: ${JSON.stringify(en.of(code))}, da: ${JSON.stringify(da.of(code))}${of} }`;
});
writeFileSync(path, `${header}countries:\n${rows.join('\n')}\n`);
