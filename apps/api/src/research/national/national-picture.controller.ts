import { Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
} from '@nestjs/swagger';
import type { NationalPicture } from '@swhc/contracts';
import type { Response } from 'express';
import { sendAsAttachment } from '../../common/attachment';
// The same ?wave=&service= as the LA report: one rule for both.
import { ReportQueryDto } from '../../reports/dto/report-query.dto';
import { ResearchController } from '../research-controller.decorator';
import { nationalCsv, nationalCsvFilename } from './national-csv';
import { NationalPictureService } from './national-picture.service';

/** England's and the regions' scores, every LA by name, trends (researchers and administrators). */
@ResearchController()
@ApiBadRequestResponse({ description: '{message, errors:[{field, message}]}' })
@ApiNotFoundResponse({ description: 'No closed wave, or not this one' })
export class NationalPictureController {
  constructor(private readonly national: NationalPictureService) {}

  @Get('national')
  @ApiOkResponse({ description: 'The national picture (libs/contracts NationalPicture)' })
  picture(@Query() query: ReportQueryDto): Promise<NationalPicture> {
    return this.national.picture(query.wave, query.service ?? 'children');
  }

  @Get('national.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The national picture’s tables as CSV' })
  async csv(
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const picture = await this.national.picture(query.wave, query.service ?? 'children');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    sendAsAttachment(res, nationalCsvFilename(picture));
    return nationalCsv(picture);
  }
}
