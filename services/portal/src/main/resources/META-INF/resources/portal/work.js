// Sign-in (the embedded mode's local issuer, or an OIDC provider with authorization code + PKCE), the unit
// officer's self-assessment form and the appraiser's view (self against appraised, with reasons).
import { t, num, language } from './i18n.js';
import { call, get, user, signIn, portalConfig, ApiError } from './api.js';
import { esc } from './dom.js';

function landing() {
  const groups = (user() || {}).groups || [];
  if (groups.includes('unit-officer')) return '#/assessment';
  if (groups.includes('appraiser')) return '#/appraisal';
  return '#/rankings';
}

export async function signInPage(main) {
  const cfg = await portalConfig();
  const u = user();
  main.innerHTML = `<h1>${esc(t('signIn'))}</h1>
    ${u ? `<p id="signed-in">${esc(t('signedInAs', u.name))}</p>` : ''}
    ${cfg.oidc ? `<p><button type="button" id="oidc">${esc(t('oidc', cfg.oidc.name || 'OIDC'))}</button></p>` : ''}
    ${cfg.localSignIn === false ? '' : `<form id="signin" class="stack" autocomplete="on">
      <fieldset><legend>${esc(t('localIssuer'))}</legend>
      <label>${esc(t('username'))}<input id="username" name="username" autocomplete="username" required></label>
      <label>${esc(t('password'))}<input id="password" name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit" id="signin-submit">${esc(t('signIn'))}</button></fieldset>
    </form>`}
    <p id="signin-error" class="error" role="alert"></p>`;
  const form = document.getElementById('signin');
  if (form) form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const grant = new URLSearchParams({
      grant_type: 'password',
      username: document.getElementById('username').value,
      password: document.getElementById('password').value,
    });
    const r = await fetch('/auth/token', { method: 'POST', body: grant });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      document.getElementById('signin-error').textContent =
        t('signInFailed', body.detail || body.error_description || body.title || r.status);
      return;
    }
    signIn(body.access_token);
    location.hash = landing();
  });
  if (cfg.oidc) document.getElementById('oidc').addEventListener('click', () => startPkce(cfg.oidc));
}

// --- Authorization code + PKCE (RFC 7636) against the configured provider (e.g. Keycloak's realm) ---
function b64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function startPkce(oidc) {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem('parindex.pkce', JSON.stringify({ verifier, state }));
  const q = new URLSearchParams({
    response_type: 'code', client_id: oidc.clientId, redirect_uri: location.origin + '/', scope: oidc.scope || 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(oidc.issuer + '/protocol/openid-connect/auth?' + q);
}

/** The provider's redirect back to /?code=…&state=…: the code and the verifier for a token. */
export async function finishPkce() {
  const q = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem('parindex.pkce') || 'null');
  if (!q.get('code') || !pending) return;
  sessionStorage.removeItem('parindex.pkce');
  history.replaceState(null, '', '/' + location.hash);
  if (q.get('state') !== pending.state) return;
  const oidc = (await portalConfig()).oidc;
  const r = await fetch(oidc.issuer + '/protocol/openid-connect/token', {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: q.get('code'), redirect_uri: location.origin + '/',
      client_id: oidc.clientId, code_verifier: pending.verifier,
    }),
  });
  if (r.ok) {
    signIn((await r.json()).access_token);
    location.hash = landing();
  }
}

