/**
 * Pieces the booking pages share: the back link, alerts, the summary of an appointment, and how a time is
 * written out in full (a screen reader hears the whole date and time for every choice, not just "09:15").
 */
import type { Children } from '@kitajs/html';
import { formatLongDate } from '../../../../kernel/i18n/format.js';
import { hhmm, localMoment } from '../../../../kernel/time/copenhagen-clock.js';
import { Icon } from '../../../../platform/views/icon.js';
import type { View } from '../../../../platform/views/view.js';

export function BackLink({ view, href }: { view: View; href: string }) {
  return <div class="d-print-none"><a href={href} class="back-link"><Icon name="chevron-left" /><span safe>{view.t('back')}</span></a></div>;
}

export function Alert({ kind, heading, label, children }: { kind: 'info' | 'warning' | 'success' | 'error'; heading: string; label: string; children?: Children }) {
  const icon = { info: 'info', warning: 'warning', success: 'check', error: 'error' }[kind];
  return (
    <div class={`alert alert-${kind} alert--paragraph`} role={kind === 'success' ? 'status' : undefined}>
      <Icon name={icon} label={label} />
      <div class="alert-body">
        <h2 class="alert-heading h3" safe>{heading}</h2>
        <div class="alert-text">{children}</div>
      </div>
    </div>
  );
}

export function dayText(view: View, startMs: number): string {
  return formatLongDate(localMoment(new Date(startMs)).date, view.lang);
}

export function timeText(startMs: number): string {
  return hhmm(localMoment(new Date(startMs)).minutes);
}

/** "Monday 30 November 2026 at 09:15". */
export function fullTime(view: View, startMs: number): string {
  return view.t('booking.at', { date: dayText(view, startMs), time: timeText(startMs) });
}

export interface SummaryRow {
  key: string;
  value: string;
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl class="summary-list booking-summary">
      {rows.map((r) => (
        <div class="summary-list-row">
          <dt safe>{r.key}</dt>
          <dd safe>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function HiddenFields({ fields }: { fields: [string, string][] }) {
  return <>{fields.map(([name, value]) => <input type="hidden" name={name} value={value} />)}</>;
}

/** What everyone on the booking brings, and what only some bring (nothing when the service asks for nothing). */
export function WhatToBring({ view, bring }: { view: View; bring: { always: string[]; some: string[] } }) {
  if (bring.always.length + bring.some.length === 0) return <></>;
  return (
    <>
      <h2 class="h3" safe>{view.t('manage.bring.title')}</h2>
      <p safe>{view.t('manage.bring.each')}</p>
      <ul>{bring.always.map((d) => <li safe>{d}</li>)}</ul>
      {bring.some.length > 0 ? <><p safe>{view.t('booking.bring.some')}</p><ul>{bring.some.map((d) => <li safe>{d}</li>)}</ul></> : ''}
    </>
  );
}
