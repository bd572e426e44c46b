/**
 * The office pages: the list, one office, the finder, and the outline of Denmark the maps draw on.
 */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { findForPlace, officeCalendar, resolvePlace } from '../app/find-offices.js';
import { openState } from '../app/read-model.js';
import { type OfficesDeps } from '../deps.js';
import { makeView } from '../../../platform/deps.js';
import { type Query, readLang } from '../../plan/index.js';
import { denmarkSvg } from './views/denmark-map.js';
import { type FinderModel, FinderPage } from './views/finder-page.js';
import { OfficePage, OfficesPage } from './views/office-pages.js';
import { html } from '../../../platform/views/view.js';
import { placeQuery } from './api-offices.js';

const AnyQuery = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 30);

export function registerOfficePages(app: FastifyInstance, deps: OfficesDeps): void {
  const { offices: directory } = deps;
  const withLang = (path: string) => (lang: string) => (lang === 'en' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);

  let outline: string | undefined;
  app.get('/map/denmark.svg', { schema: { hide: true } }, async (_request, reply) => {
    outline ??= denmarkSvg(directory.map);
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(outline);
  });

  app.get<{ Querystring: Query }>('/offices', { schema: { hide: true, querystring: AnyQuery } }, async (request, reply) => {
    const lang = readLang(request.query);
    const now = deps.clock.now();
    const states = new Map(directory.offices.filter((o) => o.kind !== 'citizen-service')
      .map((o) => [o.id, openState(o, o.hours, now, directory.holidays)]));
    const view = makeView(deps, lang, withLang('/offices'));
    return reply.type('text/html; charset=utf-8').send(html(OfficesPage({ view, directory, states })));
  });

  app.get<{ Querystring: Query }>('/offices/finder', { schema: { hide: true, querystring: AnyQuery } }, async (request, reply) => {
    const q = request.query;
    const lang = readLang(q);
    const model: FinderModel = { postcode: first(q.postcode) ?? '', municipality: first(q.municipality) ?? '', student: first(q.student) === 'yes', errors: [] };
    const params = new URLSearchParams();
    for (const key of ['postcode', 'municipality', 'student', 'lat', 'lon']) { const v = first(q[key]); if (v) params.set(key, v); }
    const view = makeView(deps, lang, withLang(`/offices/finder${params.size > 0 ? `?${params}` : ''}`));
    const query = placeQuery({ postalCode: model.postcode, municipality: model.municipality, lat: first(q.lat), lon: first(q.lon) });
    if (query === null) return reply.type('text/html; charset=utf-8').send(html(FinderPage({ view, directory, model })));
    const fail = (status: number, href: string, message: string, onPostcode: boolean) => {
      model.errors = [{ href, message }];
      if (onPostcode) model.postcodeError = message;
      return reply.code(status).type('text/html; charset=utf-8').send(html(FinderPage({ view, directory, model })));
    };
    if (query === 'not-a-position') return fail(400, '#postcode', deps.texts.message(lang, { field: 'position', code: 'not-a-position' }), false);
    const place = resolvePlace(directory, query);
    if ('error' in place) {
      switch (place.error) {
        case 'postal-code-format': return fail(400, '#postcode', deps.texts.message(lang, { field: 'postalCode', code: 'postal-code-format' }), true);
        case 'unknown-postal-code': return fail(404, '#postcode', deps.texts.message(lang, { field: 'postalCode', code: 'unknown-postal-code-suggest', params: { value: model.postcode, suggestions: place.suggestions.join(', ') } }), true);
        case 'unknown-municipality': return fail(404, '#municipality', deps.texts.message(lang, { field: 'municipality', code: 'unknown-municipality' }), false);
        case 'outside-denmark': return fail(400, '#postcode', deps.texts.message(lang, { field: 'position', code: 'outside-denmark' }), false);
      }
    }
    model.place = place;
    model.found = findForPlace(directory, place, deps.clock.now(), model.student ? true : undefined);
    return reply.type('text/html; charset=utf-8').send(html(FinderPage({ view, directory, model })));
  });

  app.get<{ Params: { id: string }; Querystring: Query }>('/offices/:id', {
    schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 60 }) }), querystring: AnyQuery },
  }, async (request, reply) => {
    const office = directory.byId.get(request.params.id);
    if (!office) return reply.callNotFound();
    const lang = readLang(request.query);
    const { state, days } = officeCalendar(directory, office, deps.clock.now(), 14);
    const view = makeView(deps, lang, withLang(`/offices/${office.id}`));
    return reply.type('text/html; charset=utf-8').send(html(OfficePage({ view, directory, office, state, days })));
  });
}
