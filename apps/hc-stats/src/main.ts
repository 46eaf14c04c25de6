// hc-stats entry point: `npm run -s hc-stats -- <command> [options]` (see cli/help-text.ts).
import { processIo } from './cli/cli-io';
import { runCli } from './cli/run-cli';

process.exitCode = runCli(process.argv.slice(2), processIo);
