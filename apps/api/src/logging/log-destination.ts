import pino from 'pino';

let destination: pino.DestinationStream | null = null;

/**
 * Standard output, shared by every logger of the process and written in batches of about 4 kB
 * rather than one write per line (pino flushes what is left when the process exits; a process
 * killed outright loses at most those few lines).
 */
export function logDestination(): pino.DestinationStream {
  destination ??= pino.destination({ dest: 1, minLength: 4096, sync: false });
  return destination;
}
