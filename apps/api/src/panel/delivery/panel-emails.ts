import { londonDateTimeToTheMinute } from '@swhc/contracts';
import type { OutgoingMail } from '../../mail/mail-transport';

/** Links that every email to a member carries (RFC 8058 one-click included). */
export interface MembershipLinks {
  readonly manage: string;
  readonly oneClickUnsubscribe: string;
}

export type PanelEmail =
  | { kind: 'confirm'; to: string; confirm: string; days: number; links: MembershipLinks }
  | { kind: 'already-member'; to: string; links: MembershipLinks }
  | { kind: 'goodbye'; to: string; join: string }
  | {
      kind: 'invitation' | 'reminder';
      to: string;
      poll: { title: string; closesAt: Date; questions: number };
      answer: string;
      links: MembershipLinks;
    };

const SIGNATURE = 'Social Work Health Check polling panel';

/** "Friday 13 March 2026 at 5pm" in London time. */
export function londonClosingTime(instant: Date): string {
  const [date = '', time = '00:00'] = londonDateTimeToTheMinute(instant).split('T');
  const noon = new Date(`${date}T12:00:00Z`);
  const part = (options: Intl.DateTimeFormatOptions) =>
    noon.toLocaleDateString('en-GB', { ...options, timeZone: 'UTC' });
  // GOV.UK style: "Friday 13 March 2026", no comma.
  const day = `${part({ weekday: 'long' })} ${part({ day: 'numeric', month: 'long', year: 'numeric' })}`;
  const [h = 0, m = 0] = time.split(':').map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  const suffix = h < 12 ? 'am' : 'pm';
  const clock = m === 0 ? `${hour}${suffix}` : `${hour}:${String(m).padStart(2, '0')}${suffix}`;
  return `${day} at ${h === 12 && m === 0 ? 'midday' : clock}`;
}

interface Body {
  readonly subject: string;
  /** Paragraphs; a paragraph that is a link is written as [text](url). */
  readonly paragraphs: readonly string[];
  readonly footer?: MembershipLinks;
}

function bodyOf(email: PanelEmail): Body {
  switch (email.kind) {
    case 'confirm':
      return {
        subject: 'Confirm that you want to join the polling panel',
        paragraphs: [
          'Thank you for signing up to the Social Work Health Check polling panel.',
          'To finish joining, confirm your email address:',
          `[Confirm my email address](${email.confirm})`,
          `This link works once and expires in ${email.days} days. If you do not confirm, we delete your details when it expires.`,
          'If you did not sign up, you can ignore this email.',
        ],
        footer: email.links,
      };
    case 'already-member':
      return {
        subject: 'You are already a member of the polling panel',
        paragraphs: [
          'Someone, probably you, tried to join the Social Work Health Check polling panel with this email address.',
          'You are already a member, so nothing has changed. You can check or change your details, pause your membership or leave:',
          `[Manage your membership](${email.links.manage})`,
          'If this was not you, you can ignore this email.',
        ],
        footer: email.links,
      };
    case 'goodbye':
      return {
        subject: 'You have left the polling panel',
        paragraphs: [
          'You have left the Social Work Health Check polling panel. We have deleted your email address and profile, and we will not email you again.',
          'Answers you gave to earlier polls stay in the results. They were never linked to you.',
          `If you change your mind, you can [join again](${email.join}).`,
        ],
      };
    case 'invitation':
    case 'reminder': {
      const closes = londonClosingTime(email.poll.closesAt);
      const questions =
        email.poll.questions === 1 ? '1 question' : `${email.poll.questions} questions`;
      return {
        subject:
          email.kind === 'invitation'
            ? `New poll: ${email.poll.title}`
            : `Reminder: ${email.poll.title} closes soon`,
        paragraphs: [
          email.kind === 'invitation'
            ? `A new poll is open: ${email.poll.title}. It has ${questions} and takes about a minute.`
            : `You have not answered ${email.poll.title} yet. It has ${questions} and closes on ${closes}.`,
          `[Answer the poll](${email.answer})`,
          `This link is personal: it works once, until the poll closes on ${closes}. Your answers are anonymous: we record that you answered separately from what you answered, with nothing linking the two.`,
        ],
        footer: email.links,
      };
    }
  }
}

const LINK = /^(.*)\[([^\]]+)\]\(([^)]+)\)(.*)$/;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function textParagraph(paragraph: string): string {
  const match = LINK.exec(paragraph);
  if (!match) return paragraph;
  const [, before = '', label = '', url = '', after = ''] = match;
  return before === '' && after === '' ? `${label}:\n${url}` : `${before}${label} (${url})${after}`;
}

function htmlParagraph(paragraph: string): string {
  const match = LINK.exec(paragraph);
  if (!match) return `<p>${escapeHtml(paragraph)}</p>`;
  const [, before = '', label = '', url = '', after = ''] = match;
  return `<p>${escapeHtml(before)}<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>${escapeHtml(after)}</p>`;
}

/** Plain text and simple HTML (no images, no tracking), GOV.UK plain English. */
export function composePanelEmail(email: PanelEmail): OutgoingMail {
  const body = bodyOf(email);
  const footer = body.footer
    ? [
        `You get this email because this address joined, or asked to join, the Social Work Health Check polling panel. [Manage your membership](${body.footer.manage}): change your details, pause for a few weeks or leave.`,
      ]
    : [];
  const text = [...body.paragraphs, ...footer, SIGNATURE].map(textParagraph).join('\n\n');
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(body.subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c;">',
    ...body.paragraphs.map(htmlParagraph),
    ...footer.map((p) => htmlParagraph(p).replace('<p>', '<p style="color: #505a5f;">')),
    `<p>${SIGNATURE}</p>`,
    '</body></html>',
  ].join('\n');
  return {
    to: email.to,
    subject: body.subject,
    text: `${text}\n`,
    html,
    ...(body.footer ? { unsubscribeUrl: body.footer.oneClickUnsubscribe } : {}),
  };
}
