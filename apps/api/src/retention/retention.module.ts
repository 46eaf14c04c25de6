import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { RetentionService } from './retention.service';

@Module({ imports: [AuditModule, AuthModule], providers: [RetentionService] })
export class RetentionModule {}
