/**
 * A numeric column as people wrote it. PostgreSQL returns numeric(p, s) with all its scale
 * ("12.5000", "2.50"); the API and the exports show "12.5" and "2.5".
 */
export function plainDecimal(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
