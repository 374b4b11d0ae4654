/**
 * Right after publishing: how many running cases sit on each older version of the matter in its region, and how many
 * of them could move to the version just published — with the way to the running-cases panel, where they are moved.
 */
import { useEffect, useState } from 'react';
import { api } from '../../../runtime/web/api.ts';
import { useDesigner } from '../../context.ts';

interface Summary { versions: { version: string; running: number; compatible: number }[] }

const words = {
  zh: {
    loading: '正在统计旧版本上的在办案件…',
    none: '旧版本上没有在办案件。',
    version: (v: string, running: number, compatible: number) => `版本 ${v}：在办 ${running} 件，其中 ${compatible} 件可迁移到新版本`,
    open: '查看和迁移在办案件',
  },
  en: {
    loading: 'Counting the running cases on older versions…',
    none: 'No running cases on older versions.',
    version: (v: string, running: number, compatible: number) => `Version ${v}: ${running} running, ${compatible} of them can move to the new version`,
    open: 'Review and move running cases',
  },
};

export function RunningCasesSummary({ matterId, region, version, onOpen }: { matterId: string; region: string; version: string; onOpen: () => void }) {
  const { locale } = useDesigner();
  const w = words[locale];
  const [summary, setSummary] = useState<Summary | null>();
  useEffect(() => {
    api.get<Summary>(`/api/matters/${encodeURIComponent(matterId)}/regions/${encodeURIComponent(region)}/migration?to=${encodeURIComponent(version)}`).then(setSummary, () => setSummary(null));
  }, [matterId, region, version]);
  if (summary === null) return null; // not readable here (no scope): the panel says why
  if (summary === undefined) return <p aria-busy="true">{w.loading}</p>;
  const running = summary.versions.filter((v) => v.running > 0);
  return (
    <div data-testid="published-running-cases">
      {running.length === 0 ? <p>{w.none}</p> : <ul>{running.map((v) => <li key={v.version}>{w.version(v.version, v.running, v.compatible)}</li>)}</ul>}
      {running.length > 0 && <button type="button" className="btn" onClick={onOpen} data-testid="open-running-cases">{w.open}</button>}
    </div>
  );
}
