import type {
  CfaSummary,
  FactorStructure,
  InvarianceComparison,
  OrdinalCfaSummary,
  ValidationGroup,
} from '@swhc/contracts';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { loadValidationReport } from '../../api';
import { notFound, requireStaff, valueOf } from '../../app/page-data';
import { usePageTitle } from '../../ui';
import './research.css';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = params['key'] ?? '';
  const version = params['version'] ?? '';
  if (!/^[a-z0-9-]{1,64}$/.test(key) || !/^[1-9][0-9]{0,3}$/.test(version)) throw notFound();
  await requireStaff(request, ['researcher', 'admin']);
  return valueOf(await loadValidationReport(key, Number(version), request.signal), request);
}

/** A statistic to `digits` places; a dash where it could not be computed. */
const num = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
/** ±0.000 to three places; a difference that rounds to zero has no sign. */
const signed = (x: number) => {
  const text = Math.abs(x).toFixed(3);
  return text === '0.000' ? text : `${x > 0 ? '+' : '−'}${text}`;
};

function Table({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: readonly string[];
  rows: readonly (readonly string[])[];
}) {
  return (
    <div className="app-table-wrapper" tabIndex={0} role="region" aria-label={caption}>
      <table className="app-table app-table__small">
        <caption className="app-table__caption">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th scope="col" key={h} className={i > 0 ? 'app-numeric' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th scope="row" key={i}>
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="app-numeric">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Comparison({ c }: { c: InvarianceComparison }) {
  return (
    <section aria-labelledby={`cmp-${c.groups.join('-')}`}>
      <h3 className="app-heading-m" id={`cmp-${c.groups.join('-')}`}>
        {c.groups[0]} and {c.groups[1]}
      </h3>
      <p className="app-body">{c.verdict}</p>
      <Table
        caption={`Scales: ${c.groups[0]} (n = ${c.n[0]}) and ${c.groups[1]} (n = ${c.n[1]})`}
        head={[
          'Scale',
          'Comparable',
          'Metric ΔCFI',
          'Metric ΔRMSEA',
          'Scalar ΔCFI',
          'Scalar ΔRMSEA',
        ]}
        rows={c.scales.map((s) => [
          s.title,
          s.holds ? 'Yes' : 'No',
          ...s.steps.flatMap((step) => [signed(step.deltaCfi), signed(step.deltaRmsea)]),
          ...new Array<string>(Math.max(0, 4 - 2 * s.steps.length)).fill('—'),
        ])}
      />
      {c.fits ? (
        <Table
          caption="Four-factor model"
          head={['Model', 'χ²', 'df', 'CFI', 'TLI', 'RMSEA', 'SRMR']}
          rows={(['configural', 'metric', 'scalar'] as const).map((m) => {
            const f = c.fits?.[m];
            return [
              `${m.charAt(0).toUpperCase()}${m.slice(1)}`,
              num(f?.chisq),
              String(f?.df ?? '—'),
              num(f?.cfi, 3),
              num(f?.tli, 3),
              num(f?.rmsea, 3),
              num(f?.srmr, 3),
            ];
          })}
        />
      ) : null}
      {c.partial && c.partial.releasedIntercepts.length > 0 ? (
        <p className="app-body">
          Intercepts freed, largest score test first:{' '}
          {c.partial.releasedIntercepts.map((r) => `${r.item} (χ² ${num(r.x2)})`).join(', ')}.
        </p>
      ) : null}
    </section>
  );
}

function Structure({
  cfa,
  estimator,
}: {
  cfa: FactorStructure & { readonly warnings: readonly string[] };
  estimator: string;
}) {
  return (
    <>
      {cfa.warnings.length > 0 ? (
        <div className="app-inset-text">
          <p className="app-body">Warnings ({estimator}):</p>
          <ul className="app-list">
            {cfa.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Table
        caption={`Standardised loadings (${estimator})`}
        head={['Item', 'Scale', 'Loading']}
        rows={cfa.loadings.map((l) => [l.item, l.scale, num(l.std)])}
      />
      <Table
        caption={`Factor correlations (${estimator})`}
        head={['Factors', 'r']}
        rows={cfa.factorCorrelations.map((f) => [`${f.a} with ${f.b}`, num(f.r)])}
      />
    </>
  );
}

/** The primary fit: the answers as ordered categories (WLSMV). */
function OrdinalCfa({ cfa }: { cfa: OrdinalCfaSummary }) {
  if (!cfa.available)
    return (
      <p className="app-body">
        The four-factor model could not be fitted with the answers as ordered categories (WLSMV):{' '}
        {cfa.reason}. Read the ML fit below instead.
      </p>
    );
  return (
    <>
      <p className="app-body">
        Four-factor model, primary analysis (WLSMV, n = {cfa.n}): scaled χ² = {num(cfa.chisqScaled)}{' '}
        on {Number.isInteger(cfa.dfScaled) ? cfa.dfScaled : num(cfa.dfScaled)} df (p{' '}
        {num(cfa.pvalueScaled, 3)}), CFI {num(cfa.cfiScaled, 3)}, TLI {num(cfa.tliScaled, 3)}, RMSEA{' '}
        {num(cfa.rmseaScaled, 3)} (90% CI {num(cfa.rmseaCiLowerScaled, 3)} to{' '}
        {num(cfa.rmseaCiUpperScaled, 3)}), SRMR {num(cfa.srmr, 3)}. Robust CFI{' '}
        {num(cfa.cfiRobust, 3)}, TLI {num(cfa.tliRobust, 3)}, RMSEA {num(cfa.rmseaRobust, 3)}.
      </p>
      <Structure cfa={cfa} estimator="WLSMV" />
    </>
  );
}

function Cfa({ cfa }: { cfa: CfaSummary }) {
  if (!cfa.available)
    return (
      <p className="app-body">The four-factor model could not be fitted by ML: {cfa.reason}</p>
    );
  return (
    <>
      <p className="app-body">
        Four-factor model beside it (ML, n = {cfa.n}): χ² = {num(cfa.chisq)} on {cfa.df} df, CFI{' '}
        {num(cfa.cfi, 3)}, TLI {num(cfa.tli, 3)}, RMSEA {num(cfa.rmsea, 3)} (90% CI{' '}
        {num(cfa.rmseaCiLower, 3)} to {num(cfa.rmseaCiUpper, 3)}), SRMR {num(cfa.srmr, 3)}.
      </p>
      {cfa.robust ? (
        <p className="app-body">
          Robust (MLR, not assuming normal answers): scaled χ² = {num(cfa.robust.chisqScaled)} on{' '}
          {cfa.robust.df} df (scaling factor {num(cfa.robust.scalingFactor, 3)}), robust CFI{' '}
          {num(cfa.robust.cfi, 3)}, TLI {num(cfa.robust.tli, 3)}, RMSEA {num(cfa.robust.rmsea, 3)}{' '}
          (90% CI {num(cfa.robust.rmseaCiLower, 3)} to {num(cfa.robust.rmseaCiUpper, 3)}).
        </p>
      ) : null}
      <Structure cfa={cfa} estimator="ML" />
    </>
  );
}

function Group({ g, index }: { g: ValidationGroup; index: number }) {
  return (
    <section aria-labelledby={`group-${index}`}>
      <h3 className="app-heading-m" id={`group-${index}`}>
        {g.label} (n = {g.n})
      </h3>
      <Table
        caption="Reliability"
        head={['Scale', 'n', 'Alpha', '95% CI (Feldt)', 'Omega']}
        rows={g.scales.map((s) => [
          s.title,
          String(s.n),
          num(s.alpha),
          `${num(s.alphaCi[0])} to ${num(s.alphaCi[1])}`,
          num(s.omega),
        ])}
      />
      <OrdinalCfa cfa={g.ordinalCfa} />
      <Cfa cfa={g.cfa} />
      <Table
        caption="Items"
        head={[
          'Item',
          'Scale',
          'n',
          'Mean',
          'SD',
          '% missing',
          '% floor',
          '% ceiling',
          'Item–rest r',
        ]}
        rows={g.items.map((i) => [
          `${i.item}${i.reversed ? ' (reversed)' : ''}`,
          i.scale,
          String(i.n),
          num(i.mean),
          num(i.sd),
          num(i.missingPercent, 1),
          num(i.floorPercent, 1),
          num(i.ceilingPercent, 1),
          num(i.correctedItemTotal),
        ])}
      />
    </section>
  );
}

/** The instrument version's validation report: whether its scores may be trusted and compared. */
export function ValidationPage() {
  const report = useLoaderData<typeof loader>();
  const title = `Validation report: ${report.instrument.title}, version ${report.instrument.version}`;
  usePageTitle(title);
  return (
    <>
      <h1 className="app-heading-xl">{title}</h1>
      {report.waves.length === 0 ? (
        <p className="app-body-l">No wave of this version has closed yet.</p>
      ) : (
        <p className="app-body-l">Closed waves: {report.waves.map((w) => w.name).join(', ')}.</p>
      )}
      <h2 className="app-heading-l">Can scores be compared?</h2>
      <p className="app-body">
        The local authority reports show a change between waves only for scales marked “Yes” here.
      </p>
      {report.invariance.length === 0 ? (
        <p className="app-body">There are no two groups to compare yet.</p>
      ) : (
        report.invariance.map((c) => <Comparison key={c.groups.join('|')} c={c} />)
      )}
      <h2 className="app-heading-l">Items, reliability and factor structure</h2>
      <p className="app-body">
        The answers are five ordered choices, not measurements on a continuous scale, so the main
        factor analysis treats them as ordered categories (WLSMV, as psychometricians validate
        Likert questionnaires today). The maximum-likelihood (ML) fit, which treats them as numbers,
        is shown beside it for comparison with earlier work.
      </p>
      {report.groups.map((g, i) => (
        <Group key={g.label} g={g} index={i} />
      ))}
      <h2 className="app-heading-l">Method</h2>
      <p className="app-body">{report.method}</p>
    </>
  );
}

export const route = { loader, Component: ValidationPage };
