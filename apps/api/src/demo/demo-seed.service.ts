import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SERVICE_KINDS } from '@swhc/contracts';
import { CURRENT_INSTRUMENT, findInstrument, scoreResponse } from '@swhc/instruments';
import { DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from '../accounts/password-hasher';
import { StaffAccount } from '../accounts/staff-account.entity';
import { Instrument } from '../instruments/instrument.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Poll } from '../panel/polls/poll.entity';
import { WorkforceMarginsRecord } from '../research/national/workforce-margins.entity';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { answersDigest } from '../responses/answers-digest';
import { dayOf } from '../responses/responses.service';
import { SurveyResponse } from '../responses/survey-response.entity';
import { demoLinkCode } from '../waves/link-code';
import { Wave } from '../waves/wave.entity';
import { EnrolmentsService } from '../waves/enrolments.service';
import {
  DEMO_PASSWORD,
  DEMO_SEED,
  DEMO_WAVE_2024,
  DEMO_WAVE_2025,
  DEMO_WAVE_2026,
  demoEmail,
  demoWaveDates,
} from './demo-plan';
import { seedDemoPanel } from './panel-demo';
import { seedDemoWorkforceMargins } from './workforce-margins-demo';
import { SeededRandom } from './seeded-random';
import { randomUnitProfile, syntheticAnswers } from './synthetic-responses';

/** Seeds the demo data set on first start of the embedded database (never with DATABASE_URL). */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceDataService,
    private readonly enrolments: EnrolmentsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.referenceData.ensure();
    if (!(await this.dataSource.getRepository(Wave).existsBy({ name: DEMO_WAVE_2025 }))) {
      const started = Date.now();
      const count = await this.dataSource.transaction((manager) => this.seed(manager, new Date()));
      this.logger.log(
        `Seeded demo data: ${count} synthetic responses in ${Date.now() - started} ms`,
      );
    }
    // The panel separately, so a demo database from before the panel existed gets one too.
    if (!(await this.dataSource.getRepository(Poll).exists())) {
      const started = Date.now();
      const panel = await this.dataSource.transaction(async (manager) =>
        seedDemoPanel(
          manager,
          await manager.find(Organisation, { order: { gssCode: 'ASC' } }),
          new SeededRandom(DEMO_SEED + 13),
          new Date(),
        ),
      );
      this.logger.log(
        `Seeded the demo panel: ${panel.members} members, ${panel.polls} polls, ${panel.answers} answers in ${Date.now() - started} ms`,
      );
    }
    // Workforce margins too, so the national picture shows raked figures on a fresh start.
    if (!(await this.dataSource.getRepository(WorkforceMarginsRecord).exists())) {
      await this.dataSource.transaction((manager) => seedDemoWorkforceMargins(manager, new Date()));
      this.logger.log('Seeded demo workforce margins for both services');
    }
  }

  private async seed(manager: EntityManager, now: Date): Promise<number> {
    const instrument = await manager.findOneByOrFail(Instrument, {
      key: CURRENT_INSTRUMENT.key,
      version: CURRENT_INSTRUMENT.version,
    });
    const definition = findInstrument(instrument.key, instrument.version) ?? CURRENT_INSTRUMENT;
    const organisations = await manager.find(Organisation, { order: { gssCode: 'ASC' } });
    const dates = demoWaveDates(now);
    const random = new SeededRandom(DEMO_SEED);
    let responses = 0;

    for (const [name, suffix, shift, fraction] of [
      [DEMO_WAVE_2024, '-2024', [0.06, -0.08, -0.03, -0.07], 1],
      [DEMO_WAVE_2025, '-2025', [0, 0, 0, 0], 1],
      [DEMO_WAVE_2026, '', [-0.05, 0.08, 0.03, 0.06], 0.6],
    ] as const) {
      const window = dates[name];
      if (!window) continue;
      const wave = await manager.save(
        manager.create(Wave, {
          name,
          instrumentId: instrument.id,
          opensAt: window.opensAt,
          closesAt: window.closesAt,
          services: [...SERVICE_KINDS],
          draft: false,
        }),
      );
      const links = await this.enrolments.insertLinks(
        manager,
        wave,
        organisations.flatMap((organisation) =>
          SERVICE_KINDS.map((service) => ({ organisation, service })),
        ),
        ({ organisation, service }) => demoLinkCode(organisation.gssCode, service, suffix),
      );
      const lastDay = Math.min(window.closesAt.getTime(), now.getTime());
      const linkOf = new Map(links.map((l) => [`${l.pair.organisation.id}:${l.pair.service}`, l]));
      for (const organisation of organisations) {
        for (const service of SERVICE_KINDS) {
          const link = linkOf.get(`${organisation.id}:${service}`);
          if (!link) throw new Error(`No demo link for ${organisation.gssCode} ${service}`);
          const profile = randomUnitProfile(random);
          // About one unit in eight stays under the minimum group size of 10.
          const target = random.next() < 0.12 ? random.integer(3, 9) : random.integer(25, 110);
          const n = organisation.gssCode === 'E06000001' ? 60 : Math.round(target * fraction);
          const rows = [];
          for (let i = 0; i < n; i++) {
            const answers = syntheticAnswers(
              definition,
              service,
              profile,
              { skipRate: 0.03, waveShift: shift },
              random,
            );
            const day = new Date(
              window.opensAt.getTime() + random.next() * (lastDay - window.opensAt.getTime()),
            );
            rows.push({
              submissionId: crypto.randomUUID(),
              surveyLinkId: link.id,
              waveId: wave.id,
              organisationId: organisation.id,
              service,
              answers,
              scores: scoreResponse(definition, answers),
              answersDigest: answersDigest(answers),
              submittedOn: dayOf(day),
            });
          }
          if (rows.length > 0) await manager.insert(SurveyResponse, rows);
          responses += rows.length;
        }
      }
    }
    await this.seedAccounts(manager, organisations);
    return responses;
  }

  private async seedAccounts(
    manager: EntityManager,
    organisations: readonly Organisation[],
  ): Promise<void> {
    // One argon2id hash shared by the demo accounts: they share one published password anyway,
    // and hashing 156 times would slow the first start by several seconds.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const accounts = manager.create(StaffAccount, [
      {
        email: 'admin@demo.test',
        passwordHash,
        role: 'admin',
        organisations: [],
        disabledAt: null,
      },
      {
        email: 'researcher@demo.test',
        passwordHash,
        role: 'researcher',
        organisations: [],
        disabledAt: null,
      },
      ...organisations.map((organisation) => ({
        email: demoEmail(organisation.gssCode),
        passwordHash,
        role: 'psw' as const,
        organisations: [organisation],
        disabledAt: null,
      })),
    ]);
    await manager.save(accounts, { chunk: 50 });
  }
}
