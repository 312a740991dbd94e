import { createHash, randomBytes } from 'node:crypto';

/** Random secrets for session cookies and API tokens; only their SHA-256 is stored. */
export const newSecret = () => randomBytes(32).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
