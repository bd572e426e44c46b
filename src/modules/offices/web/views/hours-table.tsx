import type { OfficeDay } from '../../app/find-offices.js';
import { formatLongDate } from '../../../../kernel/i18n/format.js';
import { hhmm } from '../../../../kernel/time/copenhagen-clock.js';
import type { View } from '../../../../platform/views/view.js';

/** A week of opening hours, today and holidays marked. */
export function HoursTable({ view, caption, days }: { view: View; caption: string; days: OfficeDay[] }) {
  const { t, lang } = view;
  return (
    <table class="table table--compact hours-table">
      <caption safe>{caption}</caption>
      <thead><tr><th scope="col" safe>{t('office.hours.day')}</th><th scope="col" safe>{t('office.hours.hours')}</th></tr></thead>
      <tbody>
        {days.map((d) => (
          <tr class={d.isToday ? 'hours-today' : ''}>
            <th scope="row"><span safe>{formatLongDate(d.date, lang)}</span>{d.isToday ? <strong safe>{` (${t('office.today')})`}</strong> : ''}</th>
            <td>
              {d.status === 'open' ? <span safe>{d.intervals.map(([a, b]) => `${hhmm(a)}–${hhmm(b)}`).join(', ')}</span> : ''}
              {d.status === 'closed' ? <span safe>{t('office.closed')}</span> : ''}
              {d.status === 'unknown' ? <span safe>{t('office.hoursUnknown')}</span> : ''}
              {d.reason ? <span class="hours-reason" safe>{` (${d.reason.name[lang]})`}</span> : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
