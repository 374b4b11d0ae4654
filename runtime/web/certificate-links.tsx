/** A certificate's links (its own module: the case page and a bundle's member rows both show them). */
import { useApp } from './context.ts';
import { Link } from './router.tsx';
import type { CaseDetail } from './types.ts';

/** A certificate's links: download (JSON), print, check online; `of` names whose it is, for screen readers. */
export function CertificateLinks({ cert, of }: { cert: CaseDetail['certificates'][number]; of?: string }) {
  const { t } = useApp();
  const whose = of && <span className="visually-hidden">{t.paren(of)}</span>;
  return (
    <>
      <a className="btn" href={cert.json} download={`${cert.id}.json`} data-testid="certificate-download">
        {t.downloadJson}
        {whose}
      </a>{' '}
      <a className="btn" href={cert.html} target="_blank" rel="noopener" data-testid="certificate-print">
        {t.printHtml}
        {whose}
      </a>{' '}
      <Link className="btn" to={`/verify/${encodeURIComponent(cert.id)}`} data-testid="certificate-verify-link">
        {t.verifyPublicLink}
        {whose}
      </Link>
    </>
  );
}
