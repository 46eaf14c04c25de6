import { HEALTH_CHECK_V2 } from '@swhc/instruments';

/** Every scale item answered (so scores exist), the required questions, and a team type. */
export function fullAnswers(i: number, service: 'children' | 'adults'): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const scale of HEALTH_CHECK_V2.scales)
    scale.items.forEach((item, j) => (answers[item] = ((i + j) % 5) + 1));
  answers['intentionToStay'] = (i % 5) + 1;
  answers['role'] = i % 2 === 0 ? 'social-worker' : 'senior-practitioner';
  answers['employment'] = 'permanent';
  answers['teamType'] = service === 'adults' ? 'hospital' : 'care-and-placements';
  return answers;
}
