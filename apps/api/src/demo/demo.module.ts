import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { WavesModule } from '../waves/waves.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [ReferenceDataModule, WavesModule], providers: [DemoSeedService] })
export class DemoModule {}
