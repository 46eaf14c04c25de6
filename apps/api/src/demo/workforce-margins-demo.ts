import { ENGLISH_REGIONS, type ServiceKind } from '@swhc/contracts';
import type { EntityManager } from 'typeorm';
import { WorkforceMarginsRecord } from '../research/national/workforce-margins.entity';
import { validateWorkforceMargins } from '../research/national/workforce-margins.service';

const SOURCE =
  'Demo figures in the shape of the national workforce census (illustrative, not official statistics)';

/** Per service: people per role (the survey's roles) and per region, each adding up to the same. */
const DEMO_MARGINS: Readonly<Record<ServiceKind, { role: number[]; region: number[] }>> = {
  // asye, social-worker, senior-practitioner, team-manager, other
  children: {
    role: [3300, 17800, 6300, 4100, 1500],
    region: [2600, 3500, 5700, 1900, 4700, 4700, 2700, 3800, 3400],
  },
  adults: {
    role: [1500, 11200, 3300, 2200, 800],
    region: [1500, 2100, 3000, 1100, 2700, 2900, 1700, 2100, 1900],
  },
};
const ROLES = ['asye', 'social-worker', 'senior-practitioner', 'team-manager', 'other'];

/** Stores demo workforce margins for both services, so a fresh demo shows raked figures. */
export async function seedDemoWorkforceMargins(manager: EntityManager, now: Date): Promise<void> {
  for (const service of ['children', 'adults'] as const) {
    const figures = DEMO_MARGINS[service];
    // The same rules as an administrator's form: complete and consistent.
    const request = validateWorkforceMargins({
      service,
      source: SOURCE,
      margins: {
        role: Object.fromEntries(ROLES.map((r, i) => [r, figures.role[i]])),
        region: Object.fromEntries(ENGLISH_REGIONS.map((r, i) => [r, figures.region[i]])),
      },
    });
    await manager.getRepository(WorkforceMarginsRecord).save({
      ...request,
      updatedAt: now,
      updatedBy: null,
    });
  }
}
