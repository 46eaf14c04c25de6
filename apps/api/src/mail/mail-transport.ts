/** One email, as the features write it; the transport decides how it leaves (SMTP or the outbox). */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /**
   * RFC 8058 one-click unsubscribe: written as `List-Unsubscribe: <url>` plus
   * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, so mail programs can offer "Unsubscribe".
   */
  readonly unsubscribeUrl?: string;
}

/** Why an email did not leave. `permanent`: the server refused it for good (a bounce). */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

/**
 * Where email goes. The app uses exactly one: SMTP when SMTP_HOST is set, otherwise a folder of
 * .eml files (the outbox), so `npm start` works with no mail server.
 */
export abstract class MailTransport {
  /** Resolves once the email is accepted; rejects with MailDeliveryError. */
  abstract send(mail: OutgoingMail): Promise<void>;
  /** e.g. "SMTP smtp.example.org:587" or "outbox /srv/app/.data/outbox", for the start-up log. */
  abstract describe(): string;
  abstract close(): Promise<void>;
}
