import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { PhaseBanner } from './phase-banner';

function text(forRespondents: boolean): string {
  const container = document.createElement('div');
  act(() => createRoot(container).render(<PhaseBanner forRespondents={forRespondents} />));
  return container.textContent ?? '';
}

describe('PhaseBanner', () => {
  it('promises anonymity to respondents only, not on staff pages', () => {
    expect(text(true)).toContain('Your answers are anonymous.');
    expect(text(false)).toBe('BetaThis is a new service.');
  });
});
