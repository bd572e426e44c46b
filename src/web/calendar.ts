/**
 * The plan's deadlines as an iCalendar file (RFC 5545): one all-day event per dated step, with a reminder two
 * days before. All-day events carry a date, not a time, so no time zone can shift them.
 */
import ical, { ICalAlarmType } from 'ical-generator';
import { parts } from '../domain/dates/local-date.js';
import type { Plan } from '../domain/plan/plan.js';
import type { Texts } from './i18n/texts.js';

export interface CalendarOptions {
  texts: Texts;
  planUrl: string;
  now: Date;
}

export function planCalendar(plan: Plan, { texts, planUrl, now }: CalendarOptions): string {
  const t = (key: string, params?: Record<string, string>) => texts.t(plan.lang, key, params);
  const calendar = ical({
    name: t('ics.name'),
    prodId: { company: 'International Citizen Service', product: 'ICS plan', language: plan.lang.toUpperCase() },
  });
  for (const step of plan.steps) {
    if (!step.deadline || step.status === 'done') continue;
    const { year, month, day } = parts(step.deadline);
    const start = new Date(Date.UTC(year, month - 1, day));
    calendar.createEvent({
      id: `${step.id}-${step.deadline}@ics-plan`,
      start,
      allDay: true,
      stamp: now,
      summary: `${t('plan.deadline')}: ${step.title}`,
      description: `${step.deadlineRule}\n\n${step.summary}\n\n${t('ics.description', { url: planUrl })}`,
      url: planUrl,
      alarms: [{ type: ICalAlarmType.display, trigger: 2 * 24 * 3600, description: step.title }],
    });
  }
  return calendar.toString();
}
