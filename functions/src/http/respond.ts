// The one place where outcomes become HTTP responses.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ERRORS, type ApiErrorBody, type AppError } from '@cic/shared';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(status: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode: status, headers: JSON_HEADERS, body: JSON.stringify(body) };
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
  return json(known.status, body);
}
