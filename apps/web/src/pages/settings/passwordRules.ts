/**
 * Client-side hint only; the server's rule is the one that counts (its message is shown if it refuses).
 * docs/api.md does not state a minimum; 8 is the common floor.
 */
export const minPasswordLength = 8;
