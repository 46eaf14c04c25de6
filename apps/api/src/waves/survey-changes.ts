/** What changed for respondents: one wave (its dates, its links), one link code, or anything. */
export type SurveyChange =
  { readonly waveId: string } | { readonly code: string } | { readonly everything: true };

/**
 * Every change to a wave, a survey link or an enrolment is reported here after it commits, so
 * anything that keeps links or wave dates in memory forgets them at once (and, with several
 * instances, everywhere). Today the survey intake reads the database on every request and keeps
 * nothing, so there is nothing to forget yet; the in-memory survey catalogue plugs in here.
 */
export abstract class SurveyChanges {
  abstract invalidate(change: SurveyChange): Promise<void>;
}

/** Nothing keeps links in memory (yet): nothing to forget. */
export class NothingCached extends SurveyChanges {
  invalidate(): Promise<void> {
    return Promise.resolve();
  }
}
