import { defineQueue } from './job-queue';
import { dedupId } from './jobs.service';

describe('job queues', () => {
  it('takes lower-case names with hyphens only (they name tables and log lines)', () => {
    expect(defineQueue('send-invitation').name).toBe('send-invitation');
    for (const name of ['', 'Send', 'send invitation', 'send_invitation', '-x', 'x'.repeat(51)]) {
      expect(() => defineQueue(name)).toThrow(/lower-case/);
    }
  });

  it('makes one UUID-shaped job id per queue and dedup key', () => {
    const id = dedupId('send-invitation', 'panel-member-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(dedupId('send-invitation', 'panel-member-1')).toBe(id);
    expect(dedupId('send-invitation', 'panel-member-2')).not.toBe(id);
    expect(dedupId('send-reminder', 'panel-member-1')).not.toBe(id);
  });
});
