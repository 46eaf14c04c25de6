import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [ReferenceDataModule], providers: [DemoSeedService] })
export class DemoModule {}
