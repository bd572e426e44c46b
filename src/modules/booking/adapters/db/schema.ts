/**
 * The tables, as Kysely sees them. Instants are whole milliseconds since 1970 (UTC); local dates are text.
 * Personal data (name, e-mail, phone) lives only in `bookings` and `outbox`, and is erased 30 days after the
 * appointment.
 */
import type { Generated } from 'kysely';
import type { Lang } from '../../../../kernel/i18n/locales.js';

export interface SlotUsageTable {
  office_id: string;
  service: string;
  start_ms: number;
  capacity: number;
  used: number;
}

export interface HoldsTable {
  id: string;
  office_id: string;
  service: string;
  start_ms: number;
  end_ms: number;
  people: number;
  client_key: string;
  created_ms: number;
  expires_ms: number;
  status: 'active' | 'used' | 'released';
}

export interface BookingsTable {
  id: string;
  reference: string;
  hold_id: string;
  office_id: string;
  service: string;
  start_ms: number;
  end_ms: number;
  people: number;
  name: string | null;
  email: string | null;
  email_key: string | null;
  phone: string | null;
  language: Lang;
  status: 'confirmed' | 'cancelled' | 'past';
  version: number;
  reminded: number;
  created_ms: number;
  updated_ms: number;
  erased_ms: number | null;
}

export interface BookingTokensTable {
  token_hash: string;
  booking_id: string;
  state: 'current' | 'rescheduled' | 'cancelled';
  created_ms: number;
}

export interface OutboxTable {
  id: string;
  booking_id: string | null;
  kind: 'confirmation' | 'reminder' | 'rescheduled' | 'cancelled' | 'link' | 'already-booked';
  dedupe_key: string;
  to_address: string | null;
  language: Lang;
  subject: string;
  body_text: string;
  ics: string | null;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_ms: number;
  claimed_until_ms: number | null;
  sent_ms: number | null;
  created_ms: number;
  last_error: string | null;
  /** The booking as the message tells it (JSON); null in rows written before messages were worded when sent. */
  event: string | null;
  /** The token of the link the message carries, until it is sent. */
  link_token: string | null;
  /** When the sender began to give the mail server the message's end (it is then never sent again). */
  handed_ms: number | null;
}

export interface BookingAttemptsTable {
  reference: string;
  office_id: string;
  service: string;
  people: number;
  deadline: string;
  tried_ms: number;
  earliest_start_ms: number | null;
}

export interface AuditLogTable {
  id: string;
  at_ms: number;
  actor: string;
  action: string;
  booking_id: string;
}

export interface LanguagesTable {
  code: string;
}

export interface Database {
  languages: LanguagesTable;
  slot_usage: SlotUsageTable;
  holds: HoldsTable;
  bookings: BookingsTable;
  booking_tokens: BookingTokensTable;
  outbox: OutboxTable;
  booking_attempts: BookingAttemptsTable;
  audit_log: AuditLogTable;
}

export type { Generated };
