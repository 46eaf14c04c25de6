import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';

/** One .eml file of the app's outbox (MAIL_OUTBOX_DIR), parsed. */
export interface OutboxEmail {
  readonly file: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

const addressOf = (value: AddressObject | AddressObject[] | undefined): string => {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.value[0]?.address?.toLowerCase() ?? '';
};

export async function readOutbox(dir: string): Promise<OutboxEmail[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(await readFile(join(dir, file)));
      return {
        file,
        to: addressOf(parsed.to),
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
      };
    }),
  );
}

/** The first email to `to` whose subject starts with `subject`, once it has been written. */
export async function waitForOutboxEmail(
  dir: string,
  to: string,
  subject: string,
  timeoutMs = 30_000,
): Promise<OutboxEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readOutbox(dir)).find(
      (e) => e.to === to.toLowerCase() && e.subject.startsWith(subject),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No email "${subject}…" to ${to} in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The path and "#token" of the first link to `path` in an email, to open on the app under test. */
export function linkIn(email: { text: string }, path: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${path.replace(/\//g, '\\/')}#[A-Za-z0-9_-]+)`).exec(
    email.text,
  );
  if (!match?.[1]) throw new Error(`No ${path} link in the email`);
  return match[1];
}
