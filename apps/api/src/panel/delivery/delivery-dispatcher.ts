/**
 * Hands queued emails to the sender. The rows in panel_delivery are the record of what must be
 * sent; a dispatch makes sure a job will send each of them (twice is harmless: a row is claimed once).
 */
export abstract class DeliveryDispatcher {
  abstract dispatch(deliveryIds: readonly string[]): Promise<void>;
}
