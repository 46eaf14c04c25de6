import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isUuid,
  SERVICE_NAMES,
  type ExportOptions,
  type ResearchExportCreated,
  type ResearchExportStatus,
} from '@swhc/contracts';
import { ImpossibleAnonymisationError, resolveMinimumGroupSize } from '@swhc/disclosure';
import type { DataSource } from 'typeorm';
import { auditActor, AuditService } from '../../audit/audit.service';
import { CLOCK, DAY_MS, nowOf, type Clock } from '../../common/clock';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnprocessableRequestError,
} from '../../common/errors';
import type { SignedInStaff } from '../../common/signed-in-staff';
import { defineQueue } from '../../jobs/job-queue';
import { JobsService } from '../../jobs/jobs.service';
import { SettingsService } from '../../settings/settings.service';
import { waveState } from '../../waves/wave-state';
import { ResearchDataRepository, type ResearchWave } from '../data/research-data.repository';
import { pollStatus } from '../../panel/polls/poll-timing';
import { anonymiseExport, mergedReport } from './anonymised-export';
import { archiveDataset, writeExportArchive, type ArchiveDataset } from './export-archive';
import { ExportChunkWriter, exportChunks } from './export-chunk-store';
import { exportDesign, exportVariableOptions } from './export-design';
import { ExportPollsRepository, type ExportablePoll } from './export-polls.repository';
import { ExportRowsRepository } from './export-rows.repository';
import { pollExportDesign } from './poll-export-design';
import { ResearchExport } from './research-export.entity';

/** Runs one export (the data carries only its id). */
export const RESEARCH_EXPORT = defineQueue<{ exportId: string }>('research-export', {
  retryLimit: 2,
  retryDelaySeconds: 10,
  expireInSeconds: 30 * 60,
});
/** Deletes exports older than EXPORT_KEPT_DAYS, daily. */
export const RESEARCH_EXPORT_CLEAN_UP = defineQueue<{ days: number }>('research-export-clean-up');
export const EXPORT_KEPT_DAYS = 7;
/** Most waves one export may hold. */
export const MAX_EXPORT_WAVES = 20;
/** Most polls one export may hold (two years of fortnightly polls). */
export const MAX_EXPORT_POLLS = 60;

/** Progress is written at most this often (and after each page). */
const PROGRESS_EVERY_MS = 500;

/**
 * Research exports: what may be chosen, the request (checked, queued, audited), the job that makes
 * the ZIP, status and download. A researcher sees their own exports; an administrator sees all.
 */
@Injectable()
export class ResearchExportsService implements OnModuleInit {
  private readonly logger = new Logger('ResearchExports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly data: ResearchDataRepository,
    private readonly rows: ExportRowsRepository,
    private readonly pollData: ExportPollsRepository,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.work(RESEARCH_EXPORT, (job, attempt) =>
      this.run(job.exportId, attempt.retryCount >= (RESEARCH_EXPORT.settings.retryLimit ?? 2)),
    );
    this.jobs.work(RESEARCH_EXPORT_CLEAN_UP, ({ days }) => this.cleanUp(days));
    this.jobs.schedule(RESEARCH_EXPORT_CLEAN_UP, '40 3 * * *', { days: EXPORT_KEPT_DAYS });
  }

  /** Closed waves per instrument version, and the variables of each. */
  async options(): Promise<ExportOptions> {
    const now = nowOf(this.clock);
    const closed = (await this.data.waves()).filter((w) => waveState(w, now) === 'closed');
    const counts = await this.data.counts(closed.map((w) => w.id));
    const instruments = new Map<string, ExportOptions['instruments'][number]>();
    for (const wave of closed) {
      const key = `${wave.instrument.key}|${wave.instrument.version}`;
      const entry = instruments.get(key) ?? {
        key: wave.instrument.key,
        version: wave.instrument.version,
        title: wave.instrument.title,
        waves: [],
        variables: exportVariableOptions(wave.instrument),
      };
      const responses = counts.filter((c) => c.waveId === wave.id).reduce((s, c) => s + c.n, 0);
      instruments.set(key, {
        ...entry,
        waves: [...entry.waves, { id: wave.id, name: wave.name, responses }],
      });
    }
    const closedPolls = (await this.pollData.polls())
      .filter((p) => pollStatus(p, now) === 'closed')
      .reverse();
    const pollCounts = await this.pollData.counts(closedPolls.map((p) => p.id));
    const questions = await this.pollData.questions(closedPolls.map((p) => p.id));
    return {
      instruments: [...instruments.values()],
      polls: closedPolls.map((p) => ({
        id: p.id,
        title: p.title,
        closesAt: p.closesAt.toISOString(),
        answers: pollCounts.filter((c) => c.pollId === p.id).reduce((s, c) => s + c.n, 0),
        questions: (questions.get(p.id) ?? []).map((q) => q.title),
      })),
      minimumGroupSize: resolveMinimumGroupSize(await this.settings.minimumGroupSize()),
    };
  }

