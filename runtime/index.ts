/**
 * onematter's runtime for embedders: the durable case engine on a store (SQLite by default), the shared-data source,
 * the seal, and the clock. The React form component is a separate entry point (`onematter/form`).
 */
export { createRuntime, definitionHash, Runtime, type RuntimeOptions, type Actor, type CaseView, type StepView, type WaivedMaterial, type FiredDelay } from './cases/runtime.ts';
export {
  RuntimeError, NotFoundError, ConflictError, ForbiddenError, InvalidEventError, ValidationFailedError, TamperedError, DefinitionError, CaseTamperedError,
  InvalidEventPayloadError, PayloadError, InvalidArgumentError, StoreError, InternalRuntimeError, type FieldError, type PayloadProblem,
} from './cases/errors.ts';
export type { CaseEvent, CaseContext } from './cases/machine.ts';
export type { AuditCheck } from './cases/audit.ts';
export { openSqliteStore, type SqliteStoreOptions } from './store/sqlite/store.ts';
export type { Store, CaseRecord, CaseStatus, CaseQuery, AuditEvent, Deadline, DueDelay, PublishedDefinition, StoredCertificate, CaseWrite } from './store/types.ts';
export type { SessionRecord, SessionUser, ThrottleRecord, SecurityEvent, SecurityEventKind, SecurityEventQuery, LoggedSecurityEvent } from './store/types.ts';
export { recordSource, type SharedDataSource } from './shared-data/source.ts';
export { demoSharedData, demoCitizens } from './shared-data/demo.ts';
export { ed25519Signer, verifyCertificate, type Signer, type SignedCertificate, type CertificateCheck } from './certificates/signer.ts';
export { renderCertificateHtml } from './certificates/issue.ts';
export { precompiledFormModule } from './form/precompiled.ts';
export { systemClock, manualClock, type Clock } from './effects/clock.ts';
export { addWorkingDays } from './effects/working-days.ts';
