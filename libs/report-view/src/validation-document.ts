/**
 * The validation report as a document of headings, paragraphs and tables of text: one source for
 * what the web page shows and what the PDF prints, so the two cannot say different things.
 */
import type {
  CfaSummary,
  FactorStructure,
  InvarianceComparison,
  OrdinalCfaSummary,
  ValidationGroup,
  ValidationReport,
} from '@swhc/contracts';

export interface ValidationTable {
  readonly caption: string;
  readonly head: readonly string[];
  /** The first cell of each row names the row. */
  readonly rows: readonly (readonly string[])[];
}

export type ValidationBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'warnings'; readonly title: string; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly table: ValidationTable };

/** A group or a comparison: a third-level heading and what follows it. */
export interface ValidationSubsection {
  /** Unique within the document (for links and aria-labelledby). */
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly ValidationBlock[];
}

export interface ValidationPart {
  readonly heading: string;
  readonly intro: readonly string[];
  readonly subsections: readonly ValidationSubsection[];
}

export interface ValidationDocument {
  readonly title: string;
  readonly lead: string;
  readonly parts: readonly ValidationPart[];
}

/** A statistic to `digits` places; a dash where it could not be computed. */
const num = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);

/** ±0.000 to three places; a difference that rounds to zero has no sign. */
export const signedThreePlaces = (x: number): string => {
  const text = Math.abs(x).toFixed(3);
  return text === '0.000' ? text : `${x > 0 ? '+' : '−'}${text}`;
};

const paragraph = (text: string): ValidationBlock => ({ kind: 'paragraph', text });
const table = (t: ValidationTable): ValidationBlock => ({ kind: 'table', table: t });

function comparison(c: InvarianceComparison): ValidationSubsection {
  const blocks: ValidationBlock[] = [
    paragraph(c.verdict),
    table({
      caption: `Scales: ${c.groups[0]} (n = ${c.n[0]}) and ${c.groups[1]} (n = ${c.n[1]})`,
      head: ['Scale', 'Comparable', 'Metric ΔCFI', 'Metric ΔRMSEA', 'Scalar ΔCFI', 'Scalar ΔRMSEA'],
      rows: c.scales.map((s) => [
        s.title,
        s.holds ? 'Yes' : 'No',
        ...s.steps.flatMap((step) => [
          signedThreePlaces(step.deltaCfi),
          signedThreePlaces(step.deltaRmsea),
        ]),
        ...new Array<string>(Math.max(0, 4 - 2 * s.steps.length)).fill('—'),
      ]),
    }),
  ];
  const fits = c.fits;
  if (fits) {
    blocks.push(
      table({
        caption: 'Four-factor model',
        head: ['Model', 'χ²', 'df', 'CFI', 'TLI', 'RMSEA', 'SRMR'],
        rows: (['configural', 'metric', 'scalar'] as const).map((m) => {
          const f = fits[m];
          return [
            `${m.charAt(0).toUpperCase()}${m.slice(1)}`,
            num(f.chisq),
            String(f.df),
            num(f.cfi, 3),
            num(f.tli, 3),
            num(f.rmsea, 3),
            num(f.srmr, 3),
          ];
        }),
      }),
    );
  }
  if (c.partial && c.partial.releasedIntercepts.length > 0) {
    const freed = c.partial.releasedIntercepts.map((r) => `${r.item} (χ² ${num(r.x2)})`);
    blocks.push(paragraph(`Intercepts freed, largest score test first: ${freed.join(', ')}.`));
  }
  return {
    id: `cmp-${c.groups.join('-')}`,
    heading: `${c.groups[0]} and ${c.groups[1]}`,
    blocks,
  };
}

function structure(
  cfa: FactorStructure & { readonly warnings: readonly string[] },
  estimator: string,
): ValidationBlock[] {
  const blocks: ValidationBlock[] = [];
  if (cfa.warnings.length > 0)
    blocks.push({ kind: 'warnings', title: `Warnings (${estimator}):`, items: cfa.warnings });
  blocks.push(
    table({
      caption: `Standardised loadings (${estimator})`,
      head: ['Item', 'Scale', 'Loading'],
      rows: cfa.loadings.map((l) => [l.item, l.scale, num(l.std)]),
    }),
    table({
      caption: `Factor correlations (${estimator})`,
      head: ['Factors', 'r'],
      rows: cfa.factorCorrelations.map((f) => [`${f.a} with ${f.b}`, num(f.r)]),
    }),
  );
  return blocks;
}

