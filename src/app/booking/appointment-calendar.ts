/**
 * An appointment as an iCalendar file (RFC 5545). Times are written in Danish wall-clock time with
 * TZID=Europe/Copenhagen and the zone's own definition (the EU summer-time rule), so a calendar anywhere shows the
 * right hour on either side of the change of summer time. One UID per booking; each change raises SEQUENCE, and a
 * cancellation is sent with METHOD:CANCEL so calendars remove it.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { hhmm, localMoment, ZONE } from '../../domain/time/copenhagen-clock.js';

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Copenhagen',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** "2027-03-29T09:00:00": the wall-clock time in Denmark, which ical-generator writes with the TZID. */
function local(ms: number): string {
  const { date, minutes } = localMoment(new Date(ms));
  return `${date}T${hhmm(minutes)}:00`;
}

export interface AppointmentEvent {
  bookingId: string;
  /** Rises with every change of the booking. */
  sequence: number;
  startMs: number;
  endMs: number;
  summary: string;
  description: string;
  location: string;
  url: string;
  cancelled: boolean;
  stampMs: number;
  lang: 'en' | 'da';
}

export function appointmentCalendar(event: AppointmentEvent): string {
  const calendar = ical({
    prodId: { company: 'International Citizen Service', product: 'ICS booking', language: event.lang.toUpperCase() },
    method: event.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: () => VTIMEZONE },
  });
  calendar.createEvent({
    id: `${event.bookingId}@ics-booking`,
    sequence: event.sequence,
    start: local(event.startMs),
    end: local(event.endMs),
    timezone: ZONE,
    stamp: new Date(event.stampMs),
    summary: event.summary,
    description: event.description,
    location: event.location,
    url: event.url,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
