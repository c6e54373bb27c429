import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, looksLikeFormula } from './csv';

describe('csvCell', () => {
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a|b')).toBe('"a|b"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
  });

  it('writes empty, dates, objects, booleans and numbers plainly', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(new Date('2026-06-01T00:00:00Z'))).toBe('2026-06-01T00:00:00.000Z');
    expect(csvCell({ amount: 5 })).toBe('"{""amount"":5}"');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(0)).toBe('0');
  });

  it('keeps negative amounts as numbers', () => {
    expect(csvCell(-1200)).toBe('-1200');
    expect(csvCell('-1200')).toBe('-1200');
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('12.50')).toBe('12.50');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    [' =1+1', "' =1+1"],
    ['   -2+3', "'   -2+3"],
    ['\n=1+1', `"'\n=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\tplain', `"'\tplain"`],
    ['\u0000=1+1', "'\u0000=1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u3000=1+1', "'\u3000=1+1"],
    ['\u200b=1+1', "'\u200b=1+1"],
    ['\ufeff=1+1', "'\ufeff=1+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1+1', "'＋1+1"],
    ['－1+1', "'－1+1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['﹦1+1', "'﹦1+1"],
    ['\u22121+1', "'\u22121+1"],
    [';=1+1', `"';=1+1"`],
    ['|calc', `"'|calc"`],
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
    ['-12.50+1', "'-12.50+1"],
    ['-1200\n=1+1', `"'-1200\n=1+1"`],
  ])('defuses %j', (payload, expected) => {
    expect(csvCell(payload)).toBe(expected);
  });

  it('leaves harmless text alone', () => {
    expect(csvCell(' leading space')).toBe(' leading space');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('ops@demo.test')).toBe('ops@demo.test');
    expect(csvCell('acct_1A')).toBe('acct_1A');
    expect(looksLikeFormula('')).toBe(false);
  });
});

describe('csvLine', () => {
  it('joins escaped cells and ends with CRLF', () => {
    expect(csvLine(['tr_1', '=1+1', -1200, '-12.50', null])).toBe("tr_1,'=1+1,-1200,-12.50,\r\n");
  });
});
