import { t } from './i18n.js';

/** An answer that is not 2xx: its status and its RFC 9457 problem (title, detail, errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

/** The REST API with the signed-in key: every call as a third-party front-end would make it. */
export function createApi(key) {
  async function call(method, path, body, headers = {}) {
    let response;
    try {
      response = await fetch(path, {
        method,
        headers: {
          Authorization: `Bearer ${key}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, null);
    }

    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = null; }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  /** A file the API serves (a recording): fetched with the key, since a media element cannot send one. */
  async function blob(path) {
    let response;
    try {
      response = await fetch(path, { headers: { Authorization: `Bearer ${key}` } });
    } catch {
      throw new ApiError(0, null);
    }

    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { problem = null; }
      throw new ApiError(response.status, problem);
    }

    return response.blob();
  }

  return {
    get: path => call('GET', path),
    post: (path, body = {}) => call('POST', path, body),
    put: (path, body, headers) => call('PUT', path, body, headers),
    delete: path => call('DELETE', path),
    blob,
  };
}

/** A failed call in words the person can act on: what happened, then the server's own detail and fields. */
export function describe(error) {
  if (!(error instanceof ApiError)) return t('error.other', { status: '?' });
  if (error.status === 0) return t('error.network');
  const known = ['400', '401', '403', '404', '409', '412', '422', '429'].includes(String(error.status));
  const lead = known ? t(`error.${error.status}`) : t('error.other', { status: error.status });
  const fields = Object.values(error.problem.errors ?? {}).flat();
  const detail = [error.problem.detail, ...fields].filter(Boolean).filter((d, i, all) => all.indexOf(d) === i).join(' ');
  return detail ? `${lead} ${detail}` : lead;
}
