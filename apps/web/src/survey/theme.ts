import type { ITheme } from 'survey-core';

/**
 * SurveyJS theme matching the GOV.UK look of the rest of the app: system font (no web fonts are fetched),
 * GOV.UK text colour and blue, square corners, no shadows. Finer adjustments live in survey.css.
 */
export const healthCheckTheme: ITheme = {
  themeName: 'swhc-govuk',
  colorPalette: 'light',
  isPanelless: true,
  cssVariables: {
    '--sjs2-typography-font-family-text': 'Arial, Helvetica, sans-serif',
    '--sjs2-typography-font-family-default': 'Arial, Helvetica, sans-serif',
    '--sjs2-color-bg-brand-primary': '#1d70b8',
    '--sjs2-color-fg-brand-primary': '#1d70b8',
    '--sjs2-color-fg-basic-primary': '#0b0c0c',
    '--sjs2-color-fg-basic-secondary': '#505a5f',
    '--sjs2-color-bg-basic-primary': '#ffffff',
    '--sjs2-color-utility-body': '#ffffff',
    '--sjs2-color-utility-surface-survey': '#ffffff',
    '--sjs2-color-fg-note-primary': '#d4351c',
    '--sjs2-base-unit-radius': '0px',
  },
};
