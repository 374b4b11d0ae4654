/**
 * The parts of a page only one-thing bundles (一件事, issue 13) show, a chunk of their own with their own words in both
 * languages (loaded when a bundle's guide or case is shown; the applicant pages of single matters never load it):
 * the guide's members with their departments, how it is submitted, the one set of materials and the saving; a case's
 * members, each with its department, its current step or outcome, and its own certificates.
 */
import type { ComponentType } from 'react';
import { useApp } from './context.ts';
import { formatTime, pick, type Locale } from './i18n.ts';
import { roleLabel } from './bundles.ts';
import type { BundleSaving, CaseDetail, CaseMember, GuideBundle } from './types.ts';

const zh = {
  bundleMembers: '一次办理的事项',
  memberDepartment: '办理部门',
  submissionTitle: '提交方式',
  submissionNames: { once: '一次提交，各部门并联办理', separate: '各事项分别提交' } as Record<string, string>,
  bundleMaterials: '下方“材料”是各事项合并后的一套材料：几个事项都要的材料只需提交一次。',
  savingTitle: '合并办理省了多少',
  savingCaption: '分别办理各事项与作为一件事办理的对比',
  savingItem: '项目',
  savingSeparately: '分别办理',
  savingTogether: '一件事办理',
  savingSaved: '节省',
  savingNames: { fieldsTyped: '需填写的字段', materials: '需提交的材料', visits: '到现场次数', promisedDays: '承诺办结时限（工作日）', submissions: '提交申请次数' } as Record<string, string>,
  memberProgress: '各事项办理进度',
  memberProgressCaption: '各事项的办理部门、当前环节或结果、电子证照',
  memberStepOrOutcome: '当前环节或结果',
  noCertificateYet: '尚未签发',
};

/** The words of the bundle parts (the Chinese table's type, which the English one must match). */
export type BundleWords = typeof zh;

const en: BundleWords = {
  bundleMembers: 'The matters handled in one',
  memberDepartment: 'Handled by',
  submissionTitle: 'How it is submitted',
  submissionNames: { once: 'Submitted once; the departments handle their parts in parallel', separate: 'Each matter submitted separately' },
  bundleMaterials: 'The materials below are one set for all the matters: a material several of them need is brought once.',
  savingTitle: 'What applying as one thing saves',
  savingCaption: 'Applying for each matter separately compared with applying as one thing',
  savingItem: 'Item',
  savingSeparately: 'Separately',
  savingTogether: 'As one thing',
  savingSaved: 'Saved',
  savingNames: { fieldsTyped: 'Fields to fill in', materials: 'Materials to bring', visits: 'On-site visits', promisedDays: 'Promised time (working days)', submissions: 'Applications to submit' },
  memberProgress: 'Progress of each matter',
  memberProgressCaption: 'Each matter: who handles it, its current step or result, its e-certificates',
  memberStepOrOutcome: 'Current step or result',
  noCertificateYet: 'Not issued yet',
};

export const bundleWords: Readonly<Record<Locale, BundleWords>> = { zh, en };

export const savingMetrics = ['fieldsTyped', 'materials', 'visits', 'promisedDays', 'submissions'] as const;
export type SavingMetric = (typeof savingMetrics)[number];

/** A figure of the saving: at most one decimal (promised days may be part of a day), a true minus sign for a loss. */
export const savingFigure = (n: number): string => {
  const rounded = Math.round(n * 10) / 10;
  return rounded < 0 ? `\u2212${-rounded}` : String(rounded);
};

/** The saving as table rows, one per metric: applied for separately, as one thing, and what that saves. */
export function savingRows(saving: BundleSaving): { metric: SavingMetric; separately: number; together: number; saved: number }[] {
  return savingMetrics.map((metric) => ({ metric, separately: saving.separately[metric], together: saving.together[metric], saved: saving.saved[metric] }));
}

