import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/public.decorator';
import { Roles } from '../common/roles.decorator';
import {
  clearSessionCookie,
  cookieShouldBeSecure,
  sessionTokenOf,
  setSessionCookie,
} from '../common/session-cookie';
import { CurrentStaff, type SignedInStaff } from '../common/signed-in-staff';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { AuthService } from './auth.service';
import { LoginDto, StaffProfileDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: StaffProfileDto, description: 'Signed in; sets the session cookie' })
  @ApiBadRequestResponse({ description: '{message, errors:[{field, message}]}' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the same answer for both)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; see Retry-After' })
  @ApiForbiddenResponse({ description: 'Sent from another site' })
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StaffProfileDto> {
    const secure = cookieShouldBeSecure(req, this.config.secureCookies);
    try {
      const { profile, session } = await this.auth.login({
        email: body.email,
        password: body.password,
        address: req.ip ?? req.socket.remoteAddress,
        previousToken: sessionTokenOf(req),
      });
      setSessionCookie(res, session.token, secure, session.expiresAt.getTime() - Date.now());
      res.setHeader('Cache-Control', 'no-store');
      return profile;
    } catch (error) {
      // A failed sign-in leaves no session behind (the error filter adds Retry-After when locked).
      if (sessionTokenOf(req)) clearSessionCookie(res, secure);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Signed out (also when there was no session)' })
  @ApiForbiddenResponse({ description: 'Sent from another site' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(sessionTokenOf(req));
    clearSessionCookie(res, cookieShouldBeSecure(req, this.config.secureCookies));
  }

  @Roles('admin', 'psw', 'researcher')
  @ApiCookieAuth()
  @Get('me')
  @ApiOkResponse({ type: StaffProfileDto, description: 'Who is signed in' })
  @ApiUnauthorizedResponse({ description: 'Not signed in' })
  async me(
    @CurrentStaff() staff: SignedInStaff,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StaffProfileDto> {
    res.setHeader('Cache-Control', 'no-store');
    return this.auth.profile(staff.accountId);
  }
}