  async request(staff: SignedInStaff, body: unknown): Promise<ResearchExportCreated> {
    const now = nowOf(this.clock);
    const { waves, polls, variables } = await this.validRequest(body, now);
    const k = resolveMinimumGroupSize(await this.settings.minimumGroupSize());
    await this.refuseGroupsUnderK(waves, k);
    await this.refusePollGroupsUnderK(polls, k);
    // Answers the panel's clock has not sealed yet are sealed now, as the results pages do.
    await this.pollData.seal(polls, now);
    const id = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(ResearchExport).save(
        manager.getRepository(ResearchExport).create({
          requestedBy: staff.accountId,
          requestedAt: now,
          state: 'queued',
          waveIds: waves.map((w) => w.id),
          pollIds: polls.map((p) => p.id),
          variables,
          rowsDone: 0,
          rowsTotal: null,
          progress: 0,
          anonymisation: null,
          reason: null,
          sizeBytes: null,
          finishedAt: null,
        }),
      );
      await this.jobs.send(RESEARCH_EXPORT, { exportId: saved.id }, { transaction: manager });
      return saved.id;
    });
    await this.audit.record(
      {
        action: 'research-export-requested',
        ...auditActor(staff),
        target: `research-export:${id}`,
        detail: {
          ...namesOf(waves, polls),
          variables: variables.length,
          k,
        },
      },
      now,
    );
    return { id };
  }

  async list(staff: SignedInStaff): Promise<ResearchExportStatus[]> {
    const repo = this.dataSource.getRepository(ResearchExport);
    const found = await repo.find({
      where: staff.role === 'admin' ? {} : { requestedBy: staff.accountId },
      order: { requestedAt: 'DESC' },
      take: 50,
    });
    return this.statuses(found);
  }

  async status(staff: SignedInStaff, id: string): Promise<ResearchExportStatus> {
    const [status] = await this.statuses([await this.visible(staff, id)]);
    if (!status) throw noSuchExport();
    return status;
  }

  /** The ZIP's pieces once ready; audited. */
  async download(
    staff: SignedInStaff,
    id: string,
  ): Promise<{ filename: string; sizeBytes: number; chunks: AsyncGenerator<Buffer> }> {
    const found = await this.visible(staff, id);
    if (found.state !== 'ready') {
      throw new ConflictError(`This export is not ready to download (it is ${found.state})`);
    }
    const now = nowOf(this.clock);
    await this.audit.record(
      {
        action: 'research-export-downloaded',
        ...auditActor(staff),
        target: `research-export:${id}`,
      },
      now,
    );
    return {
      filename: `health-check-research-export-${id.slice(0, 8)}.zip`,
      sizeBytes: found.sizeBytes ?? 0,
      chunks: exportChunks(this.dataSource, id),
    };
  }

  /** The job: both passes, the ZIP stored in pieces, the outcome recorded and audited. */
  async run(exportId: string, lastAttempt = true): Promise<void> {
    const repo = this.dataSource.getRepository(ResearchExport);
    const found = await repo.findOneBy({ id: exportId });
    if (!found || found.state === 'ready' || found.state === 'refused') return;
    const started = Date.now();
    try {
      await this.dataSource.query('DELETE FROM research_export_chunk WHERE export_id = $1', [
        exportId,
      ]);
      const waves = await this.wavesOf(found.waveIds);
      const polls = await this.pollsOf(found.pollIds);
      if (waves.length === 0 && polls.length === 0)
        throw new Error('The export names no wave or poll that exists');
      // An answer still committing when the request sealed its poll is sealed now.
      await this.pollData.seal(polls, nowOf(this.clock));
      const waveRows = waves.length > 0 ? await this.rows.count(found.waveIds) : 0;
      const pollRows = polls.length > 0 ? await this.rows.countPollAnswers(found.pollIds) : 0;
      const total = waveRows + pollRows;
      await repo.update(exportId, { state: 'running', rowsTotal: total, rowsDone: 0, progress: 0 });
      const k = resolveMinimumGroupSize(await this.settings.minimumGroupSize());
      const progress = this.progressWriter(exportId, total);
      // First pass (half the progress): each dataset's plan; a refusal stops before any file is made.
      const datasets: ArchiveDataset[] = [];
      const first = waves[0];
      if (first) {
        const design = exportDesign({
          instrument: first.instrument,
          waves: waves.map((w) => ({ id: w.id, name: w.name })),
          organisations: await this.data.organisations(),
          variables: found.variables,
        });
        const anonymised = await anonymiseExport(
          design,
          this.rows.inStoredOrder(found.waveIds),
          k,
          (n) => progress(n / 2),
        );
        const { key, version, title } = first.instrument;
        datasets.push(
          archiveDataset(
            { kind: 'waves', instrument: { key, version, title }, waves },
            design,
            anonymised,
            () => this.rows.inFreshOrder(found.waveIds),
          ),
        );
      }
      if (polls.length > 0) {
        const questions = await this.pollData.questions(found.pollIds);
        const design = pollExportDesign(
          polls.map((p) => ({ id: p.id, title: p.title, questions: questions.get(p.id) ?? [] })),
        );
        const anonymised = await anonymiseExport(
          design,
          this.rows.pollAnswersInStoredOrder(found.pollIds),
          k,
          (n) => progress((waveRows + n) / 2),
        );
        datasets.push(
          archiveDataset({ kind: 'polls', polls: design.polls }, design, anonymised, () =>
            this.rows.pollAnswersInFreshOrder(found.pollIds),
          ),
        );
      }
      const writer = new ExportChunkWriter(this.dataSource, exportId);
      const written = await writeExportArchive(datasets, writer, (n) =>
        progress(total / 2 + n / 2),
      );
      const report = mergedReport(datasets.map((d) => d.report));
      const finishedAt = nowOf(this.clock);
      await repo.update(exportId, {
        state: 'ready',
        rowsDone: written,
        progress: 1,
        anonymisation: report,
        sizeBytes: writer.bytes,
        finishedAt,
      });
      await this.audit.record(
        {
          action: 'research-export-completed',
          actorAccountId: found.requestedBy,
          target: `research-export:${exportId}`,
          detail: {
            ...namesOf(waves, polls),
            variables: found.variables.join(', ').slice(0, 1_000),
            rows: written,
            k: report.k,
            l: report.l,
            rules: report.quasiIdentifiers
              .map((q) => `${q.variable}: ${q.treatment}`)
              .join('; ')
              .slice(0, 1_000),
            rowsSuppressed: report.rowsSuppressed,
            cellsChanged: report.cellsChanged,
          },
        },
        finishedAt,
      );
      this.logger.log(`Export of ${written} rows in ${Date.now() - started} ms`);
    } catch (error) {
      const refused = error instanceof ImpossibleAnonymisationError;
      if (!refused && !lastAttempt) throw error;
      const reason = refused
        ? 'It cannot be made anonymous: a wave or poll in it has, in a service, fewer responses than the minimum group size.'
        : 'Something went wrong while making the export. Try again, or ask an administrator.';
      await this.dataSource.query('DELETE FROM research_export_chunk WHERE export_id = $1', [
        exportId,
      ]);
      await repo.update(exportId, {
        state: refused ? 'refused' : 'failed',
        reason,
        finishedAt: nowOf(this.clock),
      });
      await this.audit.record({
        action: refused ? 'research-export-refused' : 'research-export-failed',
        actorAccountId: found.requestedBy,
        target: `research-export:${exportId}`,
        detail: { reason },
      });
      if (!refused) throw error;
    }
  }

  async cleanUp(days: number): Promise<void> {
    const before = new Date(nowOf(this.clock).getTime() - days * DAY_MS);
    await this.dataSource.query('DELETE FROM research_export WHERE requested_at < $1', [before]);
  }

  private progressWriter(exportId: string, total: number): (done: number) => Promise<void> {
    let last = 0;
    return async (done) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && done < total) return;
      last = now;
      await this.dataSource.query(
        'UPDATE research_export SET rows_done = $2, progress = $3 WHERE id = $1',
        [exportId, Math.round(done), total === 0 ? 1 : Math.min(1, done / total)],
      );
    };
  }

  private async visible(staff: SignedInStaff, id: string): Promise<ResearchExport> {
    if (!isUuid(id)) throw noSuchExport();
    const found = await this.dataSource.getRepository(ResearchExport).findOneBy({ id });
    if (!found || (staff.role !== 'admin' && found.requestedBy !== staff.accountId)) {
      throw noSuchExport();
    }
    return found;
  }

  private async wavesOf(ids: readonly string[]): Promise<ResearchWave[]> {
    const all = await this.data.waves();
    return ids.flatMap((id) => all.filter((w) => w.id === id));
  }

  private async pollsOf(ids: readonly string[]): Promise<ExportablePoll[]> {
    if (ids.length === 0) return [];
    const all = await this.pollData.polls();
    return ids.flatMap((id) => all.filter((p) => p.id === id));
  }

  private async statuses(found: readonly ResearchExport[]): Promise<ResearchExportStatus[]> {
    const waves = await this.data.waves();
    const polls = found.some((e) => e.pollIds.length > 0) ? await this.pollData.polls() : [];
    const emails = await this.emailsOf([...new Set(found.map((e) => e.requestedBy))]);
    return found.map((e) => ({
      id: e.id,
      state: e.state,
      progress: e.progress,
      rowsDone: e.rowsDone,
      rowsTotal: e.rowsTotal,
      waves: e.waveIds.map((id) => ({ id, name: waves.find((w) => w.id === id)?.name ?? '' })),
      polls: e.pollIds.map((id) => ({ id, title: polls.find((p) => p.id === id)?.title ?? '' })),
      variables: e.variables,
      requestedAt: e.requestedAt.toISOString(),
      finishedAt: e.finishedAt ? e.finishedAt.toISOString() : null,
      reason: e.reason,
      anonymisation: e.anonymisation,
      sizeBytes: e.sizeBytes,
      requestedBy: emails.get(e.requestedBy) ?? null,
    }));
  }

  private async emailsOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; email: string }[]>(
      'SELECT id, email FROM staff_account WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.email]));
  }

  /**
   * The request's waves (closed, one instrument version), polls (closed) and variables of the waves,
   * or 400 naming the field. At least one wave or poll.
   */
  private async validRequest(
    body: unknown,
    now: Date,
  ): Promise<{ waves: ResearchWave[]; polls: ExportablePoll[]; variables: string[] }> {
    const invalid = (field: string, problem: string) =>
      InvalidInputError.of('The export request is not valid', field, problem);
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    const pollIds = input['polls'] ?? [];
    if (!Array.isArray(pollIds)) throw invalid('polls', 'must be a list of poll ids');
    const waveIds = input['waves'] ?? (pollIds.length > 0 ? [] : undefined);
    if (!Array.isArray(waveIds) || (waveIds.length === 0 && pollIds.length === 0))
      throw invalid(
        'waves',
        'must be a list of one or more wave ids (or polls a list of poll ids)',
      );
    if (waveIds.length > MAX_EXPORT_WAVES)
      throw invalid('waves', `must name at most ${MAX_EXPORT_WAVES} waves`);
    if (!waveIds.every((w): w is string => typeof w === 'string' && isUuid(w)))
      throw invalid('waves', 'must be wave ids');
    if (new Set(waveIds).size !== waveIds.length) throw invalid('waves', 'must not repeat a wave');
    if (pollIds.length > MAX_EXPORT_POLLS)
      throw invalid('polls', `must name at most ${MAX_EXPORT_POLLS} polls`);
    if (!pollIds.every((p): p is string => typeof p === 'string' && isUuid(p)))
      throw invalid('polls', 'must be poll ids');
    if (new Set(pollIds.map((p) => p.toLowerCase())).size !== pollIds.length)
      throw invalid('polls', 'must not repeat a poll');
    const polls = await this.validPolls(pollIds, now);
    if (waveIds.length === 0) {
      if (input['variables'] !== undefined)
        throw invalid('variables', 'chooses variables of the waves, but the export names no wave');
      return { waves: [], polls, variables: [] };
    }
    const all = await this.data.waves();
    const waves = waveIds.map((id) => all.find((w) => w.id === id));
    if (waves.some((w) => w === undefined))
      throw invalid('waves', 'names a wave that does not exist');
    const known = waves as ResearchWave[];
    const open = known.find((w) => waveState(w, now) !== 'closed');
    if (open)
      throw invalid('waves', `${open.name} has not closed: only closed waves can be exported`);
    const first = known[0];
    if (
      known.some(
        (w) =>
          w.instrument.key !== first.instrument.key ||
          w.instrument.version !== first.instrument.version,
      )
    )
      throw invalid('waves', 'must all use the same instrument version');
    // Oldest first, whatever order they were named in.
    known.sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
    const options = exportVariableOptions(first.instrument).map((o) => o.name);
    const asked = input['variables'];
    if (asked === undefined) return { waves: known, polls, variables: options };
    if (!Array.isArray(asked) || asked.length === 0 || !asked.every((v) => typeof v === 'string'))
      throw invalid('variables', 'must be a list of one or more variable names');
    const unknown = asked.filter((v) => !options.includes(v));
    if (unknown.length > 0)
      throw invalid(
        'variables',
        `has names this instrument does not have: ${unknown.slice(0, 5).join(', ')}`,
      );
    return { waves: known, polls, variables: options.filter((o) => asked.includes(o)) };
  }

  /**
   * Closed polls only, the earliest closing first: an open poll's answers still change, and its
   * results are shown only once it closes.
   */
  private async validPolls(ids: readonly string[], now: Date): Promise<ExportablePoll[]> {
    if (ids.length === 0) return [];
    const all = await this.pollData.polls();
    const polls = ids.map((id) => all.find((p) => p.id === id.toLowerCase()));
    if (polls.some((p) => p === undefined))
      throw InvalidInputError.of(
        'The export request is not valid',
        'polls',
        'names a poll that does not exist',
      );
    const known = polls as ExportablePoll[];
    const notClosed = known.find((p) => pollStatus(p, now) !== 'closed');
    if (notClosed)
      throw InvalidInputError.of(
        'The export request is not valid',
        'polls',
        `“${notClosed.title}” has not closed: only closed polls can be exported`,
      );
    return known.sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
  }

  /** A poll × service with 1 to K − 1 answers can never be released: say so before queueing. */
  private async refusePollGroupsUnderK(polls: readonly ExportablePoll[], k: number): Promise<void> {
    if (polls.length === 0) return;
    const small = (await this.pollData.counts(polls.map((p) => p.id))).find((c) => c.n < k);
    if (small) {
      const poll = polls.find((p) => p.id === small.pollId)?.title ?? 'A poll';
      throw UnprocessableRequestError.of(
        'This export cannot be made anonymous',
        'polls',
        `“${poll}”, ${SERVICE_NAMES[small.service]}, has fewer than ${k} answers (the minimum group size), so its answers cannot be released however they are coarsened. Choose other polls.`,
      );
    }
  }

  /** A wave × service with 1 to K − 1 responses can never be released: say so before queueing. */
  private async refuseGroupsUnderK(waves: readonly ResearchWave[], k: number): Promise<void> {
    const counts = await this.data.counts(waves.map((w) => w.id));
    const small = counts.find((c) => c.n < k);
    if (small) {
      const wave = waves.find((w) => w.id === small.waveId)?.name ?? 'A wave';
      throw UnprocessableRequestError.of(
        'This export cannot be made anonymous',
        'waves',
        `${wave}, ${SERVICE_NAMES[small.service]}, has fewer than ${k} responses (the minimum group size), so its responses cannot be released however they are coarsened. Choose other waves.`,
      );
    }
  }
}

/** The waves and polls of an export as the audit log records them. */
function namesOf(
  waves: readonly { readonly name: string }[],
  polls: readonly { readonly title: string }[],
): { waves: string; polls: string } {
  return {
    waves: waves.map((w) => w.name).join('; '),
    polls: polls
      .map((p) => p.title)
      .join('; ')
      .slice(0, 1_000),
  };
}

function noSuchExport(): NotFoundError {
  return new NotFoundError('There is no such export');
}
