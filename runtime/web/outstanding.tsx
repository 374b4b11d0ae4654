/**
 * What a case still waits for (容缺: materials accepted missing, a certificate held back), for staff and applicants,
 * the refusal of an ACCEPT naming the missing materials, and the ids of the checklist's rows both link to. Its own module so the applicant's case page does not load the
 * clerk's checklist (runtime/web/materials-checklist.tsx).
 */
import { useEffect, useRef, type MouseEvent } from 'react';
import { ApiError } from './api.ts';
import { chinaDate } from './china-time.ts';
import { useApp } from './context.ts';
import { pick, type Locale } from './i18n.ts';
import type { CaseDetail, Localized } from './types.ts';

/** Which control of a checklist row. */
export type Field = 'status' | 'note' | 'dueDate';

// the ids of a row's controls: the refusal of ACCEPT and the error summary link to them
export const controlId = (material: string, field: Field = 'status') => (field === 'status' ? `check-${material}` : `check-${material}-${field}`);
export const errorId = (material: string, field: Field) => `${controlId(material, field)}-error`;
export const rowId = (material: string) => `check-row-${material}`;

/** Moves the keyboard to a material's row in the checklist (its status control, or the row when read-only). */
export function goToCheck(event: MouseEvent, material: string, field: Field = 'status'): void {
  const target = document.getElementById(controlId(material, field)) ?? document.getElementById(rowId(material));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

/** A `YYYY-MM-DD` day in words (China Standard Time). */
export const formatDay = (day: string, locale: Locale): string => chinaDate(`${day}T12:00:00+08:00`, locale); // as Intl's medium date, without ICU's first-call cost (E2)

/** A material's name from the case (its situation, then the outstanding list); its id when the case does not name it. */
export function materialName(c: CaseDetail, id: string, locale: Locale): string {
  const named = c.situation.materials.find((m) => m.id === id) ?? c.checklist?.outstanding.find((o) => o.id === id);
  return named ? pick(named.name, locale) : id;
}

/**
 * What the case still waits for, as a notice: materials accepted missing (容缺) with their due dates, and a
 * certificate held back until they are supplied. For staff (`staff`) or the applicant (`applicant`); nothing when
 * nothing is outstanding.
 */
export function OutstandingNotice({ c, audience = 'staff' }: { c: CaseDetail; audience?: 'staff' | 'applicant' }) {
  const { t, locale } = useApp();
  const checklist = c.checklist;
  const tolerated = checklist?.outstanding.filter((o) => o.dueDate !== null) ?? [];
  const held = checklist?.certificateHeld ?? null;
  if (tolerated.length === 0 && !held) return null;
  const names = (held?.materials ?? []).map((id) => materialName(c, id, locale)).join(t.listSeparator);
  return (
    <section className="notice notice-warning" aria-labelledby="outstanding-heading" data-testid="outstanding-notice">
      <h2 id="outstanding-heading">{t.outstandingTitle}</h2>
      {held && (
        <p data-testid="certificate-held">
          <strong>{audience === 'staff' ? t.certificateHeld(names) : t.certificateHeldApplicant(names)}</strong>
        </p>
      )}
      {tolerated.length > 0 && (
        <>
          <p>{audience === 'staff' ? t.outstandingStaff : t.outstandingApplicant}</p>
          <ul>
            {tolerated.map((o) => (
              <li key={o.id} data-material={o.id} data-due={o.dueDate}>
                {audience === 'staff' ? (
                  <a href={`#${controlId(o.id)}`} onClick={(e) => goToCheck(e, o.id)}>
                    {pick(o.name, locale)}
                  </a>
                ) : (
                  pick(o.name, locale)
                )}
                {t.colon}
                {t.dueBy(formatDay(o.dueDate!, locale))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A material an ACCEPT was refused for (409 materials-missing). */
export interface RefusedMaterial {
  id: string;
  name: Localized;
  group: string | null;
}

/** The materials a refusal names, when it is a `materials-missing` refusal. */
export function refusedMaterials(error: unknown): RefusedMaterial[] | undefined {
  if (!(error instanceof ApiError) || error.code !== 'materials-missing' || !Array.isArray(error.details.materials)) return undefined;
  return (error.details.materials as unknown[]).filter(
    (m): m is RefusedMaterial => !!m && typeof m === 'object' && typeof (m as RefusedMaterial).id === 'string' && typeof (m as RefusedMaterial).name === 'object',
  );
}

/** The refusal of an ACCEPT, naming each missing material with a link to its row of the checklist. */
export function MaterialsRefusal({ materials }: { materials: readonly RefusedMaterial[] }) {
  const { t, locale } = useApp();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: 'center' });
  }, [materials]);
  return (
    <div ref={ref} className="notice notice-error" role="alert" tabIndex={-1} data-testid="accept-refused">
      <p>
        <strong>{t.acceptRefusedTitle}</strong>
      </p>
      <ul>
        {materials.map((m) => (
          <li key={m.id} data-material={m.id}>
            <a href={`#${controlId(m.id)}`} onClick={(e) => goToCheck(e, m.id)}>
              {pick(m.name, locale)}
            </a>
            {m.group && <span className="muted">{t.paren(t.refusedGroup)}</span>}
          </li>
        ))}
      </ul>
      <p>{t.acceptRefusedHow}</p>
    </div>
  );
}
