import { Module } from '@nestjs/common';
import { InstrumentsModule } from '../instruments/instruments.module';
import { ResponsesModule } from '../responses/responses.module';
import { WavesModule } from '../waves/waves.module';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

@Module({
  imports: [WavesModule, InstrumentsModule, ResponsesModule],
  controllers: [SurveysController],
  providers: [SurveysService],
})
export class SurveysModule {}
