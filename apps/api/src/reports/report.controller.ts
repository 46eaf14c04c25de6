import { Body, Controller, Get, Param, Put, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { HeadcountResponse, LaReport } from '@swhc/contracts';
import type { Response } from 'express';
import { sendAsAttachment } from '../common/attachment';
import { Roles } from '../common/roles.decorator';
import { CurrentStaff, type SignedInStaff } from '../common/signed-in-staff';
import { HeadcountDto } from './dto/headcount.dto';
import { ReportQueryDto } from './dto/report-query.dto';
import { ReportService } from './report.service';

/** An LA's results for its PSW (or an admin). Another LA's report is "not found", as a missing one. */
@ApiTags('reports')
@Controller('organisations/:gssCode')
@Roles('admin', 'psw')
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@ApiNotFoundResponse({ description: 'No such LA, or not one the caller may see' })
@ApiBadRequestResponse({ description: '{message, errors:[{field, message}]}' })
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  @Get('report')
  @ApiOkResponse({ description: 'The LA report (libs/contracts LaReport)' })
  report(
    @CurrentStaff() staff: SignedInStaff,
    @Param('gssCode') gssCode: string,
    @Query() query: ReportQueryDto,
  ): Promise<LaReport> {
    return this.reports.viewReport(staff, gssCode, query);
  }

  @Get('report.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The aggregate tables of the report as CSV' })
  async reportCsv(
    @CurrentStaff() staff: SignedInStaff,
    @Param('gssCode') gssCode: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { filename, body } = await this.reports.exportCsv(staff, gssCode, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    sendAsAttachment(res, filename);
    return body;
  }

  @Get('report.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The report as a PDF: a two-page summary, then the full report' })
  async reportPdf(
    @CurrentStaff() staff: SignedInStaff,
    @Param('gssCode') gssCode: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { filename, body } = await this.reports.exportPdf(staff, gssCode, query);
    sendAsAttachment(res, filename);
    return new StreamableFile(body, { type: 'application/pdf', length: body.length });
  }

  @Put('headcount')
  @ApiOkResponse({ description: 'The headcount as stored' })
  setHeadcount(
    @CurrentStaff() staff: SignedInStaff,
    @Param('gssCode') gssCode: string,
    @Body() body: HeadcountDto,
  ): Promise<HeadcountResponse> {
    return this.reports.setHeadcount(staff, gssCode, body);
  }
}
