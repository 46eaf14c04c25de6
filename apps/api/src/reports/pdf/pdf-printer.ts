import { dirname } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// pdfmake's CommonJS export is an object whose methods live on its prototype, which an ES namespace
// import would not copy: require it as it is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfmake = require('pdfmake') as typeof import('pdfmake');

// The fonts pdfmake ships (Roboto: it has ’ and every character the report uses); charts name
// Arial/Helvetica and fall back to it, so the whole PDF embeds one font family.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ROBOTO = require('pdfmake/fonts/Roboto') as typeof pdfmake.fonts;
const FONT_DIRECTORY = dirname(require.resolve('pdfmake/fonts/Roboto'));

pdfmake.setFonts(ROBOTO);
// A report never fetches anything: no URL at all, and no file but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIRECTORY));

/** A PDF from a document definition; each call must pass a fresh definition (pdfmake changes it). */
export function printPdf(document: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(document).getBuffer();
}
