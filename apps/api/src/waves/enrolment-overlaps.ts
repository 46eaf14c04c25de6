import type { ServiceKind } from '@swhc/contracts';
import type { EntityManager } from 'typeorm';
import { ConflictError } from '../common/errors';

/** One key for every change that could make two waves of one LA overlap: they run one at a time. */
const OVERLAP_LOCK = 7_310_001;

interface Overlap {
  gss_code: string;
  service: ServiceKind;
  wave_name: string;
}

/**
 * The rule: one LA's service may not be enrolled in two waves of the same instrument whose times
 * overlap (its staff would get two links to the same questions). Checked inside the transaction
 * that enrols or moves a wave, under a transaction-scoped advisory lock, so two changes at once
 * cannot both pass.
 */
export const EnrolmentOverlaps = {
  async lock(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [OVERLAP_LOCK]);
  },

  /**
   * Refuses (409) when enrolling `pairs` in a wave with these times, or moving a wave's times
   * with its current enrolments (no `pairs`), would overlap another wave of the same instrument.
   */
  async refuse(
    manager: EntityManager,
    change: {
      waveId: string;
      instrumentKey: string;
      opensAt: Date;
      closesAt: Date;
      pairs?: readonly { organisationId: string; service: ServiceKind }[];
    },
  ): Promise<void> {
    const pairs =
      change.pairs ??
      (
        await manager.query<{ organisation_id: string; service: ServiceKind }[]>(
          'SELECT organisation_id, service FROM survey_link WHERE wave_id = $1',
          [change.waveId],
        )
      ).map((p) => ({ organisationId: p.organisation_id, service: p.service }));
    if (pairs.length === 0) return;
    const overlaps = await manager.query<Overlap[]>(
      `SELECT o.gss_code, l.service, w.name AS wave_name
         FROM unnest($1::uuid[], $2::varchar[]) AS p(organisation_id, service)
         JOIN survey_link l ON l.organisation_id = p.organisation_id AND l.service = p.service
         JOIN wave w ON w.id = l.wave_id
         JOIN instrument i ON i.id = w.instrument_id
         JOIN organisation o ON o.id = l.organisation_id
        WHERE w.id <> $3 AND i.key = $4 AND w.opens_at < $6 AND w.closes_at > $5
        ORDER BY o.gss_code, l.service
        LIMIT 20`,
      [
        pairs.map((p) => p.organisationId),
        pairs.map((p) => p.service),
        change.waveId,
        change.instrumentKey,
        change.opensAt,
        change.closesAt,
      ],
    );
    if (overlaps.length === 0) return;
    throw new ConflictError(
      'Two waves of the same instrument may not overlap for one local authority’s service',
      overlaps.map((o) => ({
        field: o.gss_code,
        message: `${o.service}: already enrolled in ${o.wave_name}, whose dates overlap`,
      })),
    );
  },
};
