/** The catalogue's one-thing bundles (一件事): each with its event, members and submission; open one in the editor. */
import { useEffect, useState } from 'react';
import type { BundleDefinition, LocalizedText } from '../../../engine/index.ts';
import { api } from '../../../runtime/web/api.ts';
import { Link } from '../../../runtime/web/router.tsx';
import { canEdit, useDesigner } from '../../context.ts';
import { useBundleWords } from './words.ts';

/** A bundle as GET /api/designer/bundles lists it. */
export interface BundleEntry {
  file: string;
  id: string;
  version: string;
  region: string;
  title: LocalizedText;
  bundle: BundleDefinition;
}

/** The name a bundle goes by in the designer's address: its file's name (`bundles/relocation.json` → `relocation`). */
export const bundleName = (file: string): string => file.replace(/^.*\//, '').replace(/\.json$/, '');

export function BundlesPage() {
  const { locale, user, regions } = useDesigner();
  const w = useBundleWords();
  const [bundles, setBundles] = useState<BundleEntry[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.get<{ bundles: BundleEntry[] }>('/api/designer/bundles').then((r) => setBundles(r.bundles), (e: unknown) => setError((e as Error).message));
  }, []);
  return (
    <>
      <h1>{w.listTitle}</h1>
      <p>{w.listIntro}</p>
      <p className="muted">{w.publishNote}</p>
      {error && <p role="alert" className="error">{error}</p>}
      {!bundles ? !error && <p aria-busy="true">{w.pending}</p> : bundles.length === 0 ? <p>{w.none}</p> : (
        <table className="bundle-list" data-testid="bundle-list">
          <thead>
            <tr><th scope="col">{w.title}</th><th scope="col">{w.event}</th><th scope="col">{w.members}</th><th scope="col">{w.submission}</th><th scope="col">{w.file}</th></tr>
          </thead>
          <tbody>
            {bundles.map((b) => (
              <tr key={b.file} data-testid="bundle-row" data-file={b.file}>
                <td>
                  <Link to={`/designer/bundles/${encodeURIComponent(bundleName(b.file))}`} data-testid="bundle-open">{b.title[locale]}</Link>
                  <div className="muted"><span className="code">{b.id}@{b.version}</span> · {regions.get(b.region)?.name[locale] ?? b.region}</div>
                </td>
                <td>{w.events[b.bundle.event] ?? b.bundle.event} <span className="muted">({w.eventTypes[b.bundle.eventType] ?? b.bundle.eventType})</span></td>
                <td>{b.bundle.members.length}</td>
                <td>{w.submissions[b.bundle.submission]?.replace(/[（(].*$/, '') ?? b.bundle.submission}</td>
                <td><span className="code">{b.file}</span>{!canEdit(user) && <span className="muted"> · {w.view}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
