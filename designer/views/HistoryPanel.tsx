/**
 * Every published version of the draft's matter in its region — who published it and when — and the classified diff
 * between any two of them (a one-off comparison, computed when asked).
 */
import { useEffect, useMemo, useState } from 'react';
import { diff, type Change, type MatterDefinition } from '../../engine/index.ts';
import { api } from '../../runtime/web/api.ts';
import { useDesigner } from '../context.ts';
import type { VersionEntry } from '../types.ts';

export function HistoryPanel({ matterId, region, sharedSchemas }: { matterId: string; region: string; sharedSchemas: readonly object[] }) {
  const { t, locale } = useDesigner();
  const [versions, setVersions] = useState<VersionEntry[]>();
  const [pair, setPair] = useState<[string, string]>();
  const [changes, setChanges] = useState<Change[]>();
  const shared = useMemo(() => new Map(sharedSchemas.map((s) => [String((s as { $id?: unknown }).$id), s as unknown])), [sharedSchemas]);
  useEffect(() => {
    api.get<{ versions: VersionEntry[] }>(`/api/definitions/${matterId}/${region}/versions`).then((r) => {
      setVersions(r.versions);
      if (r.versions.length >= 2) setPair([r.versions.at(-2)!.version, r.versions.at(-1)!.version]);
    }, () => setVersions([]));
  }, [matterId, region]);
  useEffect(() => {
    if (!pair || !versions) return;
    const load = (v: string) => api.get<{ definition: MatterDefinition }>(`/api/definitions/${matterId}/${region}/${v}`).then((r) => r.definition);
    void Promise.all([load(pair[1]), load(pair[0])]).then(([newer, older]) => setChanges(diff(newer, older, { sharedSchemas: shared })));
  }, [pair, versions, matterId, region, shared]);
  if (!versions) return <p aria-busy="true">{t.loading}</p>;
  if (versions.length === 0) return <p>{t.historyNone}</p>;
  const pick = (i: 0 | 1, v: string) => setPair((p) => (i === 0 ? [v, p?.[1] ?? v] : [p?.[0] ?? v, v]));
  return (
    <div className="history" data-testid="history">
      <table>
        <thead><tr><th scope="col">{t.version}</th><th scope="col">{t.published}</th><th scope="col">{t.by}</th></tr></thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">{v.version}</th>
              <td>{new Date(v.publishedAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en')}</td>
              <td>{v.publishedBy || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length >= 2 && pair && (
        <>
          <div className="inline-form">
            <label>{t.againstSide}<select value={pair[0]} onChange={(e) => pick(0, e.target.value)}>{versions.map((v) => <option key={v.version}>{v.version}</option>)}</select></label>
            <label>{t.draftSide}<select value={pair[1]} onChange={(e) => pick(1, e.target.value)}>{versions.map((v) => <option key={v.version}>{v.version}</option>)}</select></label>
          </div>
          {changes && (changes.length === 0 ? <p>{t.noChanges}</p> : (
            <ul className="changes">
              {changes.map((c, i) => <li key={i} className={`burden-${c.burden}`}><span className="mark" aria-hidden="true">{c.burden === 'more' ? '+' : c.burden === 'less' ? '−' : '·'}</span><span className="visually-hidden">{t.burden[c.burden]}: </span>{c.message[locale]}</li>)}
            </ul>
          ))}
        </>
      )}
    </div>
  );
}
