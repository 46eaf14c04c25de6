import type { CodebookVariable } from '../dataset-design';
import type { Codebook } from './codebook';

const quote = (text: string | number): string => `'${String(text).replace(/'/g, "''")}'`;

function format(v: CodebookVariable): string {
  if (v.type === 'string') return 'A32';
  if (v.type === 'numeric') return 'F8.2';
  return 'F4.0';
}

const LEVEL: Record<CodebookVariable['type'], string> = {
  string: 'NOMINAL',
  categorical: 'NOMINAL',
  ordinal: 'ORDINAL',
  numeric: 'SCALE',
};

/** labels.sps: SPSS syntax that reads data.csv and applies the codebook's labels and missing values. */
export function spssSyntax(codebook: Codebook): string {
  const vars = codebook.variables;
  const lines: string[] = [
    '* Encoding: UTF-8.',
    `* ${codebook.title}: reads data.csv (in the folder SPSS is working in; change /FILE otherwise)`,
    '* and applies the labels, value labels and missing values of codebook.json.',
    'GET DATA',
    '  /TYPE=TXT',
    "  /FILE='data.csv'",
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    "  /DELIMITERS=','",
    `  /QUALIFIER='"'`,
    '  /FIRSTCASE=2',
    '  /VARIABLES=',
    ...vars.map((v, i) => `    ${v.name} ${format(v)}${i === vars.length - 1 ? '.' : ''}`),
    'EXECUTE.',
    'VARIABLE LABELS',
    ...vars.map(
      (v, i) =>
        `  ${i === 0 ? '' : '/'}${v.name} ${quote(v.label)}${i === vars.length - 1 ? '.' : ''}`,
    ),
  ];
  const labelled = vars.filter((v) => (v.values?.length ?? 0) > 0);
  if (labelled.length > 0) {
    lines.push('VALUE LABELS');
    labelled.forEach((v, i) => {
      const pairs = [
        ...(v.values ?? []).map((x) => `${x.value} ${quote(x.label)}`),
        ...(v.missing ?? [])
          .filter((m) => m.value !== '')
          .map((m) => `${m.value} ${quote(m.label)}`),
      ];
      lines.push(
        `  ${i === 0 ? '' : '/'}${v.name} ${pairs.join(' ')}${i === labelled.length - 1 ? '.' : ''}`,
      );
    });
  }
  for (const v of vars) {
    const codes = (v.missing ?? []).filter((m) => m.value !== '').map((m) => m.value);
    if (codes.length > 0) lines.push(`MISSING VALUES ${v.name} (${codes.join(', ')}).`);
  }
  const byLevel = new Map<string, string[]>();
  for (const v of vars) byLevel.set(LEVEL[v.type], [...(byLevel.get(LEVEL[v.type]) ?? []), v.name]);
  lines.push(
    `VARIABLE LEVEL ${[...byLevel.entries()].map(([level, names]) => `${names.join(' ')} (${level})`).join(' /')}.`,
    'EXECUTE.',
  );
  return `${lines.join('\n')}\n`;
}
