/**
 * The list of offices and the page of one office: address, contact, this week's and next week's hours with
 * holidays marked, what it does for whom, a map, and what to check on its official page.
 */
import { addressLine } from '../../../plan/index.js';
import type { OfficeDay } from '../../app/find-offices.js';
import type { OfficeDirectory } from '../../app/read-model.js';
import type { Office } from '../../app/read-model.js';
import type { OpenState } from '../../app/read-model.js';
import { Icon } from '../../../../platform/views/icon.js';
import { Layout } from '../../../../platform/views/layout.js';
import { href, type View } from '../../../../platform/views/view.js';
import { DenmarkMapFigure } from './denmark-map.js';
import { HoursTable } from './hours-table.js';
import { openStateText } from './open-state.js';

export function CheckAlert({ view, text, url }: { view: View; text: string; url: string }) {
  return (
    <div class="alert alert-warning alert--paragraph">
      <Icon name="warning" label={view.t('plan.check')} />
      <div class="alert-body">
        <p class="alert-heading" safe>{view.t('plan.check')}</p>
        <p class="alert-text"><span safe>{text}</span> <a href={url} rel="noreferrer" safe>{view.t('plan.check.link')}</a></p>
      </div>
    </div>
  );
}

interface ListProps {
  view: View;
  directory: OfficeDirectory;
  states: Map<string, OpenState>;
}

export function OfficesPage({ view, directory, states }: ListProps) {
  const { t, lang } = view;
  const item = (o: Office) => (
    <li class="office-item">
      <h3 class="h4"><a href={href(view, `/offices/${o.id}`)} safe>{o.name[lang]}</a></h3>
      <p safe>{addressLine(o) ?? t('offices.addressUnknown')}</p>
      <p class="form-hint" safe>{openStateText(view, states.get(o.id) ?? { status: 'unknown' })}</p>
    </li>
  );
  const citizen = directory.offices.filter((o) => o.kind === 'citizen-service')
    .sort((a, b) => (directory.municipalities.get(a.municipality)?.name ?? '').localeCompare(directory.municipalities.get(b.municipality)?.name ?? '', lang));
  return (
    <Layout view={view} title={t('offices.title')}>
      <h1 safe>{t('offices.title')}</h1>
      <p class="font-lead" safe>{t('offices.lead')}</p>
      <p><a class="button button-primary" href={href(view, '/offices/finder')} safe>{t('finder.title')}</a></p>
      <h2 safe>{t('offices.ics')}</h2>
      <ul class="nobullet-list office-list">{directory.offices.filter((o) => o.kind === 'ics').map(item)}</ul>
      <h2 safe>{t('offices.siri')}</h2>
      <ul class="nobullet-list office-list">{directory.offices.filter((o) => o.kind === 'siri').map(item)}</ul>
      <h2 safe>{t('offices.citizenServices')}</h2>
      <p safe>{t('offices.citizenServices.lead')}</p>
      <ul class="municipality-list">
        {citizen.map((o) => <li><a href={href(view, `/offices/${o.id}`)} safe>{directory.municipalities.get(o.municipality)?.name ?? o.municipality}</a></li>)}
      </ul>
    </Layout>
  );
}

interface OfficeProps {
  view: View;
  directory: OfficeDirectory;
  office: Office;
  state: OpenState;
  days: OfficeDay[];
}

export function OfficePage({ view, directory, office, state, days }: OfficeProps) {
  const { t, lang } = view;
  const name = office.name[lang];
  const municipalityName = (code: string) => directory.municipalities.get(code)?.officialName[lang] ?? code;
  return (
    <Layout view={view} title={name}>
      <div class="d-print-none"><a href={href(view, '/offices')} class="back-link"><Icon name="chevron-left" /><span safe>{t('office.all')}</span></a></div>
      <h1 safe>{name}</h1>
      <p class="font-lead" safe>{openStateText(view, state)}</p>
      {office.check ? <CheckAlert view={view} text={office.check[lang]} url={office.check.url} /> : ''}
      <dl class="step-facts">
        <dt safe>{t('office.address')}</dt><dd safe>{addressLine(office) ?? t('offices.addressUnknown')}</dd>
        <dt safe>{t('office.appointment')}</dt>
        <dd safe>{office.appointmentRequired === true ? t('office.appointment.yes') : t('office.appointment.unknown')}</dd>
        {office.contact.email || office.contact.phone ? (
          <><dt safe>{t('office.contact')}</dt><dd safe>{[office.contact.email, office.contact.phone].filter(Boolean).join(', ')}</dd></>
        ) : ''}
        {office.contact.website ? <><dt safe>{t('office.website')}</dt><dd><a href={office.contact.website} rel="noreferrer" safe>{office.contact.website}</a></dd></> : ''}
      </dl>
      <div class="office-hours">
        <HoursTable view={view} caption={t('office.hoursThisWeek')} days={days.slice(0, 7)} />
        <HoursTable view={view} caption={t('office.hoursNextWeek')} days={days.slice(7, 14)} />
        {office.hours.note ? <p class="form-hint" safe>{office.hours.note[lang]}</p> : ''}
        {office.hours.status === 'inferred' ? <p class="form-hint" safe>{t('office.hoursNote.inferred')}</p> : ''}
      </div>
      <h2 safe>{t('office.services')}</h2>
      <dl class="step-facts">
        {office.services.map((s) => (
          <>
            <dt safe>{directory.services.find((x) => x.id === s.service)?.name[lang] ?? s.service}</dt>
            <dd>
              <span safe>{s.catchment === 'anyone' ? t('office.serves.anyone')
                : s.catchment === 'own-municipality' ? t('office.serves.own', { name: municipalityName(office.municipality) })
                  : t('office.serves.list', { names: s.catchment.map((c) => directory.municipalities.get(c.municipality)?.name ?? c.municipality).join(', ') })}</span>
              {s.note ? <span safe>{` ${s.note[lang]}`}</span> : ''}
              {s.catchment !== 'anyone' && s.catchment !== 'own-municipality' ? s.catchment.filter((c) => c.note).map((c) => <span safe>{` ${c.note?.[lang] ?? ''}`}</span>) : ''}
              {s.confidence !== 'high' ? <span class="form-hint" safe>{` ${t('office.notConfirmed')}`}</span> : ''}
              {s.hours?.note ? <span class="form-hint" safe>{` ${s.hours.note[lang]}`}</span> : ''}
            </dd>
          </>
        ))}
      </dl>
      <DenmarkMapFigure map={directory.map} title={t('office.map', { name })} points={[{ at: office.location, label: name, kind: 'office' }]} />
      <h2 safe>{t('office.sources')}</h2>
      <ul>{office.sources.map((s) => <li><a href={s.url} rel="noreferrer" safe>{s.title}</a></li>)}</ul>
    </Layout>
  );
}
