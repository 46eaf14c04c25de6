import { composePanelEmail, londonClosingTime } from './panel-emails';

const links = {
  manage: 'https://hc.test/panel/manage#m',
  oneClickUnsubscribe: 'https://hc.test/api/panel/unsubscribe/m',
};

describe('panel emails', () => {
  it('says closing times in London time, GOV.UK style', () => {
    expect(londonClosingTime(new Date('2026-03-13T17:00:00Z'))).toBe('Friday 13 March 2026 at 5pm');
    expect(londonClosingTime(new Date('2026-07-10T16:30:00Z'))).toBe(
      'Friday 10 July 2026 at 5:30pm',
    );
    expect(londonClosingTime(new Date('2026-07-10T11:00:00Z'))).toBe(
      'Friday 10 July 2026 at midday',
    );
  });

  it('gives every email to a member a manage link and one-click unsubscribe headers', () => {
    const invitation = composePanelEmail({
      kind: 'invitation',
      to: 'a@b.test',
      poll: { title: 'Pulse 3', closesAt: new Date('2026-03-13T17:00:00Z'), questions: 2 },
      answer: 'https://hc.test/panel/poll#p',
      links,
    });
    expect(invitation.subject).toBe('New poll: Pulse 3');
    expect(invitation.unsubscribeUrl).toBe(links.oneClickUnsubscribe);
    expect(invitation.text).toContain('Answer the poll:\nhttps://hc.test/panel/poll#p');
    expect(invitation.text).toContain('(https://hc.test/panel/manage#m)');
    expect(invitation.html).toContain('<a href="https://hc.test/panel/poll#p">Answer the poll</a>');
    for (const kind of ['confirm', 'already-member'] as const) {
      const mail = composePanelEmail({
        kind,
        to: 'a@b.test',
        confirm: 'https://hc.test/panel/confirm#c',
        days: 7,
        links,
      });
      expect(mail.unsubscribeUrl).toBe(links.oneClickUnsubscribe);
      expect(mail.text).toContain('https://hc.test/panel/manage#m');
    }
  });

  it('sends the goodbye without links to a membership that no longer exists', () => {
    const goodbye = composePanelEmail({
      kind: 'goodbye',
      to: 'a@b.test',
      join: 'https://hc.test/panel/join',
    });
    expect(goodbye.unsubscribeUrl).toBeUndefined();
    expect(goodbye.text).toContain('join again (https://hc.test/panel/join)');
    expect(goodbye.text).not.toContain('manage');
  });

  it('escapes what it puts in HTML', () => {
    const mail = composePanelEmail({
      kind: 'reminder',
      to: 'a@b.test',
      poll: {
        title: '<b>Fish & chips</b>',
        closesAt: new Date('2026-03-13T17:00:00Z'),
        questions: 1,
      },
      answer: 'https://hc.test/panel/poll#p',
      links,
    });
    expect(mail.html).toContain('&lt;b&gt;Fish &amp; chips&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>');
  });
});
