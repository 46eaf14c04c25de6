import type { Command } from './command';

/** Every sub-command, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [];
