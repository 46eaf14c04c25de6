import type { LaReport } from '@swhc/contracts';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { GroupsSection, ItemsSection, ReliabilitySection } from './detail-sections';
import { ScoresSection } from './scores-section';

const report: LaReport = {
  organisation: { gssCode: 'E06000001', name: 'Hartlepool', region: 'North East' },
  service: 'children',
  wave: {
    id: 'w25',
    name: 'Health Check 2025',
    opensAt: '2025-09-01T00:00:00.000Z',
    closesAt: '2025-11-30T00:00:00.000Z',
    state: 'closed',
  },
  waves: [],
  minimumGroupSize: 10,
  responses: { count: 60, headcount: null, responseRate: null, message: null },
  scoresReleased: true,
  status: 'closed',
  scales: [
    {
      key: 'demands',
      title: 'Job demands',
      higherIsBetter: false,
      suppressed: false,
      n: 60,
      mean: 2.9,
      meanCi: { lower: 2.7, upper: 3.1 },
      score: 47.6,
      scoreCi: { lower: 43.6, upper: 51.6 },
      national: {
        label: 'England (other local authorities)',
        n: 1092,
        mean: 3.2,
        score: 55.1,
        difference: -7.5,
        differenceCi: { lower: -11.6, upper: -3.4 },
        p: 0.001,
        significant: true,
      },
      regional: {
        suppressed: true,
        reason: 'differencing',
        message: 'Fewer than 3 other local authorities in the region responded',
      },
      change: {
        status: 'not-comparable',
        previousWave: { id: 'w24', name: 'Health Check 2024' },
        message:
          'The survey may not have measured this the same way in both waves, so the change is not shown as a change.',
      },
      reliability: { alpha: 0.81, n: 60 },
    },
    {
      key: 'support',
      title: 'Support',
      higherIsBetter: true,
      suppressed: true,
      reason: 'below-k',
      message: 'Fewer than 10 responses',
    },
  ],
  items: [
    {
      item: 'demands1',
      text: 'My caseload is more than I can manage safely.',
      scale: 'demands',
      reversed: false,
      suppressed: false,
      agree: 40,
      neutral: 33.3,
      disagree: 26.7,
    },
    {
      item: 'demands5',
      text: 'I have enough time to write up my work properly.',
      scale: 'demands',
      reversed: true,
      suppressed: true,
      reason: 'small-category',
      message: 'Hidden because fewer than 10 people gave one of the answers',
    },
  ],
  groups: [
    {
      dimension: 'employment',
      title: 'Employment',
      groups: [
        {
          key: 'permanent',
          label: 'Directly employed',
          suppressed: true,
          reason: 'complementary',
          message: 'Hidden so that groups of fewer than 10 cannot be worked out',
        },
        {
          key: 'agency',
          label: 'Through an agency',
          suppressed: true,
          reason: 'below-k',
          message: 'Fewer than 10 responses',
        },
      ],
    },
  ],
  drivers: null,
  funnel: [],
  generatedAt: '2026-01-01T00:00:00.000Z',
};

function render(node: React.ReactNode): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => createRoot(container).render(node));
  return container;
}

const rowText = (container: HTMLElement, header: string): string =>
  [...container.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === header)
    ?.textContent ?? '';

describe('report sections', () => {
  it('says what a score means in words, and that lower demands are better', () => {
    const page = render(<ScoresSection report={report} />);
    expect(page.textContent).toContain('The true score is likely between 43.6 and 51.6');
    expect(page.textContent).toContain('7.5 points lower than England');
    // Job demands: lower than England is the better direction.
    expect(page.querySelector('.app-tag--better')?.textContent).toBe('Better');
    expect(page.textContent).toContain('so the change is not shown as a change');
    expect(page.textContent).toContain(
      'Fewer than 3 other local authorities in the region responded',
    );
  });

  it('shows the suppression message, and no number, for a scale under K', () => {
    const page = render(<ScoresSection report={report} />);
    expect(rowText(page, 'Support')).toBe('SupportFewer than 10 responses');
    expect(page.querySelectorAll('.app-scale')).toHaveLength(1);
  });

  it('shows suppressed groups and items with their messages only', () => {
    const groups = render(<GroupsSection report={report} />);
    expect(rowText(groups, 'Through an agency')).toBe('Through an agencyFewer than 10 responses');
    expect(rowText(groups, 'Directly employed').replace('fewer than 10', '')).not.toMatch(/\d/);
    const items = render(<ItemsSection report={report} />);
    expect(items.textContent).toContain(
      'Hidden because fewer than 10 people gave one of the answers',
    );
    expect(items.textContent).toContain('40%');
    expect(items.textContent).toContain('(reversed)');
  });

  it('puts reliability in words', () => {
    const page = render(<ReliabilitySection report={report} />);
    expect(rowText(page, 'Job demands')).toBe('Job demands0.81good');
    expect(rowText(page, 'Support')).toBe('SupportFewer than 10 responses');
  });
});
