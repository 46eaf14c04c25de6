import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
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

  private async load(): Promise<void> {
    const count = await this.organisations.importSeedList();
    await this.instruments.publishKnownVersions();
    this.logger.log(`${count} organisations and the published instruments are in place`);
  }
}
