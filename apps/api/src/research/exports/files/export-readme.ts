import { datasetsInWords, rowsInWords, type Codebook } from './codebook';

const number = (n: number) => n.toLocaleString('en-GB');

/** README.md of an export: what is in it, how it was anonymised (the report), and how to read it. */
export function exportReadme(codebook: Codebook): string {
  const a = codebook.anonymisation;
  const items = codebook.variables.filter((v) => v.role === 'item');
  const firstScale = items[0]?.scale;
  const scaleItems = items.filter((v) => v.scale === firstScale);
  const polls = codebook.polls ?? [];
  const notAnswered = codebook.variables.some((v) => v.missing?.some((m) => m.value === -9));
  const pollAnswers = codebook.variables.filter((v) => v.role === 'poll-answer');
  const reversed = scaleItems.filter((v) => v.reversed).map((v) => v.name);
  const qiRows = a.quasiIdentifiers.map(
    (q) =>
      `| ${q.variable} | ${q.column ?? '(left out)'} | ${q.treatment} | ${number(q.cellsGeneralised)} | ${number(
        q.cellsSuppressed,
      )} |`,
  );
  const sensitiveRows = a.sensitive.map(
    (s) => `| ${s.variable} | ${number(s.classesBlanked)} | ${number(s.cellsBlanked)} |`,
  );
  return `# ${codebook.title}

${datasetsInWords(codebook).join(' ')} ${number(codebook.rows)} rows.

| file | what |
| --- | --- |
| \`data.csv\` | ${rowsInWords(codebook)} (UTF-8 with a byte-order mark; RFC 4180 quoting) |
| \`codebook.json\`, \`codebook.html\` | every column: wording, value labels, scale, reverse keys, missing codes |
| \`labels.sps\`, \`labels.do\`, \`labels.R\` | read \`data.csv\` and apply the labels in SPSS, Stata and R |

## What this file does not hold

No names, email addresses, network addresses, account or link identifiers, and no dates or times:
${[
  ...(codebook.instrument ? ['a response is placed only by its wave'] : []),
  ...(polls.length > 0
    ? [`a poll answer ${codebook.instrument ? '' : 'is placed '}only by its poll`]
    : []),
].join(', ')}. \`row_id\` is random and different in every export, and the
rows are in an order drawn afresh for every export, so two exports cannot be joined by either.
${
  polls.length > 0
    ? `Poll answers were stored without any link to the member who gave them, so no two rows
(in one poll or across polls) can be tied to the same person, and none to a survey response.
`
    : ''
}Do not try to identify anyone, or to combine this export with another one to narrow groups down.

## Anonymisation report

Rules: every group of rows that share their quasi-identifiers (${codebook.quasiIdentifiers
    .map((q) => `\`${q}\``)
    .join(', ')}) has at least **k = ${a.k}** rows.${
    codebook.sensitive.length > 0
      ? ` Within each group, each sensitive variable (${codebook.sensitive
          .map((s) => `\`${s}\``)
          .join(', ')}) has at least **l = ${a.l}** different known answers, or none.`
      : ''
  } To get there, quasi-identifiers were coarsened along the hierarchies declared with the
${codebook.instrument ? 'instrument' : ''}${codebook.instrument && polls.length > 0 ? ' and ' : ''}${
    polls.length > 0 ? 'poll export rules' : ''
  } (${[
    ...(codebook.instrument ? ['local authority → region', 'wider bands'] : []),
    ...(polls.length > 0 ? ['role → role group', 'region → part of England'] : []),
  ].join(', ')}, grouped answers, or left out) until at most
${Math.round(a.maxSuppressedShare * 100)}% of the rows needed more; those rows had their quasi-identifiers
blanked (local suppression: an empty cell).

| variable | column | treatment | cells coarsened | cells blanked |
| --- | --- | --- | --- | --- |
${qiRows.join('\n')}

Rows with their quasi-identifiers blanked: ${number(a.rowsSuppressed)}. Rows withheld: ${number(a.rowsWithheld)}.
${
  sensitiveRows.length > 0
    ? `
| sensitive variable | groups with one known answer (blanked) | cells blanked |
| --- | --- | --- |
${sensitiveRows.join('\n')}
`
    : ''
}
Cells changed in all: ${number(a.cellsChanged)}.

## Reading it

- **R**: \`source("labels.R")\` in this folder gives \`data\`, with factors for categorical columns.
- **SPSS**: open \`labels.sps\` and run it with this folder as the working directory.
- **Stata**: \`do labels.do\` from this folder.
- **hc-stats** reads \`data.csv\` as it is, e.g.${
    scaleItems.length > 0
      ? `
  \`npx hc-stats alpha --data data.csv --items ${scaleItems.map((v) => v.name).join(',')}${
    reversed.length > 0 ? ` --reverse ${reversed.join(',')}` : ''
  }\``
      : ' `npx hc-stats --help`'
  }.

${
  pollAnswers.length > 0
    ? `Poll answers: one column per question (${pollAnswers
        .map((v) => `\`${v.name}\``)
        .join(', ')}); a question asked in several polls keeps one column, and the codebook's
\`askedIn\` lists the polls (codes of \`poll\`) that asked it. In the rows of other polls it is empty.

`
    : ''
}Categorical answers are numbered as in the codebook;${
    notAnswered ? ' `-9` means the question was not answered;' : ''
  } an empty cell in a quasi-identifier was blanked to protect anonymity${
    items.length > 0 ? ', and an empty item is unanswered' : ''
  }.
`;
}
