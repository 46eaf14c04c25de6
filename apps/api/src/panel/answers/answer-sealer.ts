import type { EntityManager } from 'typeorm';

/**
 * Moves a closed poll's answers from intake to poll_answer in one statement, in random order and
 * with new random ids: afterwards neither their storage order, their ids nor the transaction that
 * wrote them says anything about the order in which members answered (intake rows were written in the
 * same transactions as the invitations they used). Safe to run again: it moves whatever is left.
 */
export async function sealAnswers(
  manager: EntityManager,
  pollId: string,
  now: Date,
): Promise<number> {
  const moved: unknown[] = await manager.query(
    `WITH moved AS (
       DELETE FROM poll_answer_intake WHERE poll_id = $1
       RETURNING poll_id, service, role, region, answers
     )
     INSERT INTO poll_answer (poll_id, service, role, region, answers)
     SELECT poll_id, service, role, region, answers FROM moved ORDER BY random()
     RETURNING 1`,
    [pollId],
  );
  await manager.query(
    `UPDATE poll SET answers_sealed_at = $2 WHERE id = $1 AND answers_sealed_at IS NULL`,
    [pollId, now],
  );
  return moved.length;
}

/**
 * Seals a closed poll whose answers are not all sealed yet (the panel's clock seals a little after
 * closing; results and research exports read sealed answers at once).
 */
export async function sealIfWaiting(
  manager: EntityManager,
  poll: { readonly id: string; readonly answersSealedAt: Date | null },
  now: Date,
): Promise<void> {
  const waiting: unknown[] = await manager.query(
    `SELECT 1 FROM poll_answer_intake WHERE poll_id = $1 LIMIT 1`,
    [poll.id],
  );
  if (waiting.length > 0 || poll.answersSealedAt === null) await sealAnswers(manager, poll.id, now);
}
