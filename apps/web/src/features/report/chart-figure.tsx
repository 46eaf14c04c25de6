import type { ChartSvg } from '@swhc/report-view';
import { useState, type ReactNode } from 'react';
import { Details } from '../../ui';
import { downloadPng, downloadSvg } from './chart-download';

/** Inline, the chart is one image named by its description; the SVG inside is hidden from readers. */
const inline = (svg: string): string =>
  svg.replace('role="img"', 'aria-hidden="true" focusable="false"');

/**
 * A chart with its table alternative and its downloads (SVG, or PNG at over 200 dpi for a slide).
 * `narrow`, when given, is drawn instead on a small screen.
 */
export function ChartFigure({
  chart,
  narrow,
  caption,
  table,
  tableLabel,
  fileStem,
}: {
  chart: ChartSvg;
  narrow?: ChartSvg | null;
  caption?: ReactNode;
  table: ReactNode;
  tableLabel: string;
  fileStem: string;
}) {
  return (
    <figure className="app-chart">
      {caption ? <figcaption className="app-chart__caption">{caption}</figcaption> : null}
      <div
        className={`app-chart__image${narrow ? ' app-chart__image--wide' : ''}`}
        role="img"
        aria-label={chart.description}
        style={{ maxWidth: `${chart.width}px` }}
        dangerouslySetInnerHTML={{ __html: inline(chart.svg) }}
      />
      {narrow ? (
        <div
          className="app-chart__image app-chart__image--narrow"
          role="img"
          aria-label={narrow.description}
          dangerouslySetInnerHTML={{ __html: inline(narrow.svg) }}
        />
      ) : null}
      <Details summary={tableLabel}>{table}</Details>
      <ChartDownloads chart={chart} fileStem={fileStem} />
    </figure>
  );
}

/** Download buttons for a chart: SVG as drawn, or PNG at over 200 dpi for a slide. */
export function ChartDownloads({ chart, fileStem }: { chart: ChartSvg; fileStem: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const png = () => {
    setProblem(null);
    downloadPng(chart, fileStem).catch((e: unknown) =>
      setProblem(e instanceof Error ? e.message : 'The chart could not be saved'),
    );
  };
  return (
    <>
      <p className="app-chart__downloads app-no-print">
        <button
          type="button"
          className="app-link-button"
          aria-label={`Download chart (SVG): ${chart.title}`}
          onClick={() => downloadSvg(chart, fileStem)}
        >
          Download chart (SVG)
        </button>
        <button
          type="button"
          className="app-link-button"
          aria-label={`Download chart (PNG): ${chart.title}`}
          onClick={png}
        >
          Download chart (PNG)
        </button>
      </p>
      {problem ? (
        <p className="app-error-message" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}
