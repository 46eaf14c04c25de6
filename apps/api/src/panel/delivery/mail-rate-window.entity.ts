import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Emails sent in one clock minute by every instance together: the shared counter behind
 * MAIL_RATE_PER_MINUTE. Old minutes are deleted as new ones start.
 */
@Entity('mail_rate_window')
export class MailRateWindow {
  @PrimaryColumn({ type: 'timestamptz' })
  minute: Date;

  @Column({ type: 'integer' })
  sent: number;
}
