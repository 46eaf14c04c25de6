import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { nodemailerOptions } from './mail-options';
import { MailDeliveryError, MailTransport, type OutgoingMail } from './mail-transport';

/**
 * Without a mail server: every email becomes one .eml file (open it with any mail program). The log
 * names the file, never its links: they hold tokens.
 */
export class OutboxMailTransport extends MailTransport {
  private readonly logger = new Logger('Outbox');
  private readonly composer = createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  private ready: Promise<unknown> | null = null;

  constructor(
    readonly directory: string,
    private readonly from: string,
  ) {
    super();
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      this.ready ??= mkdir(this.directory, { recursive: true });
      await this.ready;
      const info = await this.composer.sendMail(nodemailerOptions(this.from, mail));
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${randomBytes(4).toString('hex')}.eml`;
      const path = join(this.directory, name);
      // Written under another name first, so a reader never sees half a file.
      await writeFile(`${path}.part`, info.message as Buffer);
      await rename(`${path}.part`, path);
      this.logger.log(`Email "${mail.subject}" written to ${path}`);
    } catch (error) {
      throw new MailDeliveryError(
        `The email could not be written to the outbox (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        false,
      );
    }
  }

  describe(): string {
    return `outbox ${this.directory} (one .eml file per email; set SMTP_HOST to send)`;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
