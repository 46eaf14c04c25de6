import { Get, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
} from '@nestjs/swagger';
import type { ValidationReport } from '@swhc/contracts';
import { validationPdfFilename } from '@swhc/report-view';
import type { Response } from 'express';
import { sendAsAttachment } from '../../common/attachment';
import { ResearchController } from '../research-controller.decorator';
import { ValidationQueryDto } from './dto/validation-query.dto';
import { ValidationReportService } from './validation-report.service';
import { validationPdf } from './validation-pdf';

/** The instrument's validation report (researchers and administrators). */
@ResearchController()
export class ValidationController {
  constructor(private readonly validation: ValidationReportService) {}

  @Get('validation')
  @ApiOkResponse({
    description:
      'Item statistics, reliability, the CFA and measurement invariance over the closed waves of the version',
  })
  @ApiBadRequestResponse({ description: '{message, errors:[{field, message}]}' })
  @ApiNotFoundResponse({ description: 'No such instrument version' })
  report(@Query() query: ValidationQueryDto): Promise<ValidationReport> {
    return this.validation.report(query.instrument, Number(query.version));
  }

  @Get('validation.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The same report as a PDF (A4), for reading and citing offline' })
  @ApiBadRequestResponse({ description: '{message, errors:[{field, message}]}' })
  @ApiNotFoundResponse({ description: 'No such instrument version' })
  async reportPdf(
    @Query() query: ValidationQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const report = await this.validation.report(query.instrument, Number(query.version));
    const body = await validationPdf(report);
    sendAsAttachment(res, validationPdfFilename(report));
    return new StreamableFile(body, { type: 'application/pdf', length: body.length });
  }
}
