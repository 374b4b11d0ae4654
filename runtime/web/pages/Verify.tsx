/** Verify an e-certificate: paste or upload its JSON, the server checks the seal (POST /api/certificates/verify). */
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { Notice, useTitle } from '../components.tsx';
import { useApp } from '../context.ts';

export function VerifyCertificate({ headingLevel = 1 }: { headingLevel?: 1 | 2 }) {
  const { t } = useApp();
  const ids = useId();
  const [text, setText] = useState('');
  // kept as data, worded at render time so the language toggle applies
  const [result, setResult] = useState<{ ok: true } | { ok: false; code?: string; reason?: string; notJson?: true; failed?: true }>();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  useTitle(headingLevel === 1 ? t.verifyTitle : undefined);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };
  const verify = async (event: FormEvent) => {
    event.preventDefault();
    let certificate: unknown;
    try {
      certificate = JSON.parse(text);
    } catch {
      return setResult({ ok: false, notJson: true });
    }
    try {
      const answer = await api.post<{ ok: boolean; code?: string; reason?: string }>('/api/certificates/verify', certificate);
      setResult(answer.ok ? { ok: true } : { ok: false, code: answer.code ?? 'unreadable', reason: answer.reason ?? '' });
    } catch (e) {
      // the server refuses what is not a certificate object (400), too large (413) or not JSON (415); anything else
      // is the check being unavailable, worded here rather than shown as the server's English message
      setResult(e instanceof ApiError && e.status >= 400 && e.status < 500 ? { ok: false, code: 'not-a-certificate' } : { ok: false, failed: true });
    }
  };

  return (
    <section aria-labelledby={`${ids}-heading`} className="verify" data-testid="verify-certificate">
      <Heading id={`${ids}-heading`}>{t.verifyTitle}</Heading>
      <form className="stack" onSubmit={verify}>
        <div className="field">
          <label htmlFor={`${ids}-json`}>{t.verifyPaste}</label>
          <textarea id={`${ids}-json`} rows={5} value={text} onChange={(e) => setText(e.target.value)} data-testid="verify-input" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-file`}>{t.verifyFile}</label>
          <input id={`${ids}-file`} type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} data-testid="verify-file" />
        </div>
        <button type="submit" className="btn btn-primary" data-testid="verify-submit">
          {t.verifyButton}
        </button>
      </form>
      <div aria-live="polite">
        {result && (
          <Notice kind={result.ok ? 'success' : 'error'} testId="verify-result">
            <span data-ok={result.ok ? 'true' : 'false'}>{result.ok ? t.verifyOk : result.notJson ? t.verifyNotJson : result.failed ? t.publicCertLoadFailed : t.verifyBad(t.certCheckFailures[result.code ?? ''] ?? result.reason ?? '')}</span>
          </Notice>
        )}
      </div>
    </section>
  );
}
