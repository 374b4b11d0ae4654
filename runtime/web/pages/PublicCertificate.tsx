/**
 * The public check a printed certificate's QR code leads to (/verify/:id): no sign-in; the server re-verifies the
 * stored certificate (GET /api/public/certificates/:id) and this page says valid / expired / not valid in words and
 * a symbol (never colour alone), then what the paper should show: holder (number masked), issuer, matter, dates.
 */
import { api, ApiError } from '../api.ts';
import { Notice, useLoad, useTitle } from '../components.tsx';
import { useApp } from '../context.ts';
import { formatTime, pick, type Locale } from '../i18n.ts';
import { Link } from '../router.tsx';
import type { PublicCertificate } from '../types.ts';

// the API's id pattern: anything else cannot be a certificate, so it is not asked for
const wellFormed = /^[A-Za-z0-9_-]{1,200}$/;
const symbols = { valid: '✓', expired: '!', invalid: '✕' } as const;

/** A `YYYY-MM-DD` day in words (the day itself, whatever the browser's time zone). */
const formatDay = (day: string, locale: Locale): string =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'UTC', dateStyle: 'long' });

export function PublicCertificatePage({ id }: { id: string }) {
  const { t } = useApp();
  useTitle(t.publicCertTitle);
  const state = useLoad(
    () => (wellFormed.test(id) ? api.get<PublicCertificate>(`/api/public/certificates/${encodeURIComponent(id)}`) : Promise.reject(new ApiError(404, 'not-found', ''))),
    id,
  );
  return (
    <section className="public-certificate" data-testid="public-certificate">
      <h1>{t.publicCertTitle}</h1>
      {state.error !== undefined ? (
        state.error instanceof ApiError && state.error.status === 404 ? (
          <Notice kind="error" testId="public-cert-not-found">{t.publicCertNotFound}</Notice>
        ) : (
          <Notice kind="error" testId="public-cert-error">
            {t.publicCertLoadFailed}{' '}
            <button type="button" className="btn-link" onClick={state.reload}>{t.retry}</button>
          </Notice>
        )
      ) : state.data === undefined ? (
        <p aria-busy="true">{t.loading}</p>
      ) : (
        <Answer c={state.data} />
      )}
      <p>
        <Link to="/verify">{t.publicCertVerifyFile}</Link>
      </p>
    </section>
  );
}

function Answer({ c }: { c: PublicCertificate }) {
  const { t, locale } = useApp();
  const day = (value: string | null) => (value ? formatDay(value, locale) : t.publicCertUnknown);
  const v = c.validity;
  const validity =
    v.kind === 'years' && v.until ? t.publicCertFromUntil(day(v.from), day(v.until))
    : v.kind === 'long-term' ? t.publicCertLongTerm(day(v.from))
    : v.kind === 'conditional' ? [t.publicCertConditional, pick(v.note, locale)].filter(Boolean).join(locale === 'zh' ? '：' : ': ')
    : `${day(v.from)} · ${t.publicCertUnstated}`;
  const region = c.matter.region && pick(c.matter.region, locale);
  const matter = [pick(c.matter.title, locale), region && (locale === 'zh' ? `（${region}）` : `(${region})`)].filter(Boolean).join(locale === 'zh' ? '' : ' ');
  const rows: [string, string, string][] = [
    ['holder', t.publicCertHolder, c.holder.name ?? t.publicCertUnknown],
    ...(c.holder.idNumber ? [['id-number', t.publicCertIdNumber, c.holder.idNumber] as [string, string, string]] : []),
    ['issuer', t.publicCertIssuer, pick(c.issuer, locale) || t.publicCertUnknown],
    ['matter', t.publicCertMatter, matter || t.publicCertUnknown],
    ['issued', t.publicCertIssued, day(v.from)],
    ['validity', t.publicCertValidity, validity],
    ['number', t.publicCertNumber, c.id],
    ['seal', t.publicCertSeal, c.check.ok ? t.publicCertSealOk : t.publicCertSealBad],
    ['checked', t.publicCertChecked, formatTime(c.checkedAt, locale)],
  ];
  return (
    <>
      <p>{t.publicCertIntro}</p>
      <Notice kind={c.status === 'valid' ? 'success' : 'error'} testId="public-cert-status">
        <p className="public-cert-state" data-status={c.status}>
          <strong>
            <span aria-hidden="true">{symbols[c.status]} </span>
            {t.publicCertStatusShort[c.status]}
          </strong>
        </p>
        <p>{t.publicCertStatus[c.status]}</p>
        {!c.check.ok && <p data-testid="public-cert-reason" data-code={c.check.code}>{t.publicCertReason(t.certCheckFailures[c.check.code] ?? c.check.code)}</p>}
      </Notice>
      <h2>{pick(c.title, locale) || t.publicCertDetails}</h2>
      {c.status === 'invalid' && <p><strong>{t.publicCertUntrusted}</strong></p>}
      <dl className="summary-list" data-testid="public-cert-details">
        {rows.map(([key, label, value]) => (
          <div key={key} data-field={key}>
            <dt>{label}</dt>
            <dd className="answer">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
