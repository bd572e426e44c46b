/**
 * The offices API: the offices, one office with its hours for the next 14 days, the finder, and postal codes.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import { type PlaceError, type PlaceQuery, findForPlace, officeCalendar, resolvePlace } from '../app/find-offices.js';
import { type Lang, LANGS, isOneOf } from '../../plan/index.js';
import { type OfficesDeps } from '../deps.js';
import { finderBytes } from './finder-bytes.js';
import { finderJson, officeDetailJson, officeSummaryJson } from './office-json.js';
import { apiError } from '../../../platform/http/errors.js';
import { ErrorResponse } from '../../plan/index.js';
import { FinderResponse, OfficeDetail, OfficesResponse, PlaceErrorResponse, PostalCodeResponse } from './office-schemas.js';

const LangQuery = { lang: Type.Optional(Type.Enum([...LANGS], { description: 'Language of names and notes (default en)' })) };
const langOf = (q: { lang?: string }): Lang => (isOneOf(LANGS, q.lang) ? q.lang : 'en');

/** Answers a place that cannot be used: 400 for a malformed one, 404 (with suggestions) for one that does not exist. */
export function placeError(deps: OfficesDeps, reply: FastifyReply, error: PlaceError, lang: Lang, input: string) {
  const m = (field: string, code: string, params?: Record<string, string>) => deps.texts.message(lang, { field, code, ...(params ? { params } : {}) });
  switch (error.error) {
    case 'postal-code-format': {
      const message = m('postalCode', 'postal-code-format');
      return apiError(reply, 400, `postalCode: ${message}`, [{ field: 'postalCode', message }]);
    }
    case 'unknown-postal-code': {
      const message = m('postalCode', 'unknown-postal-code-suggest', { value: input, suggestions: error.suggestions.join(', ') });
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `postalCode: ${message}`, errors: [{ field: 'postalCode', message }], suggestions: error.suggestions });
    }
    case 'unknown-municipality': {
      const message = m('municipality', 'unknown-municipality');
      return apiError(reply, 404, `municipality: ${message}`, [{ field: 'municipality', message }]);
    }
    case 'outside-denmark': {
      const message = m('position', 'outside-denmark');
      return apiError(reply, 400, `lat, lon: ${message}`, [{ field: 'lat', message }, { field: 'lon', message }]);
    }
  }
}

