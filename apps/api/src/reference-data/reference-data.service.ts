import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { STARTUP_LOCK, withAdvisoryLock } from '../database/advisory-lock';
import type { DatabaseConnection } from '../database/data-source-options';
import { DATABASE_CONNECTION } from '../database/database-connection.token';
import { InstrumentsService } from '../instruments/instruments.service';
import { OrganisationsService } from '../organisations/organisations.service';

/**
 * Reference data every deployment needs, demo or production: England's LAs and the published
 * instrument versions. Idempotent, run at every start.
 */
@Injectable()
export class ReferenceDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReferenceData');

  constructor(
    private readonly organisations: OrganisationsService,
    private readonly instruments: InstrumentsService,
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
  ) {}

  private ready: Promise<void> | null = null;

  /** Resolves once the reference data is in place; later callers share the first run. */
  ensure(): Promise<void> {
    this.ready ??= this.load();
    return this.ready;
  }

  onApplicationBootstrap(): Promise<void> {
    return this.ensure();
  }

  /** Under the startup lock on a server, so instances starting together load one after the other. */
  private load(): Promise<void> {
    const { embedded, url } = this.connection;
    return embedded ? this.loadNow() : withAdvisoryLock(url, STARTUP_LOCK, () => this.loadNow());
  }

  private async loadNow(): Promise<void> {
    const count = await this.organisations.importSeedList();
    await this.instruments.publishKnownVersions();
    this.logger.log(`${count} organisations and the published instruments are in place`);
  }
}
