import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ComputationCache } from '../common/computation-cache';
import { ReportDataRepository } from './data/report-data.repository';
import { ReportDataSetsService } from './data/report-data-sets.service';
import type { ReportFrame } from './report-frame';
import { buildSections, type ReleasedSections } from './report-pipeline';

/**
 * Released sections per LA × closed wave × service × K (× count, a guard against a corrected wave).
 * 1,000 entries cover every LA and both services for three waves.
 */
const CAPACITY = 1000;

const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const keyOf = (frame: ReportFrame): string =>
  [frame.organisation.id, frame.wave.id, frame.service, frame.k, frame.count].join('|');

/**
 * Step 2 of the pipeline, cached: a closed wave never changes, so an LA's sections are computed once.
 * The first report of a (wave, service) also starts computing every other LA's sections in the
 * background, one LA at a time between requests, so that PSWs rarely wait for their own first view.
 */
@Injectable()
export class ReleasedSectionsService implements OnModuleDestroy {
  private readonly logger = new Logger('ReleasedSections');
  private readonly released = new ComputationCache<ReleasedSections>(CAPACITY);
  private readonly warming = new Set<string>();
  private stopped = false;

  constructor(
    private readonly data: ReportDataRepository,
    private readonly dataSets: ReportDataSetsService,
  ) {}

  onModuleDestroy(): void {
    this.stopped = true;
  }

  /** The frame's scores must be released (see scoresReleased): a closed wave, at least K responses. */
  async sectionsFor(frame: ReportFrame): Promise<ReleasedSections> {
    const sections = await this.cached(frame);
    this.warmUp(frame);
    return sections;
  }

  private cached(frame: ReportFrame): Promise<ReleasedSections> {
    return this.released.getOrCreate(keyOf(frame), async () =>
      buildSections(frame, await this.dataSets.forFrame(frame)),
    );
  }

  private warmUp(template: ReportFrame): void {
    const warmKey = [template.wave.id, template.service, template.k].join('|');
    if (this.warming.has(warmKey) || this.stopped) return;
    this.warming.add(warmKey);
    const run = async (): Promise<void> => {
      const [counts, organisations] = await Promise.all([
        this.dataSets.responseCounts(template),
        this.data.organisations(),
      ]);
      for (const organisation of organisations) {
        const count = counts.get(organisation.id) ?? 0;
        if (count < template.k) continue;
        await yieldToRequests();
        if (this.stopped) return;
        await this.cached({ ...template, organisation, count, headcount: null });
      }
    };
    run().catch((error: unknown) => {
      this.warming.delete(warmKey);
      if (!this.stopped) this.logger.warn(`Warm-up stopped: ${(error as Error).message}`);
    });
  }
}
