/** An error the client caused or must handle; becomes {"error": {code, message, details}} with its status. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new HttpError(403, 'forbidden', message);
export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'Sign in first');
export const badRequest = (message: string, details?: unknown) => new HttpError(400, 'validation_error', message, details);
export const conflict = (message: string, details?: unknown) => new HttpError(409, 'conflict', message, details);
