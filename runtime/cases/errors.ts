/** What the runtime refuses, as error classes carrying data (the server maps them to HTTP statuses). */

/** Base class: `code` is stable, the message readable. */
export class RuntimeError extends Error {
  constructor(readonly code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends RuntimeError {
  constructor(what: string) {
    super('not-found', `${what} was not found`);
  }
}

/** The case moved since the caller read it (optimistic concurrency): re-read and retry. */
export class ConflictError extends RuntimeError {
  constructor(caseId: string, expected: number, actual: number | undefined) {
    super('conflict', `case ${caseId} is at revision ${actual ?? '?'}, not ${expected}: it changed since you read it`);
  }
}

/** The actor may not do this: wrong role for the current step, or not their case. */
export class ForbiddenError extends RuntimeError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** The current state does not accept this event (or its guard is not met). */
export class InvalidEventError extends RuntimeError {
  constructor(readonly event: string, readonly state: string, readonly accepted: readonly string[], reason?: string) {
    super('invalid-event', `state "${state}" does not accept ${event}${reason ? ` (${reason})` : ''}; it accepts ${accepted.join(', ') || 'nothing'}`);
  }
}

/** One field error of a submission, with a JSON Pointer into the form data. */
export interface FieldError {
  readonly pointer: string;
  readonly keyword: string;
  readonly message: string;
}

/** The submitted data does not satisfy the form: the case does not move. */
export class ValidationFailedError extends RuntimeError {
  constructor(readonly errors: readonly FieldError[]) {
    super('invalid-data', `the form has ${errors.length} error(s): ${errors.map((e) => `${e.pointer || '/'} ${e.message}`).join('; ')}`);
  }
}

/** A verified field prefilled from shared data was altered. */
export class TamperedError extends RuntimeError {
  constructor(readonly field: string) {
    super('tampered', `the verified field ${field} was changed; it must keep the value shared data provided`);
  }
}

/** A published definition version was changed in place, or a catalogue refers to a version that is not published. */
export class DefinitionError extends RuntimeError {}
