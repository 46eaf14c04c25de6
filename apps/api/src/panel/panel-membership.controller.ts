import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { PanelJoinOptions, PanelMembership } from '@swhc/contracts';
import type { Response } from 'express';
import { Public } from '../common/public.decorator';
import {
  JoinPanelDto,
  PanelTokenDto,
  PausePanelMembershipDto,
  UpdatePanelProfileDto,
} from './dto/panel-member.dto';
import { MembersService } from './members/members.service';

/**
 * The public side of membership. Links from emails carry their token after "#"; the pages post it
 * here in the body, so tokens stay out of URLs (and logs). Only the one-click unsubscribe address has
 * the token in its path, as RFC 8058 requires a URL that works on its own.
 */
@ApiTags('panel')
@Public()
@Controller('panel')
export class PanelMembershipController {
  constructor(private readonly members: MembersService) {}

  @Get('join-options')
  @ApiOkResponse({ description: 'LAs, roles and regions for the sign-up form' })
  joinOptions(): Promise<PanelJoinOptions> {
    return this.members.joinOptions();
  }

  @Post('members')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    description: 'Always, whatever the address: what happens next is said by email to it',
  })
  @ApiBadRequestResponse({ description: '{message, errors:[{field, message}]}; nothing stored' })
  async join(@Body() body: JoinPanelDto): Promise<{ message: string }> {
    await this.members.join(body);
    return { message: 'Check your email: we have sent you a link to confirm your membership.' };
  }

  @Post('members/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The sign-up is now a membership' })
  @ApiNotFoundResponse({ description: 'Not a confirmation link' })
  @ApiGoneResponse({ description: 'The link has expired or has been used' })
  async confirm(@Body() body: PanelTokenDto): Promise<{ status: 'confirmed' }> {
    await this.members.confirm(body.token);
    return { status: 'confirmed' };
  }

  @Post('membership')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The membership behind a manage link' })
  @ApiNotFoundResponse({ description: 'Not a manage link (or the member has left)' })
  @ApiGoneResponse({ description: 'The link has expired' })
  membership(@Body() body: PanelTokenDto): Promise<PanelMembership> {
    return this.members.membership(body.token);
  }

  @Put('membership')
  @ApiOkResponse({ description: 'The changed membership' })
  updateProfile(@Body() body: UpdatePanelProfileDto): Promise<PanelMembership> {
    return this.members.updateProfile(body.token, body);
  }

  @Post('membership/pause')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Paused (no polls until the date given), or resumed with 0 weeks' })
  pause(@Body() body: PausePanelMembershipDto): Promise<PanelMembership> {
    return this.members.pause(body.token, body.weeks);
  }

  @Post('membership/leave')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Left: contact details and profile deleted' })
  async leave(@Body() body: PanelTokenDto): Promise<{ status: 'left' }> {
    await this.members.leave(body.token);
    return { status: 'left' };
  }

  @Post('unsubscribe/:token')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'RFC 8058 one-click unsubscribe: leaves the panel' })
  @ApiNotFoundResponse({ description: 'Not a manage link, or already left' })
  async oneClickUnsubscribe(@Param('token') token: string): Promise<{ status: 'left' }> {
    await this.members.leave(token);
    return { status: 'left' };
  }

  @Get('unsubscribe/:token')
  @ApiOkResponse({ description: 'A person who opened the unsubscribe address: to the manage page' })
  unsubscribePage(@Param('token') token: string, @Res() res: Response): void {
    // Never unsubscribes on GET (link scanners fetch links); the page asks first.
    res.redirect(HttpStatus.SEE_OTHER, `/panel/manage#${encodeURIComponent(token)}`);
  }
}
