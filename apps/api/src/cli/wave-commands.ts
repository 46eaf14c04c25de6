import { parseArgs } from 'node:util';
import {
  type EnrolRequest,
  isServiceKind,
  isUuid,
  longLondonDateTime,
  SERVICE_KINDS,
  type ServiceKind,
} from '@swhc/contracts';
import { CURRENT_INSTRUMENT } from '@swhc/instruments';
import type { DataSource } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { type Clock, systemClock } from '../common/clock';
import { NotFoundError } from '../common/errors';
import { Instrument } from '../instruments/instrument.entity';
import { csvField } from '../reports/csv/csv-format';
import { Setting } from '../settings/setting.entity';
import { SettingsService } from '../settings/settings.service';
import { EnrolmentsService } from '../waves/enrolments.service';
import { NotifyInstances } from '../waves/survey-changes';
import { COMMAND_LINE, type WaveRecord, WavesService } from '../waves/waves.service';

/** A usage error of a wave command (exit code 2), in one line. */
export class WaveUsageError extends Error {}

export type WaveCommand =
  | {
      kind: 'create-wave';
      name: string;
      opens: string;
      closes: string;
      services: ServiceKind[];
      instrument: string;
      draft: boolean;
    }
  | { kind: 'enrol'; wave: string; request: EnrolRequest }
  | { kind: 'list-links'; wave: string; baseUrl: string }
  | { kind: 'close-wave'; wave: string };

export const WAVE_COMMAND_NAMES = ['create-wave', 'enrol', 'list-links', 'close-wave'] as const;

export const WAVE_USAGE = `  create-wave --name <name> --opens <when> --closes <when>
              [--services children,adults] [--instrument health-check@2] [--draft]
                                      Create a wave, scheduled (or a draft with --draft). <when> is
                                      London time: 2027-03-31 (an opening starts that day, a
                                      closing ends it at 23:59:59), 2027-03-31T17:00, or an instant
                                      with Z. Services default to both; the instrument to ${CURRENT_INSTRUMENT.key}@${CURRENT_INSTRUMENT.version}.
  enrol --wave <name|id> (--all | --region <region> | --gss <code,code,…>) [--services …]
                                      Enrol LAs: all of England, a region, or a list of GSS codes.
  list-links --wave <name|id> --format csv [--base-url https://…]
                                      Print the wave's survey links as CSV (base URL also from
                                      PUBLIC_URL; without one, links are paths like /s/<code>).
  close-wave --wave <name|id>         Close an open wave now; its reports are released.`;

type Values = Record<string, string | boolean | undefined>;

function read(
  command: string,
  args: readonly string[],
  options: Record<string, 'string' | 'boolean'>,
): Values {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: Object.fromEntries(Object.entries(options).map(([name, type]) => [name, { type }])),
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0)
      throw new WaveUsageError(`${command}: unexpected argument "${positionals[0]}"`);
    return values;
  } catch (error) {
    if (error instanceof WaveUsageError) throw error;
    // node:util parseArgs explains itself in a sentence, then adds a tip: keep the sentence.
    const message = String((error as { message?: unknown }).message ?? error);
    throw new WaveUsageError(`${command}: ${message.split(/\.\s|\n/)[0]}`);
  }
}

function required(command: string, values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new WaveUsageError(`${command} needs --${name} <value>`);
  return value;
}

function servicesOption(
  command: string,
  value: string | boolean | undefined,
): ServiceKind[] | undefined {
  if (value === undefined) return undefined;
  const services = String(value)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (services.length === 0 || !services.every(isServiceKind))
    throw new WaveUsageError(`${command}: --services must be children, adults or children,adults`);
  return services;
}

