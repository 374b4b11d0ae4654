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

/**
 * A published definition version was changed in place (`definition-changed`), its stored body no longer matches its
 * hash (`definition-tampered`), or its form schema cannot compile (`definition-schema-unresolved`, `-invalid`).
 */
export class DefinitionError extends RuntimeError {}

/** A case row whose audit seal does not match it: edited in the database behind the runtime's back. It takes no step. */
export class CaseTamperedError extends RuntimeError {
  constructor(readonly caseId: string) {
    super('case-tampered', `case ${caseId} was changed outside the runtime (its audit seal does not match): it takes no further step; verifyAudit shows what was altered`);
  }
}

/** An event (or the materials given with a submission) that does not match the event schema; pointers into the event. */
export class InvalidEventPayloadError extends RuntimeError {
  constructor(readonly errors: readonly FieldError[]) {
    const shown = errors.slice(0, 5).map((e) => `${e.pointer || '/'} ${e.message}`).join('; ');
    super('invalid-event-payload', `the event is malformed: ${shown}${errors.length > 5 ? `; and ${errors.length - 5} more` : ''}`);
  }
}

/** Why a payload was refused before any work was done on it. */
export type PayloadProblem = 'payload-too-deep' | 'payload-too-large' | 'payload-not-json';

/** A case payload (draft, submitted data, event) nested too deep, too large or not JSON, at `pointer`. */
export class PayloadError extends RuntimeError {
  constructor(
    override readonly code: PayloadProblem,
    readonly pointer: string,
    readonly limit?: number,
    what = 'a value that is not JSON',
  ) {
    // the pointer is bounded by the limits, but keep the message short for logs
    const at = pointer === '' ? 'the root' : pointer.length > 200 ? `${pointer.slice(0, 200)}…` : pointer;
    super(code, code === 'payload-too-deep' ? `the payload is nested more than ${limit} levels deep at ${at}`
      : code === 'payload-too-large' ? `the payload is larger than ${limit} bytes of JSON at ${at}`
      : `the payload holds ${what} at ${at}`);
  }
}

/** An argument of the wrong type or out of range (an id that is not a string, a revision that is not a positive integer, …). */
export class InvalidArgumentError extends RuntimeError {
  constructor(readonly argument: string, message: string) {
    super('invalid-argument', `${argument}: ${message}`);
  }
}

/** The store failed (disk, lock, closed database, …): the original error is the `cause`; a failed write changed nothing. */
export class StoreError extends RuntimeError {
  constructor(operation: string, cause: unknown) {
    super('store-failed', `the store failed during ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`.slice(0, 500), { cause });
  }
}

/** Anything else unexpected (a clock or shared-data source that fails, a bug): the original error is the `cause`. */
export class InternalRuntimeError extends RuntimeError {
  constructor(message: string, cause?: unknown) {
    super('internal', message.slice(0, 500), cause === undefined ? undefined : { cause });
  }
}
