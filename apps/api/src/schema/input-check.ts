import { parseIsoDate, type IsoDate } from '@coop/domain';
import { ValidationError, type Issue } from '../errors.js';

/**
 * Collects every problem of a mutation's input before anything is written, so that the client
 * learns all of them at once, each with the path of its field.
 */
export class InputCheck {
  readonly #issues: Issue[] = [];

  add(path: readonly string[], message: string, code: string): void {
    this.#issues.push({ path, message, code });
  }

  /** A required text, trimmed; at most `max` characters. */
  text(path: readonly string[], value: string, max = 500): string {
    const trimmed = value.trim();
    if (!trimmed) this.add(path, 'This field is required', 'REQUIRED');
    else if (trimmed.length > max) this.add(path, `At most ${max} characters`, 'TOO_LONG');
    return trimmed;
  }

  /** An optional text: empty becomes null. */
  optionalText(
    path: readonly string[],
    value: string | null | undefined,
    max = 500,
  ): string | null {
    const trimmed = value?.trim() ?? '';
    if (trimmed.length > max) this.add(path, `At most ${max} characters`, 'TOO_LONG');
    return trimmed || null;
  }

  /** A date already parsed by the Date scalar is valid; this checks order and bounds. */
  dateOrder(
    path: readonly string[],
    first: IsoDate | null,
    last: IsoDate | null,
    message: string,
  ): void {
    if (first && last && first > last) this.add(path, message, 'DATE_ORDER');
  }

  date(path: readonly string[], value: string): IsoDate | null {
    const parsed = parseIsoDate(value);
    if (parsed.ok) return parsed.value;
    this.add(path, parsed.error.message, parsed.error.code);
    return null;
  }

  integer(path: readonly string[], value: number, min: number, max: number): number {
    if (!Number.isInteger(value) || value < min || value > max) {
      this.add(path, `A whole number from ${min} to ${max}`, 'OUT_OF_RANGE');
    }
    return value;
  }

  get ok(): boolean {
    return this.#issues.length === 0;
  }

  /** Throws the ValidationError naming every issue, if there is any. */
  done(): void {
    if (this.#issues.length > 0) throw new ValidationError(this.#issues);
  }
}
