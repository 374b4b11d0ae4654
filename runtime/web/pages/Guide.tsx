/**
 * The service guide of one matter in one region: materials (waived ones marked, with the reason; conditional ones with
 * their situation; one-of groups), time limits in their unit with extension, fees with their conditions and waivers,
 * visits, who implements it (its nature; the standard's owner), who may apply and where, results (validity, delivery),
 * places and contact, legal basis, and "start application". A one-thing bundle's guide is marked as one, with its
 * life event, and shows its members, how it is submitted and the saving (bundle-parts.tsx).
 */
import { useState } from 'react';
import { api } from '../api.ts';
import { Loaded, messageOf, Notice, useLoad, useTitle } from '../components.tsx';
import { useApp } from '../context.ts';
import { pick } from '../i18n.ts';
import { navigate } from '../router.tsx';
import { onlyWhen } from '../situation-parts.tsx';
import { lifeEventName } from '../bundles.ts';
import { lazyPage } from '../lazy-page.tsx';
import type { CaseDetail, Guide, GuideDepartment, GuideFee, GuideMaterial, Localized } from '../types.ts';

type Texts = ReturnType<typeof useApp>['t'];
type Locale = ReturnType<typeof useApp>['locale'];

// a bundle's members and saving: a chunk of its own, which only bundles' guides load
const BundleGuide = lazyPage(() => import('../bundle-parts.tsx').then((m) => m.BundleGuide));

/** The time limits in words: promised (or "on the spot" with minutes), statutory or none, and the extension. */
function timeLimitText(guide: Guide, t: Texts): string {
  const { unit, promisedDays, statutoryDays, extendableTo, onSiteMinutes } = guide.timeLimit;
  const parts = [guide.handlingType === 'immediate' ? t.handlingNames.immediate! : t.promisedDays(promisedDays, unit)];
  if (onSiteMinutes !== undefined) parts.push(t.onSiteMinutes(onSiteMinutes));
  parts.push(statutoryDays === undefined ? t.noStatutoryLimit : t.statutoryDays(statutoryDays, unit));
  if (extendableTo !== undefined) parts.push(t.extendableTo(extendableTo, unit));
  return parts.join(' · ');
}

/** When a fee is due and when it is waived: the waiver's own reason where the definition gives one. */
function feeSituation(f: GuideFee, t: Texts, locale: Locale): string[] {
  const out: string[] = [];
  if (f.whenText) out.push(onlyWhen(f.whenText, t, locale));
  if (f.waiverReason) out.push(pick(f.waiverReason, locale));
  else if (f.waivedWhenText) out.push(f.waivedWhenText.generic ? t.waivedInSomeSituations : t.waivedWhen(f.waivedWhenText[locale]));
  return out;
}

/** The situation of a material: when it applies, and the others of its one-of group. */
function materialSituation(m: GuideMaterial, all: readonly GuideMaterial[], t: Texts, locale: Locale): string[] {
  const out: string[] = [];
  if (m.whenText) out.push(onlyWhen(m.whenText, t, locale));
  if (m.oneOfGroup !== undefined) {
    const others = all.filter((o) => o.oneOfGroup === m.oneOfGroup && o.id !== m.id).map((o) => pick(o.name, locale));
    if (others.length > 0) out.push(t.oneOfWith(locale === 'zh' ? others.map((n) => `「${n}」`).join('、') : others.join(', ')));
  }
  return out;
}

/** The implementing body's nature (法定机关 / 授权组织 / 受委托组织) and, if entrusted, by whom; undefined when not given. */
function bodyNature(d: GuideDepartment, t: Texts, locale: Locale): string | undefined {
  const nature = d.nature && (t.natureNames[d.nature] ?? d.nature);
  const by = d.entrustedBy && t.entrustedBy(pick(d.entrustedBy, locale));
  return [nature, by].filter(Boolean).join(t.listSeparator) || undefined;
}

const validityText = (v: { kind: string; years?: number; note?: Localized } | undefined, t: Texts, locale: Locale): string | undefined => {
  if (!v) return undefined;
  const kind = v.kind === 'years' && v.years !== undefined ? t.validityYears(v.years) : v.kind === 'long-term' ? t.validityLongTerm : t.validityConditional;
  return v.note ? `${kind}${t.paren(pick(v.note, locale))}` : kind;
};

