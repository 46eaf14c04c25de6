import { CATALOGUE_CHANNEL } from './catalogue-listener';

/** What changed for respondents: one wave (its dates, its links), one link code, or anything. */
export type SurveyChange =
  { readonly waveId: string } | { readonly code: string } | { readonly everything: true };

/**
 * Every change to a wave, a survey link or an enrolment is reported here after it commits, so
 * anything that keeps links or wave dates in memory forgets them at once (and, with several
 * instances, everywhere). In the api this is the SurveyCatalogue (survey-catalogue.ts).
 */
export abstract class SurveyChanges {
  abstract invalidate(change: SurveyChange): Promise<void>;
}

type Query = (text: string, parameters: unknown[]) => Promise<unknown>;

/** Tells every running api instance, through PostgreSQL NOTIFY, to forget what changed. */
export async function notifyInstances(query: Query, change: SurveyChange): Promise<void> {
  await query('SELECT pg_notify($1, $2)', [CATALOGUE_CHANNEL, JSON.stringify(change)]);
}

/**
 * For a process that keeps nothing in memory itself (the command line): its changes still reach
 * the running api instances at once.
 */
export class NotifyInstances extends SurveyChanges {
  constructor(private readonly query: Query) {
    super();
  }

  invalidate(change: SurveyChange): Promise<void> {
    return notifyInstances(this.query, change);
  }
}
