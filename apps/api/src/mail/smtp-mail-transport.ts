import { createTransport, type Transporter } from 'nodemailer';
import type { SmtpSettings } from '../config/app-config';
import { nodemailerOptions } from './mail-options';
import { MailDeliveryError, MailTransport, type OutgoingMail } from './mail-transport';

interface NodemailerFailure {
  code?: string;
  responseCode?: number;
  permanent?: boolean;
}

/** Email through an SMTP server, over a pool of reused connections (one per message is ~100× slower). */
export class SmtpMailTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(
    private readonly settings: SmtpSettings,
    private readonly from: string,
  ) {
    super();
    this.transporter = createTransport({
      pool: true,
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      maxConnections: settings.poolSize,
      ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transporter.sendMail(nodemailerOptions(this.from, mail));
    } catch (error) {
      const failure = error as NodemailerFailure;
      // A refused recipient or message (5xx) will be refused again: a bounce. A refused login is
      // our configuration, not the recipient, so it is retried like a network failure.
      const permanent = failure.permanent === true && failure.code !== 'EAUTH';
      const detail = failure.responseCode
        ? `SMTP ${failure.responseCode}`
        : (failure.code ?? 'unknown error');
      throw new MailDeliveryError(`The mail server did not take the email (${detail})`, permanent);
    }
  }

  describe(): string {
    return `SMTP ${this.settings.host}:${this.settings.port}`;
  }

  close(): Promise<void> {
    this.transporter.close();
    return Promise.resolve();
  }
}
