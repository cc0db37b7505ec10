import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError, type z } from 'zod';
import { AppError, type ErrorCode, type ErrorDetail } from '../domain/errors.ts';

function zodDetails(issues: z.core.$ZodIssue[], prefix = ''): ErrorDetail[] {
  return issues.map((i) => {
    const path = i.path.map(String).join('.');
    const field = [prefix, path].filter(Boolean).join('.');
    const reason =
      i.code === 'unrecognized_keys'
        ? `unknown field(s): ${i.keys.join(', ')}`
        : i.message.replace(/^Invalid input: /, '');
    return { field: field || prefix || '(body)', reason };
  });
}

function envelope(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  details: ErrorDetail[],
) {
  return reply.status(status).send({ error: { code, message, details } });
}

/** The one error handler: known errors keep their code; anything else is a 500 that leaks nothing. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError)
    return envelope(reply, error.status, error.code, error.message, error.details);
  if (error instanceof ZodError) {
    const details = zodDetails(error.issues);
    return envelope(
      reply,
      400,
      'validation_failed',
      `Invalid input: ${details.map((d) => `${d.field} ${d.reason}`).join('; ')}`,
      details,
    );
  }
  const fe = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const where = fe.validationContext ?? 'body';
    const issues = fe.validation.map(
      (v) =>
        ({
          ...(v.params as object),
          code: v.keyword,
          message: v.message ?? 'invalid',
          path: v.instancePath.split('/').filter(Boolean),
        }) as unknown as z.core.$ZodIssue,
    );
    const details = zodDetails(issues, where);
    return envelope(
      reply,
      400,
      'validation_failed',
      `Invalid ${where}: ${details.map((d) => `${d.field} ${d.reason}`).join('; ')}`,
      details,
    );
  }
  if (fe.statusCode === 429) {
    return envelope(reply, 429, 'rate_limited', 'Too many attempts; wait a minute and try again', []);
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own client errors: malformed JSON, body too large, unsupported media type.
    const code: ErrorCode = fe.statusCode === 404 ? 'not_found' : 'validation_failed';
    return envelope(reply, fe.statusCode, code, fe.message, [{ field: 'body', reason: fe.message }]);
  }
  request.log.error({ err: error, reqId: request.id }, 'unhandled error');
  return reply.status(500).send({
    error: { code: 'internal', message: `Something went wrong (request ${request.id})`, details: [] },
  });
}
