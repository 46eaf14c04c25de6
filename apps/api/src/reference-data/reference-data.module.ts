import { Module } from '@nestjs/common';
import { InstrumentsModule } from '../instruments/instruments.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ReferenceDataService } from './reference-data.service';

@Module({
  imports: [OrganisationsModule, InstrumentsModule],
  providers: [ReferenceDataService],
  exports: [ReferenceDataService],
})
export class ReferenceDataModule {}
