import dayjs from 'dayjs';

/** A timestamp as the server sends it (ISO, or PostgreSQL's "2025-06-30 12:00:00+00"), as an ISO string. */
export function isoTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const normalised = value.includes('T') ? value : value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const d = dayjs(normalised);
  return d.isValid() ? d.toISOString() : null;
}

/** Whole days since a timestamp. */
export function daysSince(value: string | null | undefined): number {
  const iso = isoTime(value);
  return iso ? Math.max(0, dayjs().diff(dayjs(iso), 'day')) : 0;
}
