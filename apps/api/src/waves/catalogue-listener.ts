import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/** The PostgreSQL channel on which instances tell each other that a wave or link changed. */
export const CATALOGUE_CHANNEL = 'survey_catalogue';

const RETRY_MS = [250, 1000, 5000] as const;

/**
 * One connection that LISTENs on the catalogue channel and hands every notification's payload to
 * `onChange`. It tells `onListening` when it starts listening (true) and when it loses its
 * connection (false): notifications may have been missed in between. Reconnects by itself, with a
 * growing pause, until stopped.
 */
export class CatalogueListener {
  private readonly logger = new Logger('SurveyCatalogue');
  private client: Client | null = null;
  private stopped = false;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly onChange: (payload: string) => void,
    private readonly onListening: (listening: boolean) => void,
  ) {}

  /** Resolves once listening, or once the first attempt failed (it keeps trying after that). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'swhc-catalogue' });
    client.on('notification', (message) => {
      if (message.channel === CATALOGUE_CHANNEL) this.onChange(message.payload ?? '');
    });
    const lost = (): void => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners('end');
      void client.end().catch(() => undefined);
      this.onListening(false);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CATALOGUE_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      this.failures = 0;
      this.onListening(true);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.logger.warn(
        `Cannot listen for survey link changes (${error instanceof Error ? error.message : String(error)}); retrying`,
      );
      this.onListening(false);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delay = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)] ?? 5000;
    this.failures++;
    this.retry = setTimeout(() => void this.connect(), delay);
    this.retry.unref();
  }
}
