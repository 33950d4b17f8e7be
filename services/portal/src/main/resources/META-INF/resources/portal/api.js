// The public API through the gateway (same origin), with the signed-in user's bearer token when there is one.
const TOKEN = 'parindex.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN);
}

/** The signed-in user's claims (sub, groups, units, campaigns), or null; an expired token counts as none. */
export function user() {
  const tok = token();
  if (!tok) return null;
  try {
    const b64 = tok.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      atob(b64).split('').map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    const claims = JSON.parse(json);
    if (claims.exp && claims.exp * 1000 < Date.now()) {
      signOut();
      return null;
    }
    const realm = (claims.realm_access && claims.realm_access.roles) || [];
    claims.groups = [...(claims.groups || []), ...realm];
    claims.name = claims.preferred_username || claims.sub;
    return claims;
  } catch (e) {
    return null;
  }
}

export function signIn(accessToken) {
  sessionStorage.setItem(TOKEN, accessToken);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}

/** GET/PUT/POST a JSON resource; answers {body, etag, status}; a problem+json answer throws ApiError. */
export async function call(method, path, body, headers = {}) {
  const h = { Accept: 'application/json', ...headers };
  const tok = token();
  if (tok) h.Authorization = 'Bearer ' + tok;
  if (body !== undefined && body !== null) h['Content-Type'] = 'application/json';
  const r = await fetch(path, {
    method,
    headers: h,
    body: body === undefined || body === null ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!r.ok) throw new ApiError(r.status, json);
  return { body: json, etag: r.headers.get('ETag'), status: r.status };
}

export async function get(path) {
  return (await call('GET', path)).body;
}

/** Like get, but null for a 404 (a unit absent from an index, a missing ranking). */
export async function getOrNull(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e.status === 404 || e.status === 401 || e.status === 403) return null;
    throw e;
  }
}

let config;
/** The portal's configuration (portal/config.json): campaigns and indices offered before sign-in, OIDC provider. */
export async function portalConfig() {
  if (!config) config = await (await fetch('/portal/config.json')).json();
  return config;
}

const rankingCache = new Map();
/** A published ranking (latest, or version v), cached for the page's life. */
export function ranking(code, v) {
  const key = code + '@' + (v || '');
  if (!rankingCache.has(key)) {
    const p = getOrNull('/api/rankings/' + encodeURIComponent(code) + (v ? '?version=' + v : ''));
    p.catch(() => rankingCache.delete(key));
    rankingCache.set(key, p);
  }
  return rankingCache.get(key);
}

let published;
let publishedAt = 0;
/**
 * The published campaigns (public GET /api/rankings: code, name, year, unitLevel, latestVersion …), newest year
 * first, asked again after a minute; the configured codes only when the API cannot answer.
 */
export function publishedList() {
  if (!published || Date.now() - publishedAt > 60000) {
    publishedAt = Date.now();
    published = get('/api/rankings').catch(async () => {
      publishedAt = 0;
      return ((await portalConfig()).campaigns || []).map((code) => ({ code }));
    });
  }
  return published;
}

/** The published campaigns' codes. */
export async function publishedCampaigns() {
  return (await publishedList()).map((c) => c.code);
}
