/**
 * The one error type the engine throws on unusable input.
 *
 * The message is written for the person who loaded the file (in French): what was expected,
 * what was found, and what they can do about it. The `code` is stable and meant for programs
 * (tests, the CLI exit path, the UI choosing an icon); it never changes with the wording.
 */

/**
 * Known error codes. Other modules may add their own codes (the type stays open), but a code,
 * once shipped, keeps its meaning because the UI and tests match on it.
 */
export type EssqErrorCode =
  | 'invalid_json'
  | 'not_geojson'
  | 'no_polygon'
  | 'missing_code'
  | 'duplicate_code'
  | 'unknown_crs'
  // Open union: keeps autocompletion for the codes above while accepting new ones.
  | (string & {});

/**
 * Error with a stable machine `code`, a French user-facing `message` and optional structured
 * `details` (feature numbers, offending codes…) so a UI can highlight what went wrong without
 * parsing the sentence.
 *
 * @example
 * throw new EssqError('missing_code', "L'entité n°3 n'a pas de code de quartier…", { feature: 3 });
 */
export class EssqError extends Error {
  readonly code: EssqErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: EssqErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'EssqError';
    this.code = code;
    this.details = details;
  }

  /** Plain-data form, for postMessage and JSON output (class identity does not survive either). */
  toJSON(): { name: 'EssqError'; code: string; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { name: 'EssqError', code: this.code, message: this.message }
      : { name: 'EssqError', code: this.code, message: this.message, details: { ...this.details } };
  }
}

/**
 * True for an EssqError, including one that crossed a worker boundary or was serialised with
 * `toJSON` (structured clone keeps the fields but not the prototype, so `instanceof` fails).
 */
export function isEssqError(value: unknown): value is Pick<EssqError, 'name' | 'code' | 'message'> {
  if (value instanceof EssqError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.name === 'EssqError' && typeof v.code === 'string' && typeof v.message === 'string';
}
