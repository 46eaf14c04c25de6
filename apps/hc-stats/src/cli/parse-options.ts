import { CliError } from './cli-error';

/** A `--name` flag a command accepts: `value` takes the next token (or `--name=value`), `switch` takes none. */
export interface FlagSpec {
  readonly name: string;
  readonly kind: 'value' | 'switch';
  readonly required: boolean;
  /** Placeholder shown in help, e.g. `F` or `a,b,c`. */
  readonly placeholder?: string;
  readonly help: string;
}

/** Flags as given on the command line, validated against the command's FlagSpecs. */
export class ParsedOptions {
  constructor(
    private readonly values: ReadonlyMap<string, string>,
    private readonly switches: ReadonlySet<string>,
  ) {}

  has(name: string): boolean {
    return this.values.has(name) || this.switches.has(name);
  }

  value(name: string): string | undefined {
    return this.values.get(name);
  }

  /** The value of a required flag (parseOptions has already checked it is present). */
  required(name: string): string {
    const value = this.values.get(name);
    if (value === undefined) throw new CliError(`missing required flag --${name}`, 2);
    return value;
  }

  /** A comma-separated list (`--items a,b,c`): entries trimmed, none empty, none repeated. */
  list(name: string): string[] | undefined {
    const raw = this.values.get(name);
    if (raw === undefined) return undefined;
    const entries = raw.split(',').map((entry) => entry.trim());
    if (entries.some((entry) => entry === '')) {
      throw new CliError(`--${name} has an empty entry in '${raw}'`, 2);
    }
    const repeated = entries.find((entry, i) => entries.indexOf(entry) !== i);
    if (repeated !== undefined) throw new CliError(`--${name} lists '${repeated}' twice`, 2);
    return entries;
  }

  requiredList(name: string): string[] {
    const entries = this.list(name);
    if (entries === undefined) throw new CliError(`missing required flag --${name}`, 2);
    return entries;
  }
}

/** Parses `--name value`, `--name=value` and switches; rejects unknown, repeated and value-less flags. */
export function parseOptions(tokens: readonly string[], specs: readonly FlagSpec[]): ParsedOptions {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    if (!token.startsWith('--') || token === '--') {
      throw new CliError(`unexpected argument '${token}' (flags look like --name value)`, 2);
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq < 0 ? undefined : eq);
    const spec = byName.get(name);
    if (spec === undefined) {
      const known = specs.map((s) => `--${s.name}`).join(', ');
      throw new CliError(`unknown flag --${name} (this command takes ${known})`, 2);
    }
    if (values.has(name) || switches.has(name)) throw new CliError(`flag --${name} given twice`, 2);
    if (spec.kind === 'switch') {
      if (eq >= 0) throw new CliError(`flag --${name} takes no value`, 2);
      switches.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) {
      value = token.slice(eq + 1);
    } else {
      value = tokens[i + 1];
      i += 1;
    }
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw new CliError(`flag --${name} needs a value`, 2);
    }
    values.set(name, value);
  }
  if (!switches.has('help')) {
    for (const spec of specs) {
      if (spec.required && !values.has(spec.name)) {
        throw new CliError(`missing required flag --${spec.name}`, 2);
      }
    }
  }
  return new ParsedOptions(values, switches);
}
