import { describe, expect, it } from 'vitest';
import {
  betterKindFor,
  decodeFile,
  exportFileOf,
  exportFileOfHeader,
  fileProblemOf,
  headerColumnsOf,
  looksLikeCsv,
  MAX_REQUEST_BYTES,
  requestBytesOf,
} from './import-file.js';

const BUDGET_HEADER =
  '\uFEFFaction_id;action_title;row_type;category;label;party;amount;currency;executed;executed_on;funding_status;year;days;daily_cost;executed_days;id';
const BUDGET_CSV = `${BUDGET_HEADER}\r\nQWN0aW9uOjE=;Échange de jeunes « Regards croisés »;LINE;TRAVEL;Billets d’avion;;12000,00;EUR;;;;2018;;;;RXhwZW5zZUxpbmU6MQ==\r\n`;
const MEASUREMENTS_CSV =
  'indicator_id,indicator_code,indicator_name,unit,year,collectivity,value,note,recorded_at\nSW5kaWNhdG9yOjE=,JEU-ECH,Jeunes ayant participé à un échange,jeunes,2018,Dijon,24,,\n';

describe('the kinds of file', () => {
  it('reads budget.csv for the budget, its lines or its contributions, measurements.csv for measurements', () => {
    expect(exportFileOf('BUDGET')).toBe('budget');
    expect(exportFileOf('BUDGET_LINES')).toBe('budget');
    expect(exportFileOf('CONTRIBUTIONS')).toBe('budget');
    expect(exportFileOf('MEASUREMENTS')).toBe('measurements');
  });
});

describe('the header', () => {
  it('names the columns of the export’s format (BOM, semicolons) and of plain CSV', () => {
    expect(headerColumnsOf(BUDGET_CSV).slice(0, 3)).toEqual([
      'action_id',
      'action_title',
      'row_type',
    ]);
    expect(headerColumnsOf(MEASUREMENTS_CSV)).toContain('indicator_code');
    expect(headerColumnsOf('"year","value"\n2018,24')).toEqual(['year', 'value']);
  });

  it('tells budget.csv from measurements.csv, and says nothing of another file', () => {
    expect(exportFileOfHeader(BUDGET_CSV)).toBe('budget');
    expect(exportFileOfHeader(MEASUREMENTS_CSV)).toBe('measurements');
    expect(exportFileOfHeader('name;email\nDijon;x@y')).toBeNull();
  });

  it('suggests the kind that fits a file chosen as the other export, and keeps a fitting choice', () => {
    expect(betterKindFor('MEASUREMENTS', BUDGET_CSV)).toBe('BUDGET');
    expect(betterKindFor('BUDGET_LINES', MEASUREMENTS_CSV)).toBe('MEASUREMENTS');
    expect(betterKindFor('CONTRIBUTIONS', BUDGET_CSV)).toBeNull();
    expect(betterKindFor('BUDGET', 'amount\n12')).toBeNull();
  });
});

describe('reading the bytes', () => {
  it('reads UTF-8, the exports’ encoding, without its BOM', () => {
    const decoded = decodeFile(new TextEncoder().encode(BUDGET_CSV));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(BUDGET_CSV.slice(1));
  });

  it('reads a file saved by Excel on Windows (Windows-1252) with its accents and quotes', () => {
    // "Dépenses ’€" in Windows-1252: é = 0xE9, ’ = 0x92, € = 0x80.
    const bytes = Uint8Array.from([
      0x44, 0xe9, 0x70, 0x65, 0x6e, 0x73, 0x65, 0x73, 0x20, 0x92, 0x80,
    ]);
    expect(decodeFile(bytes)).toEqual({ text: 'Dépenses ’€', encoding: 'windows-1252' });
  });
});

describe('what keeps a file from being sent', () => {
  it('an empty file, or one with only a BOM and blank lines', () => {
    expect(fileProblemOf('')).toEqual({ code: 'EMPTY_FILE' });
    expect(fileProblemOf('\uFEFF\r\n  \n')).toEqual({ code: 'EMPTY_FILE' });
  });

  it('bytes that are no text (a workbook sent as it is)', () => {
    expect(fileProblemOf('PK\u0003\u0004\u0000\u0000')).toEqual({ code: 'NOT_TEXT' });
  });

  it('a request above the API’s 1 MiB, counted in UTF-8 with its JSON escapes', () => {
    const row = 'QWN0aW9uOjE=;Échange;LINE;TRAVEL;Billets;;12000,00;EUR;;;;2018;;;;\r\n';
    const large = BUDGET_HEADER + '\r\n' + row.repeat(Math.ceil(MAX_REQUEST_BYTES / row.length));
    const problem = fileProblemOf(large);
    expect(problem?.code).toBe('TOO_LARGE');
    expect(problem).toMatchObject({ limit: MAX_REQUEST_BYTES });
    // "É" takes two bytes, "\r\n" four in JSON: more than the characters.
    expect(requestBytesOf('É\r\n')).toBeGreaterThan(requestBytesOf('abc'));
  });

  it('the founding convention’s budget goes through', () => {
    expect(fileProblemOf(BUDGET_CSV)).toBeNull();
    expect(fileProblemOf(MEASUREMENTS_CSV)).toBeNull();
  });
});

describe('the file’s name', () => {
  it('takes .csv, .txt and CSV types, and warns of a workbook', () => {
    expect(looksLikeCsv({ name: 'budget.csv', type: '' })).toBe(true);
    expect(looksLikeCsv({ name: 'BUDGET.CSV', type: '' })).toBe(true);
    expect(looksLikeCsv({ name: 'export', type: 'text/csv' })).toBe(true);
    expect(
      looksLikeCsv({
        name: 'budget.xlsx',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    ).toBe(false);
  });
});
