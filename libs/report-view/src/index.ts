// Public surface of libs/report-view: how the LA report and the validation report are shown — its charts as SVG and the words
// the page and the PDF share. Pure: report JSON in, SVG and text out; the same on screen, in the PDF
// and as downloads.
export * from './svg';
export * from './palette';
export { scoresChart } from './scores-chart';
export { funnelChart } from './funnel-chart';
export { driversChart } from './drivers-chart';
export {
  statementChart,
  statementsChart,
  statementSegments,
  statementsLegend,
} from './statements-chart';
export { methodNotes, type MethodNote } from './method-notes';
export { reportFileStem } from './file-names';
export {
  signedThreePlaces,
  validationDocument,
  validationPdfFilename,
  type ValidationBlock,
  type ValidationDocument,
  type ValidationPart,
  type ValidationSubsection,
  type ValidationTable,
} from './validation-document';
