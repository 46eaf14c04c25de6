import { Injectable } from '@nestjs/common';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { PanelMailer } from './panel-mailer.service';

// TEMPORARY until the jobs module lands: sends in the background of the current process.
@Injectable()
export class DirectDeliveryDispatcher extends DeliveryDispatcher {
  constructor(private readonly mailer: PanelMailer) {
    super();
  }

  dispatch(deliveryIds: readonly string[]): Promise<void> {
    void this.mailer.deliver(deliveryIds).catch((e: unknown) => console.error('DELIVERY', e));
    return Promise.resolve();
  }
}