export function GuidePage({ id, region }: { id: string; region: string }) {
  const { t, locale, user } = useApp();
  const path = `/api/matters/${encodeURIComponent(id)}/regions/${encodeURIComponent(region)}/guide`;
  // the guide is personalized for the signed-in applicant: read it again when the user changes
  const state = useLoad(() => api.get<Guide>(path), `${path}|${user?.id ?? ''}`);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string>();
  useTitle(state.data ? `${pick(state.data.matter.title, locale)} · ${t.guideTitle}` : t.guideTitle);

  const start = async () => {
    if (!user) return navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
    setStarting(true);
    setError(undefined);
    try {
      const started = await api.post<CaseDetail>('/api/cases', { matterId: id, region });
      navigate(`/cases/${started.id}`);
    } catch (e) {
      setError(messageOf(e));
      setStarting(false);
    }
  };

  return (
    <Loaded state={state}>
      {(guide) => (
        <article data-testid="guide">
          {guide.bundle && (
            <p className="one-thing-mark" data-testid="one-thing-mark">
              {t.oneThing} · {lifeEventName(guide.bundle.event, t)}
            </p>
          )}
          <p className="muted">{t.guideTitle} · {guide.matter.id} · {pick(guide.matter.region.name, locale)}</p>
          <h1>{pick(guide.matter.title, locale)}</h1>
          {guide.matter.summary && <p>{pick(guide.matter.summary, locale)}</p>}
          <dl className="facts">
            <div>
              <dt>{t.department}</dt>
              <dd data-testid="department">
                {pick(guide.matter.department.name, locale)}
                {bodyNature(guide.matter.department, t, locale) && <div className="reason situation-note">{bodyNature(guide.matter.department, t, locale)}</div>}
              </dd>
            </div>
            {guide.matter.standardOwner && (
              <div>
                <dt>{t.standardOwner}</dt>
                <dd data-testid="standard-owner">{pick(guide.matter.standardOwner.name, locale)}</dd>
              </div>
            )}
            {(guide.matter.serviceObject || guide.matter.acceptanceScope) && (
              <div>
                <dt>{t.serviceObject}</dt>
                <dd data-testid="service-object">
                  {guide.matter.serviceObject?.map((o) => t.serviceObjectNames[o] ?? o).join(t.listSeparator)}
                  {guide.matter.acceptanceScope && (
                    <div className="reason situation-note">
                      {t.acceptanceScope}
                      {t.colon}
                      {t.acceptanceScopeNames[guide.matter.acceptanceScope] ?? guide.matter.acceptanceScope}
                    </div>
                  )}
                </dd>
              </div>
            )}
            <div>
              <dt>{t.timeLimits}</dt>
              <dd data-testid="promised-days">{timeLimitText(guide, t)}</dd>
            </div>
            <div>
              <dt>{t.fees}</dt>
              <dd data-testid="fees">
                {guide.fees.length === 0 ? (
                  t.free
                ) : (
                  <ul className="plain">
                    {guide.fees.map((f) => (
                      <li key={f.id} data-fee={f.id}>
                        {t.feeLine(pick(f.name, locale), f.amount)}
                        {feeSituation(f, t, locale).map((text) => (
                          <div key={text} className="reason situation-note">
                            {text}
                          </div>
                        ))}
                      </li>
                    ))}
                    {guide.fees.some((f) => f.whenText === null) && <li>{t.feeTotal(guide.totalFee)}</li>}
                  </ul>
                )}
              </dd>
            </div>
            <div>
              <dt>{t.visits}</dt>
              <dd data-testid="visits">
                {t.visitsCount(guide.visits)}
                {guide.visitReason && <span className="muted">{' · '}{pick(guide.visitReason, locale)}</span>}
              </dd>
            </div>
          </dl>

          <section aria-labelledby="start-heading" className="start">
            <h2 id="start-heading" className="visually-hidden">{t.start}</h2>
            {user && user.role !== 'applicant' ? (
              <p>{t.onlyApplicants}</p>
            ) : (
              <button type="button" className="btn btn-primary" onClick={start} disabled={starting} data-testid="start-application">
                {user ? t.start : t.startSignIn}
              </button>
            )}
            {error && <Notice kind="error">{error}</Notice>}
          </section>

          {guide.bundle && <BundleGuide bundle={guide.bundle} />}

          {guide.acceptanceConditions.length > 0 && (
            <section aria-labelledby="conditions-heading">
              <h2 id="conditions-heading">{t.conditions}</h2>
              <ul>
                {guide.acceptanceConditions.map((c, i) => (
                  <li key={i}>{pick(c, locale)}</li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="materials-heading">
            <h2 id="materials-heading">{t.materials}</h2>
            {guide.personalizedFor ? (
              <Notice kind="success" testId="waived-summary">
                {t.personalized} {t.waivedSummary(guide.waived.length)}
              </Notice>
            ) : (
              guide.materials.some((m) => m.waivable) && <p className="muted">{t.waivableHint}</p>
            )}
            <table className="table" data-testid="materials">
              <thead>
                <tr>
                  <th scope="col">{t.materialName}</th>
                  <th scope="col">{t.necessity}</th>
                  <th scope="col">{t.youNeed}</th>
                </tr>
              </thead>
              <tbody>
                {guide.materials.map((m) => (
                  <tr key={m.id} data-testid="material" data-material={m.id} data-waived={m.waived ? 'true' : 'false'} className={m.waived || m.coveredBy !== null ? 'waived' : undefined}>
                    <th scope="row">
                      {pick(m.name, locale)}
                      {materialSituation(m, guide.materials, t, locale).map((text) => (
                        <div key={text} className="reason situation-note" data-testid="material-situation">
                          {text}
                        </div>
                      ))}
                    </th>
                    <td>{t.necessityNames[m.necessity] ?? m.necessity}</td>
                    <td>
                      {m.waived ? (
                        <>
                          <strong className="waived-label">✓ {t.waivedYes(pick(m.name, locale))}</strong>
                          {m.waivedReason && <div className="reason">{pick(m.waivedReason, locale)}</div>}
                        </>
                      ) : m.coveredBy !== null ? (
                        <>
                          <strong className="waived-label">✓ {t.coveredByGroup}</strong>
                          <div className="reason">{t.coveredByShared(pick(guide.materials.find((o) => o.id === m.coveredBy)?.name, locale))}</div>
                        </>
                      ) : m.necessity === 'exempted' ? (
                        t.necessityNames.exempted
                      ) : m.necessity === 'optional' ? (
                        t.bringIfApplies
                      ) : (
                        t.needBring
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          {guide.outputs.length > 0 && (
            <section aria-labelledby="outputs-heading">
              <h2 id="outputs-heading">{t.outputs}</h2>
              <ul data-testid="outputs">
                {guide.outputs.map((o) => (
                  <li key={o.id}>
                    <strong>{pick(o.name, locale)}</strong>
                    {[o.electronic ? t.electronicOutput : undefined, validityText(o.validity, t, locale), ...(o.delivery ?? []).map((d) => t.deliveryNames[d] ?? d)]
                      .filter((x) => x !== undefined)
                      .map((x) => ` · ${x}`)
                      .join('')}
                  </li>
                ))}
              </ul>
            </section>
          )}

          {guide.locations.length > 0 && (
            <section aria-labelledby="locations-heading">
              <h2 id="locations-heading">{t.locations}</h2>
              <ul data-testid="locations">
                {guide.locations.map((l, i) => (
                  <li key={i}>
                    <strong>{pick(l.name, locale)}</strong>
                    {l.address && <div>{t.address}{t.colon}{pick(l.address, locale)}</div>}
                    {l.hours && <div>{t.hours}{t.colon}{pick(l.hours, locale)}</div>}
                    {l.window && <div>{t.window}{t.colon}{l.window}</div>}
                    {l.phone && <div>{t.phone}{t.colon}{l.phone}</div>}
                  </li>
                ))}
              </ul>
            </section>
          )}

          {guide.contact && (guide.contact.consult || guide.contact.complaint || guide.contact.email) && (
            <section aria-labelledby="contact-heading">
              <h2 id="contact-heading">{t.contact}</h2>
              <ul data-testid="contact">
                {guide.contact.consult && <li>{t.consultPhone}{t.colon}{guide.contact.consult}</li>}
                {guide.contact.complaint && <li>{t.complaintPhone}{t.colon}{guide.contact.complaint}</li>}
                {guide.contact.email && <li>{t.email}{t.colon}{guide.contact.email}</li>}
                {guide.contact.hours && <li>{t.hours}{t.colon}{pick(guide.contact.hours, locale)}</li>}
              </ul>
            </section>
          )}

          <section aria-labelledby="basis-heading">
            <h2 id="basis-heading">{t.legalBasis}</h2>
            <ul data-testid="legal-basis">
              {guide.legalBasis.map((b) => (
                <li key={b.id}>
                  {pick(b.title, locale)} {b.article}
                </li>
              ))}
            </ul>
          </section>
        </article>
      )}
    </Loaded>
  );
}
