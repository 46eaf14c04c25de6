import type { Codebook } from './codebook';

/** Stata's compound quotes take any text but a line break. */
const quote = (text: string | number): string => `\`"${String(text).replace(/[\r\n]+/g, ' ')}"'`;
/** Variable labels are at most 80 characters in Stata. */
const short = (text: string): string => (text.length <= 80 ? text : `${text.slice(0, 77)}...`);

/** labels.do: Stata commands that read data.csv and apply the codebook's labels and missing values. */
export function stataSyntax(codebook: Codebook): string {
  const lines: string[] = [
    `* ${codebook.title}: reads data.csv (run from the folder that holds it) and applies the`,
    '* labels, value labels and missing values of codebook.json. Not answered (-9) becomes .a.',
    'import delimited using "data.csv", varnames(1) case(preserve) encoding("utf-8") stringcols(1) clear',
  ];
  for (const v of codebook.variables) {
    lines.push(`label variable ${v.name} ${quote(short(v.label))}`);
    if (v.question && v.question.length > 80)
      lines.push(`notes ${v.name}: ${v.question.replace(/[\r\n]+/g, ' ')}`);
    const values = v.values ?? [];
    const codes = (v.missing ?? []).filter((m) => m.value !== '');
    if (values.length === 0 && codes.length === 0) continue;
    const name = `${v.name}_lbl`.slice(0, 32);
    for (const m of codes) lines.push(`replace ${v.name} = .a if ${v.name} == ${m.value}`);
    const pairs = [
      ...values.map((x) => `${x.value} ${quote(x.label)}`),
      ...codes.map((m) => `.a ${quote(m.label)}`),
    ];
    lines.push(
      `label define ${name} ${pairs.join(' ')}, replace`,
      `label values ${v.name} ${name}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
