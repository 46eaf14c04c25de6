// hc-stats entry point, bundled by bin/bundle.cjs into dist/hc-stats/hc-stats.cjs and started by
// bin/hc-stats.cjs (see cli/help-text.ts for the commands).
import { processIo } from './cli/cli-io';
import { runCli } from './cli/run-cli';

process.exitCode = runCli(process.argv.slice(2), processIo);
