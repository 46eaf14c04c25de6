// hc-stats entry point: `npm run -s hc-stats -- <command> [options]` (see cli/help-text.ts).
//
// The npm script starts tsx from the repository root, and tsx only reads a tsconfig.json in the working
// directory; there is none at the root, so the '@swhc/*' path aliases would not resolve. Register tsx once
// more with this app's tsconfig (which extends tsconfig.base.json's paths) and load the CLI through it.
import { join } from 'node:path';
import { register } from 'tsx/cjs/api';
import type * as RunCliModule from './cli/run-cli';
import type * as CliIoModule from './cli/cli-io';

process.env.TSX_TSCONFIG_PATH ??= join(__dirname, '..', 'tsconfig.json');
const tsx = register({ namespace: 'hc-stats' });
const { runCli } = tsx.require('./cli/run-cli', __filename) as typeof RunCliModule;
const { processIo } = tsx.require('./cli/cli-io', __filename) as typeof CliIoModule;

process.exitCode = runCli(process.argv.slice(2), processIo);
