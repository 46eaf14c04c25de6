import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './free-port';

/** One email as the sink received it, parsed. */
export interface ReceivedEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Header name (lower case) → raw value, e.g. 'list-unsubscribe-post'. */
  readonly headers: ReadonlyMap<string, string>;
  /** List-Unsubscribe URL, if any. */
  readonly unsubscribeUrl: string | null;
}

export interface SmtpSinkOptions {
  /** Recipients refused at RCPT TO with 550 (a bounce). */
  readonly reject?: (address: string) => boolean;
  /**
   * Called before each message is accepted; the message is only accepted (250) when it resolves.
   * A sender killed meanwhile has not delivered it.
   */
  readonly beforeAccept?: () => Promise<void>;
}

/** A real SMTP server on a loopback port that keeps every email it accepts. */
export interface SmtpSink {
  readonly port: number;
  readonly received: ReceivedEmail[];
  /** Environment for the app: SMTP to this sink. */
  readonly env: Record<string, string>;
  /** Resolves once `count` emails (in total) have been accepted. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  /** Resolves with the emails to one address once there are `count` of them. */
  waitForTo(address: string, count?: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  /** The emails to one address. */
  to(address: string): ReceivedEmail[];
  /** Resolves once no client is connected (e.g. the sink has seen a killed sender's sockets close). */
  waitForNoClients(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const addressOf = (value: AddressObject | AddressObject[] | undefined): string => {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.value[0]?.address?.toLowerCase() ?? '';
};

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const port = await freePort();
  const received: ReceivedEmail[] = [];
  const waiters: (() => void)[] = [];
  /** Sessions whose client has gone: a message it never got the "250 OK" for was not delivered. */
  const closed = new Set<string>();
  const open = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(session, callback) {
      open.add(session.id);
      callback();
    },
    onClose(session) {
      open.delete(session.id);
      closed.add(session.id);
      for (const wake of waiters.splice(0)) wake();
    },
    onRcptTo(address, _session, callback) {
      if (options.reject?.(address.address.toLowerCase())) {
        const error = Object.assign(new Error('No such mailbox'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void (async () => {
          await options.beforeAccept?.();
          if (closed.has(session.id)) {
            callback(new Error('The client has gone'));
            return;
          }
          const parsed = await simpleParser(Buffer.concat(chunks));
          const headers = new Map<string, string>();
          for (const line of parsed.headerLines) headers.set(line.key, line.line);
          const list = parsed.headers.get('list') as { unsubscribe?: { url?: string } } | undefined;
          received.push({
            to: addressOf(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers,
            unsubscribeUrl: list?.unsubscribe?.url ?? null,
          });
          callback();
          for (const wake of waiters.splice(0)) wake();
        })().catch((error: unknown) => callback(error as Error));
      });
    },
  });
  // A killed client resets its connections; the server reports that as an error event.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  /** Waits for new emails or closed connections (no polling) until `done`, or fails after the timeout. */
  const until = async (done: () => boolean, timeoutMs: number, what: () => string) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`The SMTP sink received ${what()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  return {
    port,
    received,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false' },
    async waitFor(count, timeoutMs = 20_000) {
      await until(
        () => received.length >= count,
        timeoutMs,
        () => `${received.length} emails, not ${count}`,
      );
      return received;
    },
    async waitForTo(address, count = 1, timeoutMs = 20_000) {
      const mine = () => received.filter((e) => e.to === address.toLowerCase());
      await until(
        () => mine().length >= count,
        timeoutMs,
        () => `${mine().length} emails to ${address}, not ${count}`,
      );
      return mine();
    },
    to: (address) => received.filter((e) => e.to === address.toLowerCase()),
    async waitForNoClients(timeoutMs = 20_000) {
      await until(
        () => open.size === 0,
        timeoutMs,
        () => `emails from ${open.size} clients still connected`,
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token after "#" in the first link of an email's text that starts with `prefix`. */
export function linkToken(email: ReceivedEmail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/\//g, '\\/')}#([A-Za-z0-9_-]+)`).exec(
    email.text,
  );
  if (!match?.[1]) throw new Error(`No ${path} link in "${email.subject}"`);
  return match[1];
}
