import type { Clock } from '../../apps/api/src/common/clock';

/** A clock a test moves by hand: a wave closes because its time came, not because a test slept. */
export class TestClock implements Clock {
  constructor(private time: number = Date.now()) {}

  now(): number {
    return this.time;
  }

  set(instant: Date | string): void {
    this.time = new Date(instant).getTime();
  }

  tick(ms: number): void {
    this.time += ms;
  }
}
