import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import { buildResponseTable, type ResponseTable } from '../data/response-table';
import { frameAndData, inputs, OWN, rows } from '../testing/synthetic-report';
import { driversSection } from './drivers.section';
import { scaleReliability } from './reliability.section';

describe('sections and the statistics library’s errors', () => {
  const la = rows(OWN, 120);
  const { frame, data } = frameAndData(inputs(la));
  const table = data.la;
  const support = HEALTH_CHECK_V1.scales[1];
  if (!support) throw new Error('no support scale');
  /** A table whose columns throw on access: a programming error, not a statistics one. */
  const broken = (column: 'items' | 'scaleMeans'): ResponseTable => ({
    ...table,
    [column]: new Proxy(
      {},
      {
        get() {
          throw new TypeError(`broken ${column}`);
        },
      },
    ),
  });

  it('turns a library error into "not available" (an item everyone answered alike)', () => {
    const alike = buildResponseTable(
      HEALTH_CHECK_V1,
      rows(OWN, 120, () => ({ support1: 3 })),
    );
    expect(scaleReliability(frame, { ...data, la: alike }, support)).toBeNull();
    expect(scaleReliability(frame, data, support)?.alpha).toBeGreaterThan(0.5);
  });

  it('lets any other error through instead of hiding it', () => {
    expect(() => scaleReliability(frame, { ...data, la: broken('items') }, support)).toThrow(
      'broken items',
    );
    expect(() => driversSection(frame, { ...data, la: broken('scaleMeans') })).toThrow(
      'broken scaleMeans',
    );
  });
});
