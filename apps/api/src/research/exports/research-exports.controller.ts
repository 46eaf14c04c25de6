import { Body, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { ExportOptions, ResearchExportCreated, ResearchExportStatus } from '@swhc/contracts';
import type { Response } from 'express';
import { sendAsAttachment } from '../../common/attachment';
import { CurrentStaff, type SignedInStaff } from '../../common/signed-in-staff';
import { ResearchController } from '../research-controller.decorator';
import { ResearchExportsService } from './research-exports.service';

/** Anonymised record-level exports for researchers (and administrators). */
@ResearchController()
export class ResearchExportsController {
  constructor(private readonly exports: ResearchExportsService) {}

  @Get('export-options')
  @ApiOkResponse({
    description:
      'Closed waves per instrument version and the variables to choose from, and closed polls',
  })
  options(): Promise<ExportOptions> {
    return this.exports.options();
  }

  @Get('exports')
  @ApiOkResponse({ description: 'Your exports (all exports for an administrator), newest first' })
  list(@CurrentStaff() staff: SignedInStaff): Promise<ResearchExportStatus[]> {
    return this.exports.list(staff);
  }

  @Post('exports')
  @HttpCode(HttpStatus.CREATED)
  @ApiBody({
    description: 'One or more closed waves or closed panel polls (or both)',
    schema: {
      type: 'object',
      properties: {
        waves: { type: 'array', items: { type: 'string', format: 'uuid' } },
        polls: { type: 'array', items: { type: 'string', format: 'uuid' } },
        variables: {
          type: 'array',
          items: { type: 'string' },
          description: 'Variables of the waves; all when left out',
        },
      },
    },
  })
  @ApiCreatedResponse({ description: '{id}: the export is queued' })
  @ApiUnprocessableEntityResponse({
    description: 'The export cannot be made anonymous (why, in errors)',
  })
  create(
    @CurrentStaff() staff: SignedInStaff,
    @Body() body: unknown,
  ): Promise<ResearchExportCreated> {
    return this.exports.request(staff, body);
  }

  @Get('exports/:id')
  @ApiOkResponse({ description: 'Status and progress' })
  @ApiNotFoundResponse({ description: 'No such export, or another researcher’s' })
  status(
    @CurrentStaff() staff: SignedInStaff,
    @Param('id') id: string,
  ): Promise<ResearchExportStatus> {
    return this.exports.status(staff, id);
  }

  @Get('exports/:id/download')
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description:
      'The ZIP: data.csv, codebook.json, codebook.html, labels.sps, labels.do, labels.R, README.md',
  })
  @ApiConflictResponse({ description: 'Not ready yet' })
  async download(
    @CurrentStaff() staff: SignedInStaff,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, sizeBytes, chunks } = await this.exports.download(staff, id);
    res.status(200);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Length', String(sizeBytes));
    sendAsAttachment(res, filename);
    for await (const chunk of chunks) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }
}
