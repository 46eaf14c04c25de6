import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { StaffAccount } from '../accounts/staff-account.entity';
import { AuditModule } from '../audit/audit.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle.entity';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsService } from './sessions.service';
import { StaffSession } from './staff-session.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([StaffSession, StaffAccount, LoginThrottle]),
    AccountsModule,
    AuditModule,
  ],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, LoginThrottleService],
  exports: [SessionsService, LoginThrottleService],
})
export class AuthModule {}
