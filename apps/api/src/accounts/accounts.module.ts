import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { AccountsService } from './accounts.service';
import { StaffAccount } from './staff-account.entity';

@Module({
  imports: [TypeOrmModule.forFeature([StaffAccount, Organisation])],
  providers: [AccountsService],
  exports: [AccountsService],
})
export class AccountsModule {}
