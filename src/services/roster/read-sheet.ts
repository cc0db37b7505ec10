import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.ts';
import { LIMITS } from '../../domain/limits.ts';

export type SheetFormat = 'csv' | 'xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Tells an XLSX file (a zip) from a CSV one by its first bytes, whatever its name says. */
export function detectFormat(data: Buffer): SheetFormat {
  return ZIP_MAGIC.every((b, i) => data[i] === b) ? 'xlsx' : 'csv';
}

function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function readCsv(data: Buffer): string[][] {
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) {
    throw new AppError('validation_failed', 'The file is not valid UTF-8; save it as "CSV UTF-8"', [
      { field: 'file', reason: 'not UTF-8' },
    ]);
  }
  try {
    return parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new AppError('validation_failed', `The CSV cannot be read: ${e.message}`, [
      { field: 'file', ...(e.lines !== undefined && { row: e.lines }), reason: e.message },
    ]);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('hyperlink' in value && typeof value.hyperlink === 'string') return value.hyperlink;
    return '';
  }
  return String(value);
}

async function readXlsx(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('validation_failed', 'The XLSX file cannot be read', [
      { field: 'file', reason: 'not a workbook' },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Reads every row (empty ones too, so that index + 1 is the row number) of a CSV (UTF-8, BOM or not, comma or semicolon) or XLSX file (its first sheet). */
export async function readSheet(data: Buffer): Promise<string[][]> {
  if (data.length > LIMITS.importBytesMax) {
    throw new AppError(
      'validation_failed',
      `The file is larger than ${LIMITS.importBytesMax / 1024 / 1024} MiB`,
      [{ field: 'file', reason: 'too large' }],
    );
  }
  const rows = detectFormat(data) === 'xlsx' ? await readXlsx(data) : readCsv(data);
  if (!rows.slice(1).some((r) => r.some((c) => c !== ''))) {
    throw new AppError('validation_failed', 'The file has no data rows under its header', [
      { field: 'file', reason: 'empty' },
    ]);
  }
  if (rows.length - 1 > LIMITS.importRowsMax) {
    throw new AppError('validation_failed', `The file has more than ${LIMITS.importRowsMax} rows`, [
      { field: 'file', reason: 'too many rows' },
    ]);
  }
  return rows;
}
