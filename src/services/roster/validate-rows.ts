import { AppError, type ErrorDetail } from '../../domain/errors.ts';
import { LIMITS } from '../../domain/limits.ts';
import { EmailSchema, WebsiteSchema } from '../../domain/schemas.ts';
import { resolveSector } from '../../domain/sectors.ts';
import {
  columnOfHeader,
  REQUIRED_COLUMNS,
  type RosterColumn,
  resolveKind,
  resolveSide,
  splitItems,
  splitSectors,
} from './columns.ts';

/** One valid participant row, its texts tagged with the row's language. */
export interface RosterRow {
  row: number;
  side: 'delegation' | 'host';
  organization: string;
  kind: string;
  country: string;
  city: string;
  website: string;
  sectors: string[];
  description: string;
  offers: string[];
  requests: string[];
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  language: 'fr' | 'en';
}

const MAX_LENGTH: Partial<Record<RosterColumn, number>> = {
  organization: LIMITS.shortText,
  country: LIMITS.shortText,
  city: LIMITS.shortText,
  first_name: LIMITS.shortText,
  last_name: LIMITS.shortText,
  title: LIMITS.shortText,
  description: LIMITS.description,
};

function mapHeader(header: string[]): Map<RosterColumn, number> {
  const columns = new Map<RosterColumn, number>();
  const problems: ErrorDetail[] = [];
  header.forEach((cell, index) => {
    if (cell.trim() === '') return;
    const column = columnOfHeader(cell);
    if (!column) problems.push({ row: 1, field: cell, reason: 'unknown column' });
    else if (columns.has(column))
      problems.push({ row: 1, field: cell, reason: `column ${column} appears twice` });
    else columns.set(column, index);
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.has(required)) problems.push({ row: 1, field: required, reason: 'required column missing' });
  }
  if (problems.length > 0) {
    throw new AppError('import_rejected', 'The header row is not valid; nothing was imported', problems);
  }
  return columns;
}

/**
 * Validates every row of a participants sheet. Throws `import_rejected` listing every bad row
 * (row number, column, reason) when any row is bad; returns the parsed rows otherwise.
 */
export function validateRosterRows(rows: string[][]): RosterRow[] {
  const [header = [], ...body] = rows;
  const columns = mapHeader(header);
  const problems: ErrorDetail[] = [];
  const out: RosterRow[] = [];
  const seenEmails = new Map<string, number>();

  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const get = (c: RosterColumn) => {
      const i = columns.get(c);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const bad = (field: RosterColumn, reason: string) => problems.push({ row, field, reason });
    const before = problems.length;

    for (const c of REQUIRED_COLUMNS) if (get(c) === '') bad(c, 'required');
    for (const [c, max] of Object.entries(MAX_LENGTH) as [RosterColumn, number][]) {
      if (get(c).length > max) bad(c, `longer than ${max} characters`);
    }
    const side = resolveSide(get('side'));
    if (get('side') && !side) bad('side', `"${get('side')}" is not delegation or host`);
    const kind = resolveKind(get('kind'));
    if (get('kind') && !kind) bad('kind', `"${get('kind')}" is not an organization type`);
    const language = get('language').toLowerCase();
    if (get('language') && language !== 'fr' && language !== 'en') bad('language', 'must be fr or en');
    const email = EmailSchema.safeParse(get('email'));
    if (get('email') && !email.success) bad('email', 'not a valid e-mail address');
    if (email.success) {
      const first = seenEmails.get(email.data);
      if (first !== undefined) bad('email', `same e-mail as row ${first}`);
      else seenEmails.set(email.data, row);
    }
    if (!WebsiteSchema.safeParse(get('website')).success) bad('website', 'not an http(s) address');
    const sectors: string[] = [];
    for (const name of splitSectors(get('sectors'))) {
      const code = resolveSector(name);
      if (code) sectors.push(code);
      else bad('sectors', `unknown sector "${name}"`);
    }
    const offers = splitItems(get('offers'));
    const requests = splitItems(get('requests'));
    for (const [c, items] of [
      ['offers', offers],
      ['requests', requests],
    ] as const) {
      if (items.length > LIMITS.opportunitiesPerKind)
        bad(c, `more than ${LIMITS.opportunitiesPerKind} items`);
      if (items.some((t) => t.length > LIMITS.opportunityText))
        bad(c, `an item is longer than ${LIMITS.opportunityText} characters`);
    }
    if (problems.length > before || !side || !kind || !email.success) return;
    out.push({
      row,
      side,
      organization: get('organization'),
      kind,
      country: get('country'),
      city: get('city'),
      website: get('website'),
      sectors: [...new Set(sectors)],
      description: get('description'),
      offers,
      requests,
      firstName: get('first_name'),
      lastName: get('last_name'),
      email: email.data,
      title: get('title'),
      language: language as 'fr' | 'en',
    });
  });

  if (problems.length > 0) {
    const badRows = new Set(problems.map((p) => p.row)).size;
    throw new AppError('import_rejected', `${badRows} row(s) are not valid; nothing was imported`, problems);
  }
  return out;
}
