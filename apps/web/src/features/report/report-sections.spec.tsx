import { heatColour } from '@swhc/report-view';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AtAGlanceSection } from './at-a-glance-section';
import { FunnelSection } from './funnel-section';
import { HeatmapSection } from './heatmap-section';
import { MethodSection } from './method-section';
import { ScoresSection } from './scores-section';
import { StatementsSection } from './statements-section';
import { REPORT } from './testing/report-fixture';

function render(node: ReactNode): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => createRoot(container).render(node));
  return container;
}

const whole = () =>
  render(
    <>
      <AtAGlanceSection report={REPORT} fileStem="x" />
      <ScoresSection report={REPORT} />
      <StatementsSection report={REPORT} fileStem="x" />
      <HeatmapSection report={REPORT} />
      <FunnelSection report={REPORT} fileStem="x" />
      <MethodSection report={REPORT} />
    </>,
  );

describe('report sections', () => {
  it('give each scale one verdict: the same in the card, the table, the chart and the funnel caption', () => {
    const page = whole();
    const card = page
      .querySelector('#scores-heading')
      ?.closest('section')
      ?.querySelector('.app-scale');
    expect(card?.querySelector('.app-tag')?.textContent).toBe('Better than England');
    const row = [...page.querySelectorAll('#at-a-glance-heading ~ * tr')].find((r) =>
      r.textContent?.startsWith('Manageable workload'),
    );
    expect(row?.querySelectorAll('.app-tag')[0]?.textContent).toBe('Better');
    const chart = page.querySelector('.app-chart__image--wide svg');
    expect(chart?.textContent).toContain('Better than England');
    expect(page.querySelector('.app-funnel figcaption')?.textContent).toContain(
      'Compared with England this is clearly better.',
    );
    // No other verdict on England anywhere for this scale.
    expect(page.textContent).not.toMatch(/Worse than England|Similar to England/);
  });

  it('colours only the favourable answer green, statements worded the other way included', () => {
    const page = whole();
    const statements = [...page.querySelectorAll('.app-statement')];
    const parts = (i: number) =>
      [...(statements[i]?.querySelectorAll<HTMLElement>('.app-stacked__part') ?? [])].map((p) => [
        p.style.width,
        p.style.background,
      ]);
    // "My caseload is more than I can manage safely": disagreeing (50%) is the good news.
    expect(parts(0)).toEqual([
      ['50%', 'rgb(0, 112, 60)'],
      ['25%', 'rgb(177, 180, 182)'],
      ['25%', 'rgb(212, 53, 28)'],
    ]);
    // Shown only two ways: favourable against everyone else, and it says so.
    expect(parts(1)).toEqual([
      ['30%', 'rgb(0, 112, 60)'],
      ['70%', 'rgb(177, 180, 182)'],
    ]);
    expect(statements[1]?.textContent).toContain('favourable against everyone else');
    expect(statements[2]?.textContent).toContain('Hidden because fewer than 10 people');
    expect(page.textContent).not.toContain('(reversed)');
  });

  it('shades heatmap cells by their difference and shows no number for a hidden group', () => {
    const page = whole();
    const cells = [...page.querySelectorAll<HTMLElement>('.app-heat')];
    expect(cells[0]?.textContent).toBe('55 (+2.7)');
    expect(cells[0]?.style.background).toBe('rgb(215, 236, 224)');
    expect(heatColour(2.7)).toBe('#d7ece0');
    const agency = [...page.querySelectorAll('tr')].find((r) =>
      r.textContent?.startsWith('Through an agency'),
    );
    expect(agency?.textContent).toBe('Through an agencyFewer than 10 responses');
  });

  it('names the local authority, never "your local authority", for any reader', () => {
    const page = whole();
    expect(page.textContent).not.toMatch(/your local authority|your LA/i);
    expect(page.textContent).toContain('Hartlepool');
  });
});
