import type { EntityManager } from 'typeorm';

export interface DispatchOptions {
  /** Queue the sending in this transaction: it happens only if the emails' rows are committed. */
  readonly transaction?: EntityManager;
  /** Not before this time. */
  readonly startAfter?: Date;
}

/**
 * Hands queued emails to the sender. The rows in panel_delivery are the record of what must be
 * sent; a dispatch makes sure a job will send each of them (twice is harmless: a row is claimed once).
 */
export abstract class DeliveryDispatcher {
  abstract dispatch(deliveryIds: readonly string[], options?: DispatchOptions): Promise<void>;
}
