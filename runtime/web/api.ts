/** The JSON API client: same-origin cookies, the CSRF token on changes, and refusals as ApiError. */

/**
 * A refusal from the API (`{ error: { code, message, ... } }`) or a network failure (status 0, code `network`). The
 * UI words it from `code` and `details` (components.tsx messageOf, i18n.ts serverErrors); `message` is the server's
 * English text, for logs and developers only.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken: Promise<string> | undefined;

function csrf(): Promise<string> {
  csrfToken ??= request<{ token: string }>('GET', '/api/csrf').then((r) => r.token);
  csrfToken.catch(() => (csrfToken = undefined));
  return csrfToken;
}

async function request<T>(method: string, path: string, body?: unknown, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await csrf();
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'network error');
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.ok) return parsed as T;
  const { code = 'http', message = response.statusText, ...details } = ((parsed as { error?: Record<string, unknown> } | undefined)?.error ?? {}) as Record<string, unknown>;
  // the CSRF secret cookie may have changed (another tab, a restart): fetch a fresh token once
  if (code === 'csrf' && !retried) {
    csrfToken = undefined;
    return request<T>(method, path, body, true);
  }
  throw new ApiError(response.status, String(code), String(message), details);
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