/** Reads a wave command's arguments; a usage problem throws WaveUsageError (exit code 2). */
export function parseWaveCommand(command: string, args: readonly string[]): WaveCommand {
  switch (command) {
    case 'create-wave': {
      const v = read(command, args, {
        name: 'string',
        opens: 'string',
        closes: 'string',
        services: 'string',
        instrument: 'string',
        draft: 'boolean',
      });
      return {
        kind: command,
        name: required(command, v, 'name'),
        opens: required(command, v, 'opens'),
        closes: required(command, v, 'closes'),
        services: servicesOption(command, v['services']) ?? [...SERVICE_KINDS],
        instrument:
          typeof v['instrument'] === 'string'
            ? v['instrument']
            : `${CURRENT_INSTRUMENT.key}@${CURRENT_INSTRUMENT.version}`,
        draft: v['draft'] === true,
      };
    }
    case 'enrol': {
      const v = read(command, args, {
        wave: 'string',
        all: 'boolean',
        region: 'string',
        gss: 'string',
        services: 'string',
      });
      const chosen = ['all', 'region', 'gss'].filter((o) => v[o] !== undefined);
      if (chosen.length !== 1)
        throw new WaveUsageError(
          'enrol needs exactly one of --all, --region <region>, --gss <codes>',
        );
      const services = servicesOption(command, v['services']);
      const request: EnrolRequest =
        v['all'] === true
          ? { scope: 'england' }
          : typeof v['region'] === 'string'
            ? { scope: 'region', region: v['region'] }
            : {
                scope: 'list',
                gssCodes: String(v['gss'])
                  .split(/[\s,]+/)
                  .filter((c) => c !== ''),
              };
      return {
        kind: command,
        wave: required(command, v, 'wave'),
        request: services ? { ...request, services } : request,
      };
    }
    case 'list-links': {
      const v = read(command, args, { wave: 'string', format: 'string', 'base-url': 'string' });
      if (v['format'] !== 'csv') throw new WaveUsageError('list-links needs --format csv');
      const baseUrl =
        typeof v['base-url'] === 'string' ? v['base-url'] : (process.env['PUBLIC_URL'] ?? '');
      if (baseUrl !== '' && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(baseUrl))
        throw new WaveUsageError('list-links: --base-url must be an http(s) address');
      return {
        kind: command,
        wave: required(command, v, 'wave'),
        baseUrl: baseUrl.replace(/\/+$/, ''),
      };
    }
    case 'close-wave': {
      const v = read(command, args, { wave: 'string' });
      return { kind: command, wave: required(command, v, 'wave') };
    }
    default:
      throw new WaveUsageError(`Unknown command "${command}"`);
  }
}

/** The services the wave commands use, on the command line's own DataSource (no HTTP, no cache); their changes reach running instances through NOTIFY. */
function services(dataSource: DataSource, clock: Clock) {
  const audit = new AuditService(dataSource.getRepository(AuditEvent));
  const settings = new SettingsService(dataSource.getRepository(Setting));
  const changes = new NotifyInstances((text, parameters) => dataSource.query(text, parameters));
  const waves = new WavesService(dataSource, audit, settings, changes, clock);
  const enrolments = new EnrolmentsService(dataSource, waves, audit, changes, clock);
  return { waves, enrolments };
}

async function waveOf(waves: WavesService, nameOrId: string): Promise<WaveRecord> {
  return isUuid(nameOrId) ? waves.find(nameOrId) : waves.findByName(nameOrId);
}

/** Runs a wave command; returns what to print on standard output. */
export async function runWaveCommand(
  dataSource: DataSource,
  command: WaveCommand,
  clock: Clock = systemClock,
): Promise<string> {
  const { waves, enrolments } = services(dataSource, clock);
  switch (command.kind) {
    case 'create-wave': {
      const [key = '', version = ''] = command.instrument.split('@');
      const instrument = /^\d+$/.test(version)
        ? await dataSource.manager.findOneBy(Instrument, { key, version: Number(version) })
        : null;
      if (!instrument)
        throw NotFoundError.of(
          'There is no such instrument version',
          'instrument',
          `"${command.instrument}" is not published (write it as key@version, e.g. health-check@2)`,
        );
      const wave = await waves.create(
        COMMAND_LINE,
        {
          name: command.name,
          instrumentId: instrument.id,
          services: command.services,
          opensAt: command.opens,
          closesAt: command.closes,
        },
        !command.draft,
      );
      return `Created ${wave.state} wave "${wave.name}" (${wave.id}): opens ${longLondonDateTime(new Date(wave.opensAt))}, closes ${longLondonDateTime(new Date(wave.closesAt))} (London time).`;
    }
    case 'enrol': {
      const { wave } = await waveOf(waves, command.wave);
      const result = await enrolments.enrol(COMMAND_LINE, wave.id, command.request);
      const las = new Set(result.enrolled.map((e) => e.gssCode)).size;
      return `Enrolled ${las} LAs (${result.enrolled.length} links) in "${wave.name}"${result.alreadyEnrolled > 0 ? `; ${result.alreadyEnrolled} were already enrolled` : ''}. List the links with list-links.`;
    }
    case 'list-links': {
      const { wave } = await waveOf(waves, command.wave);
      const links = await enrolments.links(wave.id);
      const header = ['wave', 'gss_code', 'organisation', 'region', 'service', 'code', 'link'];
      const rows = links.map((l) => [
        l.wave,
        l.gssCode,
        l.organisation,
        l.region,
        l.service,
        l.code,
        `${command.baseUrl}/s/${l.code}`,
      ]);
      return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n');
    }
    case 'close-wave': {
      const { wave } = await waveOf(waves, command.wave);
      const closed = await waves.closeNow(COMMAND_LINE, wave.id);
      return `Closed "${closed.name}" at ${longLondonDateTime(new Date(closed.closesAt))} (London time); its reports are released.`;
    }
  }
}
