import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ServiceKind } from '@swhc/contracts';
import type { DatabaseConnection } from '../database/data-source-options';
import { DATABASE_CONNECTION } from '../database/database-connection.token';
import { Sql } from '../database/sql';
import type { Instrument } from '../instruments/instrument.entity';
import { InstrumentsService } from '../instruments/instruments.service';
import { CatalogueListener } from './catalogue-listener';
import { notifyInstances, type SurveyChange, SurveyChanges } from './survey-changes';

/** What a survey link code resolves to: the link, its wave's dates and its LA. */
export interface CataloguedLink {
  readonly linkId: string;
  readonly code: string;
  readonly service: ServiceKind;
  readonly wave: {
    readonly id: string;
    readonly name: string;
    readonly opensAt: Date;
    readonly closesAt: Date;
    readonly draft: boolean;
    readonly instrumentId: string;
  };
  readonly organisation: { readonly id: string; readonly gssCode: string; readonly name: string };
}

interface LinkRow {
  link_id: string;
  code: string;
  service: ServiceKind;
  wave_id: string;
  wave_name: string;
  opens_at: Date;
  closes_at: Date;
  draft: boolean;
  instrument_id: string;
  organisation_id: string;
  gss_code: string;
  organisation_name: string;
}

/** Entries are re-read after this long even if no change was heard of (a lost notification). */
const MAX_AGE_MS = 60_000;

/**
 * The respondents' hot path reads link codes, wave dates and instruments from memory instead of
 * the database. **Whatever changes a wave or a survey link (dates, close now, a replaced link, a
 * withdrawn enrolment) must call `invalidate()` after its transaction commits** — it is the app's
 * SurveyChanges, which the waves and enrolments services call. That forgets the
 * entries here and, through PostgreSQL NOTIFY, in every other instance (each LISTENs on one
 * connection of its own; while that connection is down nothing is kept, and after it reconnects
 * everything is re-read). The embedded database (PGlite over its socket) delivers no
 * notifications; it serves one instance, so forgetting locally is enough there.
 *
 * Memory is a shortcut, never the authority: the intake's INSERT checks the wave's dates itself,
 * so a stale entry can at worst describe a survey a moment longer. Unknown codes are not kept.
 * Published instrument versions never change, so they are kept for good.
 */
@Injectable()
export class SurveyCatalogue extends SurveyChanges implements OnModuleInit, OnModuleDestroy {
  private readonly links = new Map<string, { entry: CataloguedLink; loadedAt: number }>();
  private readonly loading = new Map<string, Promise<CataloguedLink | null>>();
  private readonly instruments = new Map<string, Promise<Instrument | null>>();
  /** Bumped by every change, so a load that started before it is not kept. */
  private generation = 0;
  private listener: CatalogueListener | null = null;
  /** Entries may be kept only while changes from other instances can be heard. */
  private hearing: boolean;

  constructor(
    private readonly sql: Sql,
    private readonly instrumentsService: InstrumentsService,
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
  ) {
    super();
    this.hearing = connection.embedded;
  }

  async onModuleInit(): Promise<void> {
    if (this.connection.embedded) return;
    this.listener = new CatalogueListener(
      this.connection.url,
      (payload) => this.forget(parseChange(payload)),
      (listening) => {
        this.hearing = listening;
        this.forget({ everything: true });
      },
    );
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    await listener?.stop();
  }

  /** The link behind a code, or null when there is none. */
  link(code: string): Promise<CataloguedLink | null> {
    const kept = this.links.get(code);
    if (kept && performance.now() - kept.loadedAt < MAX_AGE_MS) return Promise.resolve(kept.entry);
    const pending = this.loading.get(code);
    if (pending) return pending;
    const generation = this.generation;
    const load = this.loadLink(code).then(
      (entry) => {
        this.loading.delete(code);
        if (entry && this.hearing && generation === this.generation) {
          this.links.set(code, { entry, loadedAt: performance.now() });
        }
        return entry;
      },
      (error: unknown) => {
        this.loading.delete(code);
        throw error;
      },
    );
    this.loading.set(code, load);
    return load;
  }

  /** Reads a link afresh, e.g. when the database disagreed with what memory held. */
  reload(code: string): Promise<CataloguedLink | null> {
    this.forget({ code });
    return this.link(code);
  }

  /** A published instrument version by id. */
  instrument(id: string): Promise<Instrument | null> {
    let found = this.instruments.get(id);
    if (!found) {
      found = this.instrumentsService.findById(id);
      this.instruments.set(id, found);
      found.then(
        (instrument) => instrument ?? this.instruments.delete(id),
        () => this.instruments.delete(id),
      );
    }
    return found;
  }

  /**
   * Call after a change to a wave or a survey link has committed: this instance forgets it at
   * once, every other instance when PostgreSQL delivers the notification (milliseconds).
   */
  async invalidate(change: SurveyChange): Promise<void> {
    this.forget(change);
    if (this.connection.embedded) return;
    await notifyInstances((text, parameters) => this.sql.rows(text, parameters), change);
  }

  private forget(change: SurveyChange): void {
    this.generation++;
    if ('everything' in change) {
      this.links.clear();
    } else if ('code' in change) {
      this.links.delete(change.code);
    } else {
      for (const [code, { entry }] of this.links) {
        if (entry.wave.id === change.waveId) this.links.delete(code);
      }
    }
  }

  private async loadLink(code: string): Promise<CataloguedLink | null> {
    const [row] = await this.sql.rows<LinkRow>(
      `SELECT l.id AS link_id, l.code, l.service, w.id AS wave_id, w.name AS wave_name,
              w.opens_at, w.closes_at, w.draft, w.instrument_id,
              o.id AS organisation_id, o.gss_code, o.name AS organisation_name
         FROM survey_link l
         JOIN wave w ON w.id = l.wave_id
         JOIN organisation o ON o.id = l.organisation_id
        WHERE l.code = $1`,
      [code],
    );
    if (!row) return null;
    return {
      linkId: row.link_id,
      code: row.code,
      service: row.service,
      wave: {
        id: row.wave_id,
        name: row.wave_name,
        opensAt: row.opens_at,
        closesAt: row.closes_at,
        draft: row.draft,
        instrumentId: row.instrument_id,
      },
      organisation: { id: row.organisation_id, gssCode: row.gss_code, name: row.organisation_name },
    };
  }
}

/** A notification's payload; anything unreadable means "forget everything". */
function parseChange(payload: string): SurveyChange {
  try {
    const value = JSON.parse(payload) as Record<string, unknown>;
    if (typeof value['waveId'] === 'string') return { waveId: value['waveId'] };
    if (typeof value['code'] === 'string') return { code: value['code'] };
  } catch {
    // fall through
  }
  return { everything: true };
}
