import { parseCsv } from '@swhc/csv';
import { numericColumn, numericDataSet, textColumn } from './csv-table';

const table = parseCsv('id,site,score,q1\n1,"west","4.5",2\n2,east,,"3"\n3,east,-1e-2, 5 \n');

describe('numericDataSet', () => {
  it('reads quoted and unquoted numbers and turns an empty cell into NaN', () => {
    const data = numericDataSet(table, ['score', 'q1']);
    expect(data.columns).toEqual(['score', 'q1']);
    expect(data.rows).toEqual([
      [4.5, 2],
      [Number.NaN, 3],
      [-0.01, 5],
    ]);
  });

  it('names the column, row and value when a cell is not a number', () => {
    expect(() => numericDataSet(table, ['site'])).toThrow(
      "non-numeric value 'west' in column 'site' at data row 1",
    );
  });

  it('rejects an unknown column and lists the columns the file has', () => {
    expect(() => numericColumn(table, 'age')).toThrow(
      "unknown column 'age' (the file has: id, site, score, q1)",
    );
  });

  it.each(['NA', '1,5', '0x10', 'Infinity', '1.2.3', '--1'])('rejects %p as a number', (cell) => {
    const odd = parseCsv(`v\n"${cell}"\n`);
    expect(() => numericColumn(odd, 'v')).toThrow(/non-numeric value/);
  });
});

describe('textColumn', () => {
  it('returns trimmed text cells in row order', () => {
    expect(textColumn(table, 'site')).toEqual(['west', 'east', 'east']);
  });
});
