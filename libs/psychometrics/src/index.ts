// Public surface of libs/psychometrics: one export line per topic folder.
export * from './errors';
export * from './data/data-set';
export * from './distributions';
export * from './scoring';
export * from './reliability/alpha';
export * from './compare';
export * from './weighting';
export * from './drivers';
export * from './funnel';
