import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResponsesService } from './responses.service';
import { SurveyResponse } from './survey-response.entity';

@Module({
  imports: [TypeOrmModule.forFeature([SurveyResponse])],
  providers: [ResponsesService],
  exports: [ResponsesService],
})
export class ResponsesModule {}
