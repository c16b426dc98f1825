/**
 * The addresses of the API's plain downloads (docs/exports.md): same origin, the session cookie
 * signs them in, so a link is one click. `{id}` is the GraphQL global ID, encoded for the path
 * (a base64 ID may hold "/", "+" or "=").
 */

const conventionPath = (conventionId: string) =>
  `/exports/conventions/${encodeURIComponent(conventionId)}`;

/** IATI 2.03 activity XML of the convention and its actions. */
export const iatiXmlPath = (conventionId: string) => `${conventionPath(conventionId)}/iati.xml`;

/** Budget lines, contributions and staff time of every action (CSV, French spreadsheet). */
export const budgetCsvPath = (conventionId: string) => `${conventionPath(conventionId)}/budget.csv`;

/** Every party's measurements of every indicator (CSV, the budget CSV's format). */
export const measurementsCsvPath = (conventionId: string) =>
  `${conventionPath(conventionId)}/measurements.csv`;

/** The printable annual evaluation report of a year, as the server lays it out. */
export const evaluationReportPath = (conventionId: string, year: number) =>
  `${conventionPath(conventionId)}/evaluations/${year}`;

/** The year's APD declaration of the viewer's own collectivity (CSV). */
export const apdCsvPath = (collectivityId: string, year: number) =>
  `/exports/collectivities/${encodeURIComponent(collectivityId)}/apd/${year}.csv`;

/** The years an APD declaration is usually asked for: the year just closed first, then earlier. */
export function apdYears(thisYear: number, count = 6): number[] {
  return Array.from({ length: count }, (_value, index) => thisYear - 1 - index);
}

/** The calendar feed's full address, from the path the API shows once ("/calendar/coopc_….ics"). */
export function calendarFeedUrl(path: string, origin: string): string {
  return new URL(path, origin).toString();
}
