import { parseCsvRows, CsvFormatError, parseCsv } from './csv-reader';

describe('parseCsv (RFC 4180)', () => {
  it('splits a header and records, keeping empty cells as empty strings', () => {
    const table = parseCsv('a,b,c\n1,,3\n4,5,\n');
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.records).toEqual([
      ['1', '', '3'],
      ['4', '5', ''],
    ]);
  });

  it('accepts CRLF line ends and a missing final newline', () => {
    expect(parseCsv('x,y\r\n1,2\r\n3,4').records).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('unquotes fields, including doubled quotes, commas and line breaks inside quotes', () => {
    const table = parseCsv('"id","note"\n"7","say ""hi"", then\nleave"\n8,plain\n');
    expect(table.header).toEqual(['id', 'note']);
    expect(table.records).toEqual([
      ['7', 'say "hi", then\nleave'],
      ['8', 'plain'],
    ]);
  });

  it('treats a quoted empty field as an empty cell and a one-column "" row as a record', () => {
    expect(parseCsv('a,b\n"",2\n').records).toEqual([['', '2']]);
    expect(parseCsv('a\n""\n5\n').records).toEqual([[''], ['5']]);
  });

  it('skips blank lines and drops a UTF-8 byte-order mark', () => {
    const table = parseCsv('\uFEFFa,b\n1,2\n\n3,4\n\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.records).toHaveLength(2);
  });

  it('rejects a ragged row, naming its line', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(/line 3 has 1 fields but the header has 2/);
  });

  it('counts lines inside quoted fields when reporting a ragged row', () => {
    expect(() => parseCsv('a,b\n"x\ny",2\n1\n')).toThrow(/line 4 has 1 fields/);
  });

  it('rejects an unclosed quote and text after a closing quote', () => {
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(CsvFormatError);
    expect(() => parseCsv('a,b\n"1"x,2\n')).toThrow(/after a closing quote/);
  });

  it('rejects an empty file, an empty column name and a repeated column name', () => {
    expect(() => parseCsv('')).toThrow(/empty/);
    expect(() => parseCsv('a,,c\n1,2,3\n')).toThrow(/empty column name/);
    expect(() => parseCsv('a,b,a\n1,2,3\n')).toThrow(/column 'a' twice/);
  });

  it('reads rows of any width for files made of several tables', () => {
    expect(parseCsvRows('\uFEFFa\r\nb,"c, d",e\r\n\r\nf\r\n')).toEqual([
      ['a'],
      ['b', 'c, d', 'e'],
      [''],
      ['f'],
    ]);
  });
});