/** A bundle's guide: its members with their departments, how it is submitted, and the saving as a small table. */
export function BundleGuide({ bundle }: { bundle: GuideBundle }) {
  const { t, locale } = useApp();
  const w = bundleWords[locale];
  return (
    <>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{w.bundleMembers}</h2>
        <ol className="member-list" data-testid="bundle-members">
          {bundle.members.map((m) => (
            <li key={m.key} data-testid="bundle-member" data-member={m.key}>
              <strong>{pick(m.title, locale)}</strong>
              <div>
                {w.memberDepartment}
                {t.colon}
                {pick(m.departmentName, locale) || m.department}
              </div>
            </li>
          ))}
        </ol>
        <p data-testid="bundle-submission">
          {w.submissionTitle}
          {t.colon}
          {w.submissionNames[bundle.submission] ?? bundle.submission}
        </p>
        <p>{w.bundleMaterials}</p>
      </section>
      {bundle.saving && (
        <section aria-labelledby="saving-heading">
          <h2 id="saving-heading">{w.savingTitle}</h2>
          <table className="table saving" data-testid="bundle-saving">
            <caption className="visually-hidden">{w.savingCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{w.savingItem}</th>
                <th scope="col">{w.savingSeparately}</th>
                <th scope="col">{w.savingTogether}</th>
                <th scope="col">{w.savingSaved}</th>
              </tr>
            </thead>
            <tbody>
              {savingRows(bundle.saving).map((r) => (
                <tr key={r.metric} data-metric={r.metric}>
                  <th scope="row">{w.savingNames[r.metric]}</th>
                  <td data-testid="saving-separately">{savingFigure(r.separately)}</td>
                  <td data-testid="saving-together">{savingFigure(r.together)}</td>
                  <td data-testid="saving-saved">{savingFigure(r.saved)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

/**
 * A bundle case's members: each with its department, its current step (and whose it is) or its outcome, and its own
 * certificates.
 */
/** `links`: the case page's certificate links, handed in (this chunk is loaded from the case page: no import back). */
export function MemberProgress({ c, members, links: CertificateLinks }: { c: CaseDetail; members: readonly CaseMember[]; links: ComponentType<{ cert: CaseDetail['certificates'][number]; of?: string }> }) {
  const { t, locale } = useApp();
  const w = bundleWords[locale];
  return (
    <section aria-labelledby="members-progress-heading">
      <h2 id="members-progress-heading">{w.memberProgress}</h2>
      <table className="table stacked" data-testid="member-progress">
        <caption className="visually-hidden">{w.memberProgressCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.matter}</th>
            <th scope="col">{w.memberDepartment}</th>
            <th scope="col">{w.memberStepOrOutcome}</th>
            <th scope="col">{t.certificate}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const title = pick(m.title, locale);
            const certificates = c.certificates.filter((cert) => m.certificates.includes(cert.id));
            return (
              <tr key={m.key} data-testid="member" data-member={m.key} data-outcome={m.outcome ?? ''}>
                <th scope="row">{title}</th>
                <td data-label={w.memberDepartment}>{pick(m.departmentName, locale) || m.department}</td>
                <td data-label={w.memberStepOrOutcome} data-testid="member-step">
                  {m.outcome ? (
                    <strong>{t.outcomeNames[m.outcome] ?? m.outcome}</strong>
                  ) : (
                    <>
                      {pick(m.step, locale) || '—'}
                      {m.role && <span className="muted"> ({m.role.split(' ').map((r) => roleLabel(r, t)).join(t.listSeparator)})</span>}
                    </>
                  )}
                </td>
                <td data-label={t.certificate} data-testid="member-certificates">
                  {certificates.length > 0 ? (
                    <ul className="certificates">
                      {certificates.map((cert) => (
                        <li key={cert.id}>
                          {formatTime(cert.issuedAt, locale)} <CertificateLinks cert={cert} of={title} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">{m.outcome === null || m.outcome === 'approved' ? w.noCertificateYet : '—'}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
