import { ApiProperty } from '@nestjs/swagger';
import type { ServiceKind, SurveyDefinitionResponse, SurveyResponseReceipt } from '@swhc/contracts';

class WaveSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Health Check 2026' }) name: string;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
}

class OrganisationSummaryDto {
  @ApiProperty({ example: 'E06000001' }) gssCode: string;
  @ApiProperty({ example: 'Hartlepool' }) name: string;
}

class InstrumentVersionDto {
  @ApiProperty({ example: 'health-check' }) key: string;
  @ApiProperty({ example: 1 }) version: number;
}

export class SurveyDefinitionDto implements SurveyDefinitionResponse {
  @ApiProperty() code: string;
  @ApiProperty({ type: WaveSummaryDto }) wave: WaveSummaryDto;
  @ApiProperty({ type: OrganisationSummaryDto }) organisation: OrganisationSummaryDto;
  @ApiProperty({ enum: ['children', 'adults'] }) service: ServiceKind;
  @ApiProperty({ type: InstrumentVersionDto }) instrument: InstrumentVersionDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'SurveyJS JSON' })
  survey: Record<string, unknown>;
}

export class SurveyResponseReceiptDto implements SurveyResponseReceipt {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
}
