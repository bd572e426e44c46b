/** Sends one e-mail. Throws when the message was not accepted (the outbox tries again later). */
export interface MailMessage {
  /** Stable for the message's whole life, so a copy sent twice after a crash is recognisably the same message. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  ics: string | null;
  /** The .ics method: PUBLISH for a new or moved appointment, CANCEL for a cancelled one. */
  icsMethod: 'PUBLISH' | 'CANCEL';
}

export interface Mailer {
  /** Where messages go, for the log: "smtp://host:port" or "files in data/outbox". */
  readonly description: string;
  /**
   * Sends it. `beforeEnd` is awaited just before the message's end goes to the mail server (the point after which
   * it has the message): the outbox records the hand-over there (ADR 10). If it throws, the message is not sent.
   */
  send(message: MailMessage, hooks?: { beforeEnd?: () => Promise<void> }): Promise<void>;
  close(): Promise<void>;
  /**
   * A mailer that keeps copies of what it sent (the .eml files of the embedded default) removes them: those of these
   * messages (the ids before the @ of their Message-IDs: the outbox rows' ids), whose booking's personal data is
   * being erased.
   */
  forget?(ids: readonly string[]): Promise<void>;
  /** ... and those older than it keeps them for. Returns how many it removed. */
  sweep?(now: Date): Promise<number>;
}
