import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { SettingsModule } from '../settings/settings.module';
import { AdminController } from './admin.controller';
import { StaffAdminService } from './staff-admin.service';

@Module({
  imports: [AccountsModule, AuditModule, AuthModule, SettingsModule, OrganisationsModule],
  controllers: [AdminController],
  providers: [StaffAdminService],
})
export class AdminModule {}
