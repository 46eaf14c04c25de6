import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ServiceKind } from '@swhc/contracts';
import { waveState } from '../waves/waves.service';
import { BoundedCache } from './bounded-cache';
import { NationalBenchmarksService, organisationTable } from './national-benchmarks.service';
import {
  buildReleasedSections,
  type PreviousWaveInputs,
  type ReleasedSections,
  type ReportFrame,
} from './report-builder';
import { ReportDataRepository, type WaveWithInstrument } from './report-data.repository';

/**
 * Released sections per LA × closed wave × service × K (× count, a guard against a corrected wave).
 * 1,000 entries cover every LA and both services for three waves.
 */
const CAPACITY = 1000;

/** The latest closed wave of the same instrument version that had closed before this one opened. */
export function previousWaveOf(
  waves: readonly WaveWithInstrument[],
  current: WaveWithInstrument,
  now: Date,
): WaveWithInstrument | null {
  const candidates = waves
    .filter(
      (w) =>
        w.wave.id !== current.wave.id &&
        w.instrument.key === current.instrument.key &&
        w.instrument.version === current.instrument.version &&
        waveState(w.wave, now) === 'closed' &&
        w.wave.closesAt.getTime() <= current.wave.opensAt.getTime(),
    )
    .sort((a, b) => b.wave.closesAt.getTime() - a.wave.closesAt.getTime());
  return candidates[0] ?? null;
}

const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The scores, comparisons, groups, items, drivers and funnel of an LA for a closed wave. A closed
 * wave never changes, so they are computed once and reused. The first report of a (wave, service)
 * also starts computing every other LA's sections in the background, one LA at a time between
 * requests, so that PSWs rarely wait for their own LA's first view.
 */
@Injectable()
export class ReleasedSectionsService implements OnModuleDestroy {
  private readonly logger = new Logger('ReleasedSections');
  private readonly released = new BoundedCache<Promise<ReleasedSections>>(CAPACITY);
  private readonly warming = new Set<string>();
  private stopped = false;

  constructor(
    private readonly data: ReportDataRepository,
    private readonly benchmarks: NationalBenchmarksService,
  ) {}

  onModuleDestroy(): void {
    this.stopped = true;
  }

  /** The frame's LA must have at least K responses in a closed wave (see scoresReleased). */
  async sectionsFor(
    frame: ReportFrame,
    current: WaveWithInstrument,
    waves: readonly WaveWithInstrument[],
  ): Promise<ReleasedSections> {
    const sections = await this.released.getOrCreate(keyOf(frame, current), () =>
      this.compute(frame, current, waves),
    );
    this.warmUp(frame, current, waves);
    return sections;
  }

  private warmUp(
    template: ReportFrame,
    current: WaveWithInstrument,
    waves: readonly WaveWithInstrument[],
  ): void {
    const warmKey = [current.wave.id, template.service, template.k].join('|');
    if (this.warming.has(warmKey) || this.stopped) return;
    this.warming.add(warmKey);
    const run = async (): Promise<void> => {
      const [national, organisations] = await Promise.all([
        this.benchmarks.nationalData(current.instrument, current.wave.id, template.service),
        this.data.organisations(),
      ]);
      for (const organisation of organisations) {
        const o = national.table.organisationIds.indexOf(organisation.id);
        const count = national.rowsOf[o]?.length ?? 0;
        if (o < 0 || count < template.k) continue;
        await yieldToRequests();
        if (this.stopped) return;
        const frame = { ...template, organisation, count, headcount: null };
        await this.released.getOrCreate(keyOf(frame, current), () =>
          this.compute(frame, current, waves),
        );
      }
    };
    run().catch((error: unknown) => {
      this.warming.delete(warmKey);
      if (!this.stopped) this.logger.warn(`Warm-up stopped: ${(error as Error).message}`);
    });
  }

  private async compute(
    frame: ReportFrame,
    current: WaveWithInstrument,
    waves: readonly WaveWithInstrument[],
  ): Promise<ReleasedSections> {
    const { instrument, organisation, service, k } = frame;
    const previousWave = previousWaveOf(waves, current, frame.now);
    // A closed wave's national data is cached: the LA's own rows are taken from it, not re-read.
    const [national, comparisons, funnel, nationalDrivers, previous] = await Promise.all([
      this.benchmarks.nationalData(instrument, current.wave.id, service),
      this.benchmarks.comparisonTable(instrument, current.wave.id, service),
      this.benchmarks.funnel(instrument, current.wave.id, service, k),
      this.benchmarks.nationalDrivers(instrument, current.wave.id, service),
      previousWave
        ? this.loadPrevious(previousWave, current, organisation.id, service)
        : Promise.resolve(null),
    ]);
    return buildReleasedSections({
      ...frame,
      la: organisationTable(national, organisation.id),
      comparisons: comparisons.get(organisation.id) ?? null,
      previous,
      funnel,
      nationalDrivers,
    });
  }

  private async loadPrevious(
    previous: WaveWithInstrument,
    current: WaveWithInstrument,
    organisationId: string,
    service: ServiceKind,
  ): Promise<PreviousWaveInputs> {
    const [national, verdicts] = await Promise.all([
      this.benchmarks.nationalData(previous.instrument, previous.wave.id, service),
      this.benchmarks.invarianceBetween(
        current.instrument,
        previous.wave.id,
        current.wave.id,
        service,
      ),
    ]);
    return {
      wave: { id: previous.wave.id, name: previous.wave.name },
      la: organisationTable(national, organisationId),
      verdicts,
    };
  }
}

function keyOf(frame: ReportFrame, current: WaveWithInstrument): string {
  return [frame.organisation.id, current.wave.id, frame.service, frame.k, frame.count].join('|');
}
