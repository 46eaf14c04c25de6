import { alphaCommand } from './alpha.command';
import { cfaCommand } from './cfa.command';
import type { Command } from './command';
import { compareCommand } from './compare.command';
import { driversCommand } from './drivers.command';
import { funnelCommand } from './funnel.command';
import { invarianceCommand } from './invariance.command';
import { omegaCommand } from './omega.command';
import { rakeCommand } from './rake.command';

/** Every sub-command, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [
  alphaCommand,
  omegaCommand,
  cfaCommand,
  invarianceCommand,
  rakeCommand,
  driversCommand,
  compareCommand,
  funnelCommand,
];
