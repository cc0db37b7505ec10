/** Stable error codes: the API, the CLI and the web client speak these. */
export const ERROR_STATUS = {
  validation_failed: 400,
  import_rejected: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  /** Dotted path of the field, or a spreadsheet column. */
  field?: string;
  /** 1-based row of a spreadsheet, header included. */
  row?: number;
  reason: string;
}

/** The one error type services throw; the server and the CLI render it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
export const forbidden = (why = 'You may not do this'): AppError => new AppError('forbidden', why);