/** The primary fit: the answers as ordered categories (WLSMV). */
function ordinalCfa(cfa: OrdinalCfaSummary): ValidationBlock[] {
  if (!cfa.available)
    return [
      paragraph(
        `The four-factor model could not be fitted with the answers as ordered categories (WLSMV): ${cfa.reason}. Read the ML fit below instead.`,
      ),
    ];
  const df = Number.isInteger(cfa.dfScaled) ? String(cfa.dfScaled) : num(cfa.dfScaled);
  return [
    paragraph(
      `Four-factor model, primary analysis (WLSMV, n = ${cfa.n}): scaled χ² = ${num(cfa.chisqScaled)} ` +
        `on ${df} df (p ${num(cfa.pvalueScaled, 3)}), CFI ${num(cfa.cfiScaled, 3)}, TLI ${num(cfa.tliScaled, 3)}, ` +
        `RMSEA ${num(cfa.rmseaScaled, 3)} (90% CI ${num(cfa.rmseaCiLowerScaled, 3)} to ` +
        `${num(cfa.rmseaCiUpperScaled, 3)}), SRMR ${num(cfa.srmr, 3)}. Robust CFI ` +
        `${num(cfa.cfiRobust, 3)}, TLI ${num(cfa.tliRobust, 3)}, RMSEA ${num(cfa.rmseaRobust, 3)}.`,
    ),
    ...structure(cfa, 'WLSMV'),
  ];
}

function mlCfa(cfa: CfaSummary): ValidationBlock[] {
  if (!cfa.available)
    return [paragraph(`The four-factor model could not be fitted by ML: ${cfa.reason}`)];
  const blocks = [
    paragraph(
      `Four-factor model beside it (ML, n = ${cfa.n}): χ² = ${num(cfa.chisq)} on ${cfa.df} df, CFI ` +
        `${num(cfa.cfi, 3)}, TLI ${num(cfa.tli, 3)}, RMSEA ${num(cfa.rmsea, 3)} (90% CI ` +
        `${num(cfa.rmseaCiLower, 3)} to ${num(cfa.rmseaCiUpper, 3)}), SRMR ${num(cfa.srmr, 3)}.`,
    ),
  ];
  const robust = cfa.robust;
  if (robust)
    blocks.push(
      paragraph(
        `Robust (MLR, not assuming normal answers): scaled χ² = ${num(robust.chisqScaled)} on ` +
          `${robust.df} df (scaling factor ${num(robust.scalingFactor, 3)}), robust CFI ` +
          `${num(robust.cfi, 3)}, TLI ${num(robust.tli, 3)}, RMSEA ${num(robust.rmsea, 3)} ` +
          `(90% CI ${num(robust.rmseaCiLower, 3)} to ${num(robust.rmseaCiUpper, 3)}).`,
      ),
    );
  return [...blocks, ...structure(cfa, 'ML')];
}

function group(g: ValidationGroup, index: number): ValidationSubsection {
  return {
    id: `group-${index}`,
    heading: `${g.label} (n = ${g.n})`,
    blocks: [
      table({
        caption: 'Reliability',
        head: ['Scale', 'n', 'Alpha', '95% CI (Feldt)', 'Omega'],
        rows: g.scales.map((s) => [
          s.title,
          String(s.n),
          num(s.alpha),
          `${num(s.alphaCi[0])} to ${num(s.alphaCi[1])}`,
          num(s.omega),
        ]),
      }),
      ...ordinalCfa(g.ordinalCfa),
      ...mlCfa(g.cfa),
      table({
        caption: 'Items',
        head: [
          'Item',
          'Scale',
          'n',
          'Mean',
          'SD',
          '% missing',
          '% floor',
          '% ceiling',
          'Item–rest r',
        ],
        rows: g.items.map((i) => [
          `${i.item}${i.reversed ? ' (reversed)' : ''}`,
          i.scale,
          String(i.n),
          num(i.mean),
          num(i.sd),
          num(i.missingPercent, 1),
          num(i.floorPercent, 1),
          num(i.ceilingPercent, 1),
          num(i.correctedItemTotal),
        ]),
      }),
    ],
  };
}

/** The whole validation report as text, in the order a reader needs it. */
export function validationDocument(report: ValidationReport): ValidationDocument {
  return {
    title: `Validation report: ${report.instrument.title}, version ${report.instrument.version}`,
    lead:
      report.waves.length === 0
        ? 'No wave of this version has closed yet.'
        : `Closed waves: ${report.waves.map((w) => w.name).join(', ')}.`,
    parts: [
      {
        heading: 'Can scores be compared?',
        intro: [
          'The local authority reports show a change between waves only for scales marked “Yes” here.',
          ...(report.invariance.length === 0 ? ['There are no two groups to compare yet.'] : []),
        ],
        subsections: report.invariance.map(comparison),
      },
      {
        heading: 'Items, reliability and factor structure',
        intro: [
          'The answers are five ordered choices, not measurements on a continuous scale, so the main ' +
            'factor analysis treats them as ordered categories (WLSMV, as psychometricians validate ' +
            'Likert questionnaires today). The maximum-likelihood (ML) fit, which treats them as ' +
            'numbers, is shown beside it for comparison with earlier work.',
        ],
        subsections: report.groups.map(group),
      },
      { heading: 'Method', intro: [report.method], subsections: [] },
    ],
  };
}

/** The PDF's file name, e.g. validation-report-health-check-v1.pdf. */
export function validationPdfFilename(report: ValidationReport): string {
  return `validation-report-${report.instrument.key}-v${report.instrument.version}.pdf`;
}
