import type { Codebook } from './codebook';

/**
 * An R string literal in ASCII only: other characters as \u escapes, which R reads as UTF-8 in any
 * locale (a script with raw UTF-8 is misread by R in a C or Latin-1 locale).
 */
const quote = (text: string | number): string =>
  `"${String(text)
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/[^\x20-\x7e]/gu, (c) => {
      const code = c.codePointAt(0) ?? 0;
      return code > 0xffff
        ? `\\U{${code.toString(16)}}`
        : `\\u${code.toString(16).padStart(4, '0')}`;
    })}"`;
const column = (name: string) => `data[[${quote(name)}]]`;

/**
 * labels.R: base R that reads data.csv and applies the codebook. Categorical variables become factors
 * with the codebook's labels as levels; answers on a scale (items, intention to stay) stay numbers, so
 * they can be scored and analysed, with their value labels in attr(, "labels"); every column gets its
 * label in attr(, "label"). Missing codes (-9) become NA.
 */
export function rSyntax(codebook: Codebook): string {
  const lines: string[] = [
    `# ${codebook.title}: reads data.csv and applies the labels of codebook.json.`,
    '# Set `path` before sourcing this file if data.csv is not in the working directory.',
    'if (!exists("path")) path <- "data.csv"',
    'data <- read.csv(path, fileEncoding = "UTF-8-BOM", na.strings = "", check.names = FALSE,',
    `                 stringsAsFactors = FALSE, colClasses = c(${quote(codebook.variables[0]?.name ?? 'row_id')} = "character"))`,
  ];
  for (const v of codebook.variables) {
    const codes = (v.missing ?? []).filter((m) => m.value !== '').map((m) => m.value);
    if (codes.length > 0)
      lines.push(`${column(v.name)}[${column(v.name)} %in% c(${codes.join(', ')})] <- NA`);
    const values = v.values ?? [];
    if (v.type === 'categorical' && values.length > 0) {
      lines.push(
        `${column(v.name)} <- factor(${column(v.name)}, levels = c(${values.map((x) => x.value).join(', ')}),`,
        `  labels = c(${values.map((x) => quote(x.label)).join(', ')}))`,
      );
    } else if (values.length > 0) {
      lines.push(
        `attr(${column(v.name)}, "labels") <- setNames(c(${values.map((x) => x.value).join(', ')}), c(${values
          .map((x) => quote(x.label))
          .join(', ')}))`,
      );
    }
    lines.push(`attr(${column(v.name)}, "label") <- ${quote(v.label)}`);
  }
  lines.push('invisible(data)');
  return `${lines.join('\n')}\n`;
}
