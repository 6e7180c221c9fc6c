/** "2000-01-03" for midnight UTC, else a full ISO timestamp; "NaT" (pandas' word) for a missing date. */
export function isoDate(ms: number): string {
  if (!Number.isFinite(ms)) return 'NaT';
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
