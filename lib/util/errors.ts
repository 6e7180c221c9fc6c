/**
 * Error classes of the library. Each message names the bad value and the fix, so that the error shows
 * in the notebook cell or script line that made the mistake.
 */

/** Base class: every error the library throws on purpose is a `TsdlError`. */
export class TsdlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input data or options: wrong type, unknown column, NaN, out-of-range value. */
export class InputError extends TsdlError {}

/** An array or window whose shape does not match what a model or transform expects. */
export class ShapeError extends TsdlError {}

/** `transform` or `predict` called on something that was not fitted, or was disposed. */
export class NotFittedError extends TsdlError {}

/** Training went wrong (loss became NaN, model disposed mid-way). */
export class TrainingError extends TsdlError {}

/** A saved bundle is missing, corrupt or could not be written. */
export class BundleError extends TsdlError {}

/** A notebook or report run failed. */
export class ReportError extends TsdlError {}

/** A notebook cell raised while a report ran: names the cell, its first line and the error. */
export class NotebookError extends ReportError {
  constructor(
    message: string,
    /** Index of the failing cell among all cells (0-based), when known. */
    readonly cell?: number,
    /** Where the executed notebook with the error output was written. */
    readonly executedPath?: string,
  ) {
    super(message);
  }
}
