import type { CodebookVariable } from '../dataset-design';
import { datasetsInWords, type Codebook } from './codebook';

const escape = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function valuesCell(v: CodebookVariable): string {
  const rows = [
    ...(v.values ?? []).map((x) => `<li><code>${escape(x.value)}</code> ${escape(x.label)}</li>`),
    ...(v.missing ?? []).map(
      (x) =>
        `<li><code>${x.value === '' ? '(empty)' : escape(x.value)}</code> ${escape(x.label)} <em>(missing)</em></li>`,
    ),
  ];
  return rows.length > 0 ? `<ul>${rows.join('')}</ul>` : '';
}

function notesCell(v: CodebookVariable): string {
  const notes: string[] = [];
  if (v.scale) notes.push(`Scale: ${escape(v.scale)}${v.reversed ? ' (reverse-keyed)' : ''}`);
  if (v.items) notes.push(`Items: ${v.items.map(escape).join(', ')}`);
  if (v.computation) notes.push(escape(v.computation));
  if (v.generalisedFrom)
    notes.push(
      `Coarsened from ${escape(v.generalisedFrom.variable)} (level ${v.generalisedFrom.level})`,
    );
  if (v.role === 'quasi-identifier' || v.role === 'design')
    notes.push('Quasi-identifier (k-anonymity)');
  if (v.sensitive) notes.push('Sensitive (l-diversity)');
  if (v.askedIn) notes.push(`Asked in poll ${v.askedIn.join(', ')} (codes of <code>poll</code>)`);
  return notes.join('<br>');
}

/** codebook.html: the same codebook as a page a person reads (no scripts, no outside requests). */
export function codebookHtml(codebook: Codebook): string {
  const a = codebook.anonymisation;
  const rows = codebook.variables
    .map(
      (v) =>
        `<tr><th scope="row"><code>${escape(v.name)}</code></th><td>${escape(v.label)}${
          v.question && v.question !== v.label ? `<br><small>${escape(v.question)}</small>` : ''
        }</td><td>${escape(v.type)}</td><td>${valuesCell(v)}</td><td>${notesCell(v)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Codebook: ${escape(codebook.title)}</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; margin: 1.5rem; line-height: 1.4; color: #0b0c0c; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.4rem; text-align: left; vertical-align: top; }
ul { margin: 0; padding-left: 1.1rem; }
code { font-size: 0.95em; }
</style>
</head>
<body>
<h1>${escape(codebook.title)}</h1>
<p>${datasetsInWords(codebook).map(escape).join(' ')} ${escape(codebook.rows)} rows in <code>data.csv</code> (UTF-8 with a byte-order mark).</p>
<p>Every group of rows sharing the quasi-identifiers (${codebook.quasiIdentifiers
    .map((q) => `<code>${escape(q)}</code>`)
    .join(', ')}) has at least ${escape(a.k)} rows${
    codebook.sensitive.length > 0
      ? `, and within each group every sensitive variable (${codebook.sensitive
          .map((s) => `<code>${escape(s)}</code>`)
          .join(', ')}) has at least ${escape(a.l)} different known answers or none`
      : ''
  }. An empty cell in a quasi-identifier was blanked to protect anonymity.</p>
<table>
<caption>Variables of data.csv, in column order</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Label</th><th scope="col">Type</th><th scope="col">Values</th><th scope="col">Notes</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
