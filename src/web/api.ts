import type { ErrorDetail } from '../domain/errors.ts';

/** Any non-2xx answer of the API, with its stable code and the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[],
  ) {
    super(message);
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; details: ErrorDetail[] } }).error;
    throw new ApiError(res.status, e?.code ?? 'internal', e?.message ?? res.statusText, e?.details ?? []);
  }
  return data as T;
}

export interface Localized {
  fr: string;
  en: string;
}
export interface Mission {
  slug: string;
  title: string;
  timezone: string;
  startsOn: string;
  endsOn: string;
  reportingCurrency: string;
}
export interface Territory {
  name: string;
  country: string;
  timezone: string;
  pitch: Localized;
  facts: { sector: string | null; value: string; label: Localized }[];
}
export interface User {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  personId: string | null;
  organizationId: string | null;
}
export interface OrganizationCard {
  id: string;
  name: string;
  kind: string;
  country: string;
  city: string;
  side: 'delegation' | 'host';
  sectors: string[];
  summary: string;
  language: 'fr' | 'en';
}
export interface Opportunity {
  kind: 'offer' | 'request';
  text: string;
  language: 'fr' | 'en';
}
export interface Organization extends OrganizationCard {
  website: string;
  targetCountries: string[];
  description: string;
  descriptionLanguage: 'fr' | 'en';
  offers: Opportunity[];
  requests: Opportunity[];
  people: { id: string; firstName: string; lastName: string; title: string; email?: string }[];
  canEdit: boolean;
}
export interface Page<T> {
  page: number;
  pageSize: number;
  total: number;
  items: T[];
}
