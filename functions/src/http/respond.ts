// The one place where outcomes become HTTP responses.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ERRORS, type ApiErrorBody, type AppError } from '@cic/shared';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(status: number, body: unknown, cacheControl?: string): APIGatewayProxyStructuredResultV2 {
  const headers = cacheControl ? { ...JSON_HEADERS, 'cache-control': cacheControl } : JSON_HEADERS;
  return { statusCode: status, headers, body: JSON.stringify(body) };
}

export function errorResponse(error: AppError): APIGatewayProxyStructuredResultV2 {
  const known = ERRORS[error.code];
  const body: ApiErrorBody = {
    error: {
      code: error.code,
      message: error.message ?? known.message,
      ...(error.fields && Object.keys(error.fields).length ? { fields: error.fields } : {}),
    },
  };
  const response = json(known.status, body);
  if (error.retryAfter !== undefined) response.headers = { ...response.headers, 'retry-after': String(error.retryAfter) };
  return response;
}
