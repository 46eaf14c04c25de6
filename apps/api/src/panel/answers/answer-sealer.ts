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
