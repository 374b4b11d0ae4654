/** Reads one API path and follows it when the path changes; the reply, or the refusal's message. */
import { useEffect, useState } from 'react';
import { api } from '../../../runtime/web/api.ts';

export function useApi<T>(path: string): { data: T | undefined; error: string | undefined } {
  const [state, setState] = useState<{ path: string; data?: T; error?: string }>({ path });
  useEffect(() => {
    let live = true;
    api.get<T>(path).then((data) => live && setState({ path, data }), (e: unknown) => live && setState({ path, error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [path]);
  // a stale reply (of the previous path) is kept on screen until the new one comes, so sorting does not flicker
  return { data: state.data, error: state.error };
}
