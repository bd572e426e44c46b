/**
 * The plan's deadlines as an iCalendar file (RFC 5545): one all-day event per dated step of every person who moves,
 * with a reminder two days before. All-day events carry a date, not a time, so no time zone can shift them.
 *
 * Each event's UID is the step's key in the plan (the step and whose it is), not its date: importing the file again
 * after changing an answer updates the events instead of adding new ones. SEQUENCE grows with time, so a calendar
 * takes the newer file as the newer version of each event.
 */
import ical, { ICalAlarmType } from 'ical-generator';
import { parts } from '../../../kernel/dates/local-date.js';
import type { Plan } from '../app/read-model.js';
import type { Texts } from '../../../platform/i18n/texts.js';

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
  const family = plan.people.length > 1;
  // Minutes since 2020: an integer that only grows, well within SEQUENCE's range for centuries.
  const sequence = Math.floor((now.getTime() - Date.UTC(2020, 0, 1)) / 60_000);
  for (const step of plan.steps) {
    if (!step.deadline || step.status === 'done') continue;
    const { year, month, day } = parts(step.deadline);
    const title = family ? `${step.title} (${step.person.label})` : step.title;
    calendar.createEvent({
      id: `${step.key}@plan.ics.localhost`,
      sequence,
      start: new Date(Date.UTC(year, month - 1, day)),
      allDay: true,
      stamp: now,
      summary: `${t('plan.deadline')}: ${title}`,
      description: `${family ? `${t('plan.for', { person: step.person.label })}\n\n` : ''}${step.deadlineRule}\n\n${step.summary}\n\n${t('ics.description', { url: planUrl })}`,
      url: planUrl,
      alarms: [{ type: ICalAlarmType.display, trigger: 2 * 24 * 3600, description: title }],
    });
  }
  return calendar.toString();
}
