import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SurveyLink } from './survey-link.entity';
import { Wave } from './wave.entity';
import { WavesService } from './waves.service';

@Module({
  imports: [TypeOrmModule.forFeature([Wave, SurveyLink])],
  providers: [WavesService],
  exports: [WavesService],
})
export class WavesModule {}
