/**
 * The finder: a postal code (or a municipality, or "use my location" where JavaScript and the browser allow it)
 * gives the office for each service, its distance and its next opening, on a map and in words.
 */
import { localeInfo } from '../../../../kernel/i18n/locales.js';
import type { FoundService, Place } from '../../app/find-offices.js';
import { addressLine } from '../../../plan/index.js';
import type { OfficeDirectory } from '../../app/read-model.js';
import { Buttons, ErrorSummary, FieldError, type ShownError } from '../../../../platform/views/form.js';
import { Layout } from '../../../../platform/views/layout.js';
import { href, type View } from '../../../../platform/views/view.js';
import { DenmarkMapFigure, type MapPoint } from './denmark-map.js';
import { openStateText } from './open-state.js';

export interface FinderModel {
  postcode: string;
  municipality: string;
  student: boolean;
  errors: ShownError[];
  postcodeError?: string;
  place?: Place;
  found?: FoundService[];
}

export function FinderPage({ view, directory, model }: { view: View; directory: OfficeDirectory; model: FinderModel }) {
  const { t, lang } = view;
  const municipalities = [...directory.municipalities.values()].sort((a, b) => a.name.localeCompare(b.name, lang));
  return (
    <Layout view={view} title={t('finder.title')} hasErrors={model.errors.length > 0}>
      <ErrorSummary view={view} errors={model.errors} />
      <h1 safe>{t('finder.title')}</h1>
      <p class="font-lead" safe>{t('finder.lead')}</p>
      <form method="get" action="/offices/finder" novalidate class="finder-form">
        {lang !== 'en' ? <input type="hidden" name="lang" value={lang} /> : ''}
        <div class={model.postcodeError ? 'form-group form-error' : 'form-group'}>
          <label class="form-label" for="postcode" safe>{t('finder.postcode')}</label>
          <span class="form-hint" id="postcode-hint" safe>{t('finder.postcode.hint')}</span>
          <FieldError view={view} id="postcode" message={model.postcodeError} />
          <input class="form-input input-width-xs" id="postcode" name="postcode" type="text" inputmode="numeric" autocomplete="postal-code"
            value={model.postcode} aria-describedby={model.postcodeError ? 'postcode-hint postcode-error' : 'postcode-hint'}
            aria-invalid={model.postcodeError ? 'true' : undefined} />
        </div>
        <div class="form-group">
          <label class="form-label" for="municipality" safe>{t('finder.or')}</label>
          <select class="form-select" id="municipality" name="municipality">
            <option value="" safe>{t('finder.municipality.choose')}</option>
            {municipalities.map((m) => <option value={m.code} selected={m.code === model.municipality} safe>{m.name}</option>)}
          </select>
        </div>
        <div class="form-group">
          <div class="form-group-checkbox">
            <input type="checkbox" class="form-checkbox" id="student" name="student" value="yes" checked={model.student} aria-describedby="student-hint" />
            <label class="form-label" for="student" safe>{t('finder.student')}</label>
            <span class="form-hint" id="student-hint" safe>{t('finder.student.hint')}</span>
          </div>
        </div>
        <Buttons>
          <button class="button button-primary" type="submit" safe>{t('finder.submit')}</button>
          <button class="button button-secondary js-location" type="button" hidden data-module="use-location"
            data-locating={t('finder.locating')} data-failed={t('finder.locationFailed')} safe>{t('finder.location')}</button>
        </Buttons>
        <p class="location-status" aria-live="polite"></p>
      </form>
      {model.place && model.found ? <Results view={view} directory={directory} place={model.place} found={model.found} /> : ''}
    </Layout>
  );
}

function Results({ view, directory, place, found }: { view: View; directory: OfficeDirectory; place: Place; found: FoundService[] }) {
  const { t, lang } = view;
  const placeName = place.postalArea
    ? `${place.postalArea.code} ${place.postalArea.name} (${place.municipality.officialName[lang]})`
    : place.municipality.officialName[lang];
  const others = (place.postalArea?.municipalities ?? []).slice(1).map((c) => directory.municipalities.get(c)?.name ?? c);
  const you = place.source === 'position' ? t('office.you') : place.source === 'postal-code' ? t('office.yourPostcode') : t('office.yourMunicipality');
  const points: MapPoint[] = [{ at: place.point, label: you, kind: 'you' }];
  for (const f of found) {
    if (!points.some((p) => p.label === f.office.name[lang])) points.push({ at: f.office.location, label: f.office.name[lang], kind: 'office' });
  }
  return (
    <section class="finder-results" aria-labelledby="results-title">
      <h2 id="results-title" safe>{t('finder.resultsFor', { place: placeName })}</h2>
      {others.length > 0 ? <p safe>{t('finder.otherMunicipalities', { names: others.join(', ') })}</p> : ''}
      <ul class="nobullet-list finder-list">
        {found.map((f) => (
          <li class="finder-item">
            <h3 class="h4" safe>{directory.services.find((s) => s.id === f.service)?.name[lang] ?? f.service}</h3>
            <p>
              <a href={href(view, `/offices/${f.office.id}`)} safe>{f.office.name[lang]}</a>
              {addressLine(f.office) ? <span safe>{`, ${addressLine(f.office) ?? ''}`}</span> : ''}
            </p>
            <p safe>{`${f.office.location.precision === 'postal-code' ? `${t('finder.distance', { km: new Intl.NumberFormat(localeInfo(lang).intl).format(f.distanceKm) })}. ` : ''}${openStateText(view, f.state)}.`}</p>
            <p class="form-hint" safe>{t(f.service === 'citizen-service' ? 'finder.basis.citizen-service' : `finder.basis.${f.basis}`)}</p>
            {f.notes.map((n) => <p class="form-hint" safe>{n[lang]}</p>)}
            {f.office.check || f.offered.confidence !== 'high' ? <p class="form-hint" safe>{t('office.checkPage')}</p> : ''}
          </li>
        ))}
      </ul>
      <DenmarkMapFigure map={directory.map} title={t('office.mapFinder')} points={points} fit />
    </section>
  );
}