/** Reads where the person is from the query: a postal code, a municipality, or a position. */
export function placeQuery(q: { postalCode?: string | undefined; municipality?: string | undefined; lat?: string | undefined; lon?: string | undefined }): PlaceQuery | 'not-a-position' | null {
  if (q.postalCode !== undefined && q.postalCode !== '') return { postalCode: q.postalCode };
  if (q.municipality !== undefined && q.municipality !== '') return { municipality: q.municipality };
  if (q.lat !== undefined || q.lon !== undefined) {
    const latitude = Number(q.lat);
    const longitude = Number(q.lon);
    if (q.lat === '' || q.lon === '' || !Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return 'not-a-position';
    return { position: { latitude, longitude } };
  }
  return null;
}

export function registerOfficesApi(app: FastifyInstance, deps: OfficesDeps): void {
  const { offices: directory } = deps;

  app.get<{ Querystring: { lang?: string } }>('/api/v1/offices', {
    schema: { summary: 'The ICS centres, SIRI offices and every municipality\'s Citizen Service', tags: ['offices'], querystring: Type.Object(LangQuery), response: { 200: OfficesResponse } },
  }, async (request) => {
    const lang = langOf(request.query);
    return { lang, offices: directory.offices.map((o) => officeSummaryJson(directory, o, lang)) };
  });

  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>('/api/v1/offices/:id', {
    schema: {
      summary: 'One office: whether it is open now, and its hours for the next 14 days (holidays and closures included)',
      tags: ['offices'],
      params: Type.Object({ id: Type.String({ maxLength: 60 }) }),
      querystring: Type.Object(LangQuery),
      response: { 200: OfficeDetail, 404: ErrorResponse },
    },
  }, async (request, reply) => {
    const lang = langOf(request.query);
    const office = directory.byId.get(request.params.id);
    if (!office) return apiError(reply, 404, `id: ${deps.texts.message(lang, { field: 'office', code: 'unknown' })}`, [{ field: 'id', message: deps.texts.message(lang, { field: 'office', code: 'unknown' }) }]);
    const { state, days } = officeCalendar(directory, office, deps.clock.now(), 14);
    return officeDetailJson(directory, office, lang, state, days);
  });

  app.get<{ Querystring: { postalCode?: string; municipality?: string; lat?: string; lon?: string; student?: string; lang?: string } }>('/api/v1/finder', {
    schema: {
      summary: 'For a postal code, a municipality or a position: the office for each service, its distance and next opening',
      tags: ['offices'],
      querystring: Type.Object({
        postalCode: Type.Optional(Type.String({ maxLength: 20, description: 'A Danish postal code, 4 digits', examples: ['8000'] })),
        municipality: Type.Optional(Type.String({ maxLength: 20, description: 'A municipality code, 3 digits (e.g. 751 Aarhus)' })),
        lat: Type.Optional(Type.String({ maxLength: 30, description: 'Latitude of a position in Denmark' })),
        lon: Type.Optional(Type.String({ maxLength: 30, description: 'Longitude of a position in Denmark' })),
        student: Type.Optional(Type.Enum(['true', 'false'], { description: 'Students follow other rules at some centres' })),
        ...LangQuery,
      }),
      response: { 200: FinderResponse, 400: PlaceErrorResponse, 404: PlaceErrorResponse },
    },
  }, async (request, reply) => {
    const lang = langOf(request.query);
    const query = placeQuery(request.query);
    if (query === null) {
      const message = deps.texts.message(lang, { field: 'place', code: 'required' });
      return apiError(reply, 400, message, [{ field: 'postalCode', message }]);
    }
    if (query === 'not-a-position') {
      const message = deps.texts.message(lang, { field: 'position', code: 'not-a-position' });
      return apiError(reply, 400, `lat, lon: ${message}`, [{ field: 'lat', message }, { field: 'lon', message }]);
    }
    const place = resolvePlace(directory, query);
    if ('error' in place) return placeError(deps, reply, place, lang, request.query.postalCode ?? '');
    const student = request.query.student === undefined ? undefined : request.query.student === 'true';
    const now = deps.clock.now();
    const bytes = finderBytes(directory, place, now, student, lang);
    if (bytes) return reply.type('application/json; charset=utf-8').send(bytes);
    return finderJson(directory, place, findForPlace(directory, place, now, student), lang);
  });

  app.get<{ Params: { code: string }; Querystring: { lang?: string } }>('/api/v1/postal-codes/:code', {
    schema: {
      summary: 'A Danish postal code: its name, its municipality and the others it spans',
      tags: ['offices'],
      params: Type.Object({ code: Type.String({ maxLength: 20 }) }),
      querystring: Type.Object(LangQuery),
      response: { 200: PostalCodeResponse, 400: PlaceErrorResponse, 404: PlaceErrorResponse },
    },
  }, async (request, reply) => {
    const lang = langOf(request.query);
    const place = resolvePlace(directory, { postalCode: request.params.code });
    if ('error' in place) return placeError(deps, reply, place, lang, request.params.code);
    const area = place.postalArea!;
    return {
      code: area.code,
      name: area.name,
      municipality: { code: place.municipality.code, name: place.municipality.name, officialName: place.municipality.officialName[lang] },
      otherMunicipalities: area.municipalities.slice(1).map((code) => ({ code, name: directory.municipalities.get(code)?.name ?? code })),
      centre: area.centre,
    };
  });
}