// --- The unit officer's self-assessment ---
export async function assessmentPage(main, campaign, params) {
  const u = user();
  if (!u) {
    location.hash = '#/sign-in';
    return;
  }
  const unit = params.get('unit') || (u.units || [])[0];
  if (!campaign) {
    const page = await get('/api/campaigns?size=500');
    const open = page.items.filter((c) => c.selfAssessmentOpen);
    main.innerHTML = `<h1>${esc(t('selfAssessment'))}</h1>${open.length ? `<ul class="list" id="open-campaigns">${open
      .map((c) => `<li><a href="#/assessment/${encodeURIComponent(c.code)}">${esc(c.code)}</a> — ${esc(c.name || '')}
        (${esc(c.selfAssessmentDeadline || '')})</li>`).join('')}</ul>` : `<p>${esc(t('noOpen'))}</p>`}`;
    return;
  }
  const path = `/api/campaigns/${encodeURIComponent(campaign)}/assessments/${encodeURIComponent(unit)}`;
  const c = await get('/api/campaigns/' + encodeURIComponent(campaign));
  let { body: a, etag } = await call('GET', path);
  // The form lists every leaf the unit scores itself (the campaign's criteria set), with its stored self score.
  const set = await get('/api/criteria-sets/' + encodeURIComponent(c.criteriaSetCode));
  const stored = new Map(a.scores.map((s) => [s.criterionCode, s]));
  const rows = [];
  (function walk(nodes) {
    for (const n of nodes || []) {
      if (n.leaf && (n.scoreSource === 'APPRAISED' || n.scoreSource === 'SELF')) {
        const s = stored.get(n.code) || {};
        rows.push({ criterionCode: n.code, criterionName: language() === 'en' && n.nameEn ? n.nameEn : n.nameVi,
          maxPoints: n.maxPoints, levels: (n.rule && n.rule.levels) || null, self: s.self || null });
      }
      walk(n.children);
    }
  })(set.nodes);
  main.innerHTML = `<h1>${esc(t('selfAssessment'))}: ${esc(a.unitName)} — ${esc(campaign)}</h1>
    <p class="meta">${esc(t('status'))}: <strong id="as-status">${esc(a.selfAssessment)}</strong></p>
    <form id="as-form"><div class="table-wrap"><table class="form-table"><thead><tr>
      <th scope="col">${esc(t('criterion'))}</th><th scope="col">${esc(t('maxPoints'))}</th><th scope="col">${esc(t('self'))}</th>
      <th scope="col">${esc(t('points'))}</th><th scope="col">${esc(t('level'))}</th><th scope="col">${esc(t('ratio'))}</th>
      <th scope="col">${esc(t('evidence'))}</th></tr></thead><tbody>
      ${rows.map((s) => {
        const id = s.criterionCode.replace(/[^A-Za-z0-9]/g, '_');
        const cur = s.self && s.self.score;
        return `<tr data-criterion="${esc(s.criterionCode)}"><th scope="row">${esc(s.criterionCode)} <span class="cname">${esc(s.criterionName)}</span></th>
        <td class="num">${num(s.maxPoints)}</td><td class="num" id="self-${id}">${cur ? num(cur.scoredPoints) : '–'}</td>
        <td><input type="number" step="0.01" min="0" max="${esc(s.maxPoints)}" id="pts-${id}" aria-label="${esc(t('points') + ' ' + s.criterionCode)}"
          value="${cur && cur.points !== null ? esc(cur.points) : ''}"></td>
        <td>${s.levels ? `<select id="lvl-${id}" aria-label="${esc(t('level') + ' ' + s.criterionCode)}"><option value=""></option>${
          s.levels.map((l) => `<option value="${esc(l.code)}" ${cur && cur.level === l.code ? 'selected' : ''}>${esc(l.label || l.code)}</option>`).join('')}</select>` : ''}</td>
        <td class="ratio"><input type="number" min="0" id="num-${id}" aria-label="${esc(t('ratio') + ' ' + s.criterionCode)} (1)"
          value="${cur && cur.numerator !== null ? esc(cur.numerator) : ''}">/<input type="number" min="0" id="den-${id}"
          aria-label="${esc(t('ratio') + ' ' + s.criterionCode)} (2)" value="${cur && cur.denominator !== null ? esc(cur.denominator) : ''}"></td>
        <td><input id="ev-${id}" aria-label="${esc(t('evidence') + ' ' + s.criterionCode)}" value="${
          s.self && s.self.evidence && s.self.evidence[0] ? esc(s.self.evidence[0].title) : ''}"></td></tr>`;
      }).join('')}</tbody></table></div>
      <p class="actions"><button type="submit" id="as-save">${esc(t('save'))}</button>
        <button type="button" id="as-submit">${esc(t('submit'))}</button>
        <button type="button" id="as-withdraw">${esc(t('withdraw'))}</button></p>
      <p id="as-message" role="status"></p></form>`;

  const message = (text, error) => {
    const m = document.getElementById('as-message');
    m.textContent = text;
    m.className = error ? 'error' : 'ok';
  };
  const original = new Map(rows.map((s) => [s.criterionCode, JSON.stringify(entry(s.criterionCode))]));

  function entry(code) {
    const id = code.replace(/[^A-Za-z0-9]/g, '_');
    const v = (p) => document.getElementById(p + id)?.value.trim() || '';
    const e = { criterionCode: code };
    if (v('pts-')) e.points = v('pts-');
    else if (v('lvl-')) e.level = v('lvl-');
    else if (v('num-') && v('den-')) {
      e.numerator = v('num-');
      e.denominator = v('den-');
    }
    if (v('ev-')) e.evidence = [{ title: v('ev-') }];
    return e;
  }

  async function refresh() {
    ({ body: a, etag } = await call('GET', path));
    document.getElementById('as-status').textContent = a.selfAssessment;
    a.scores.forEach((s) => {
      const cell = document.getElementById('self-' + s.criterionCode.replace(/[^A-Za-z0-9]/g, '_'));
      if (cell) cell.textContent = s.self && s.self.score ? num(s.self.score.scoredPoints) : '–';
    });
  }

  async function act(fn, ok) {
    try {
      await fn();
      await refresh();
      message(ok);
    } catch (e) {
      message(t('error', e instanceof ApiError && e.problem ? (e.problem.detail || e.problem.title) : e.message), true);
    }
  }

  document.getElementById('as-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const changed = rows.map((s) => entry(s.criterionCode))
      .filter((x) => JSON.stringify(x) !== original.get(x.criterionCode))
      .map((x) => ({ ...x, points: x.points === undefined ? undefined : Number(x.points),
        numerator: x.numerator === undefined ? undefined : Number(x.numerator),
        denominator: x.denominator === undefined ? undefined : Number(x.denominator) }));
    if (!changed.length) return message(t('saved'));
    act(async () => {
      await call('PUT', path + '/scores', { scores: changed }, { 'If-Match': etag });
      changed.forEach((x) => original.set(x.criterionCode, JSON.stringify(entry(x.criterionCode))));
    }, t('saved'));
  });
  document.getElementById('as-submit').addEventListener('click', () =>
    act(() => call('POST', path + '/submit', null, { 'If-Match': etag }), t('submitted')));
  document.getElementById('as-withdraw').addEventListener('click', () =>
    act(() => call('POST', path + '/withdraw', null, { 'If-Match': etag }), t('withdrawn')));
}

// --- The appraiser's view: self against appraised, with reasons ---
export async function appraisalPage(main, campaign, unit) {
  if (!user()) {
    location.hash = '#/sign-in';
    return;
  }
  if (!campaign) {
    const page = await get('/api/campaigns?size=500');
    main.innerHTML = `<h1>${esc(t('appraisal'))}</h1><ul class="list">${page.items.map((c) =>
      `<li><a href="#/appraisal/${encodeURIComponent(c.code)}">${esc(c.code)}</a> — ${esc(c.name || '')} (${esc(c.status)})</li>`).join('')}</ul>`;
    return;
  }
  const c = await get('/api/campaigns/' + encodeURIComponent(campaign));
  unit = unit || (c.members && c.members[0] && c.members[0].unitCode);
  const a = unit ? await get(`/api/campaigns/${encodeURIComponent(campaign)}/assessments/${encodeURIComponent(unit)}`) : null;
  const pts = (x) => (x ? num(x.scoredPoints) : '–');
  main.innerHTML = `<h1>${esc(t('appraisal'))}: ${esc(c.name || campaign)}</h1>
    <form class="controls"><label>${esc(t('unit'))}<select id="ap-unit">${(c.members || []).map((m) =>
      `<option value="${esc(m.unitCode)}" ${m.unitCode === unit ? 'selected' : ''}>${esc(m.unitName)} (${esc(m.selfAssessment || '')})</option>`).join('')}
    </select></label></form>
    ${a ? `<p class="meta">${esc(t('status'))}: ${esc(a.selfAssessment)}</p><div class="table-wrap"><table id="ap-table"><thead><tr>
      <th scope="col">${esc(t('criterion'))}</th><th scope="col">${esc(t('source'))}</th><th scope="col">${esc(t('maxPoints'))}</th>
      <th scope="col">${esc(t('self'))}</th><th scope="col">${esc(t('appraised'))} 1</th><th scope="col">${esc(t('reason'))}</th>
      <th scope="col">${esc(t('appraised'))} 2</th><th scope="col">${esc(t('reason'))}</th></tr></thead><tbody>
      ${a.scores.map((s) => {
        const self = s.self && s.self.score;
        const diff = self && s.appraisal1 && Number(self.scoredPoints) !== Number(s.appraisal1.scoredPoints);
        return `<tr class="${diff ? 'diff' : ''}"><th scope="row">${esc(s.criterionCode)} <span class="cname">${esc(s.criterionName)}</span></th>
        <td>${esc(s.source)}</td><td class="num">${num(s.maxPoints)}</td><td class="num">${pts(self)}</td>
        <td class="num">${pts(s.appraisal1)}${diff ? ' <span class="tag">≠</span>' : ''}</td><td>${esc(s.appraisal1 && s.appraisal1.reason)}</td>
        <td class="num">${pts(s.appraisal2)}</td><td>${esc(s.appraisal2 && s.appraisal2.reason)}</td></tr>`;
      }).join('')}</tbody></table></div>` : ''}`;
  document.getElementById('ap-unit').addEventListener('change', (e) => {
    location.hash = '#/appraisal/' + encodeURIComponent(campaign) + '/' + encodeURIComponent(e.target.value);
  });
}
