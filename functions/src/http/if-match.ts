/** The If-Match header carries the version the client edited, for a 409 instead of a lost update. */
export function ifMatch(header: string | undefined): number | undefined {
  const n = header ? Number(header.replace(/^W\/|"/g, '')) : NaN;
  return Number.isInteger(n) ? n : undefined;
}
