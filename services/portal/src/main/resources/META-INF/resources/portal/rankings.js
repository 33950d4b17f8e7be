// Rankings of a published campaign: rank k/N, unit, index, band (as text), parts and fields, change with the
// comparison rule named; version selector, CSV/XLSX links, sortable columns, a search without diacritics.
// Sorting and search work on every row in memory; only the current page (25 … 500 rows, or all) is laid out, and
// printing lays out every row the search shows (beforeprint), then the page again (afterprint).
import { t, num, has } from './i18n.js';
import { ranking, get, publishedList, portalConfig } from './api.js';
import { esc, fold } from './dom.js';

/** Timing of the last rendering, for the browser test and docs/performance.md: ms from data to rows. */
window.portalTimings = window.portalTimings || {};

export function bandText(band) {
  if (!band) return '–';
  return has('band.' + band) ? t('band.' + band) : band.replace(/_/g, ' ');
}

export function ruleText(rule) {
  return has('rule.' + rule) ? t('rule.' + rule) : rule || '–';
}

function placesText(item) {
  const c = item.rankChange;
  if (c === null || c === undefined) return '–';
  if (c > 0) return t('up', c);
  if (c < 0) return t('down', -c);
  return t('same');
}

/** The page sizes offered; 0 is "all". */
export const PAGE_SIZES = [25, 50, 100, 200, 500, 0];
const DEFAULT_PAGE_SIZE = 100;
const SIZE_KEY = 'parindex.pageSize';

function pageSizeOf(v) {
  const n = Number(v);
  return v !== null && v !== undefined && v !== '' && PAGE_SIZES.includes(n) ? n : null;
}

const COLUMNS = [
  { key: 'rank', label: 'rank', value: (i) => (i.rank === null ? Infinity : i.rank) },
  { key: 'unit', label: 'unit', value: (i) => fold(i.unitName) },
  { key: 'index', label: 'index', value: (i) => (i.indexPercent === null ? -Infinity : Number(i.indexPercent)) },
  { key: 'change', label: 'change', value: (i) => (i.pointsChange === null ? -Infinity : Number(i.pointsChange)) },
  { key: 'places', label: 'places', value: (i) => (i.rankChange === null ? -Infinity : i.rankChange) },
];

export async function rankingsPage(main, code, params) {
  // Another route may be asked for while the data comes (a sign-out lands here, then the sign-in is opened): only
  // the page still asked for draws.
  const route = location.hash;
  const list = await publishedList();
  const codes = list.map((c) => c.code);
  const cfg = await portalConfig();
  code = code || (codes.includes(cfg.defaultCampaign) ? cfg.defaultCampaign : codes[0] || cfg.defaultCampaign);
  const v = params.get('version');
  const requested = performance.now();
  const [doc, versions] = await Promise.all([
    ranking(code, v),
    get('/api/rankings/' + encodeURIComponent(code) + '/versions').catch(() => []),
  ]);
  const arrived = performance.now();
  if (location.hash !== route) return;
  if (!doc) {
    main.innerHTML = '<p class="error" role="alert">' + esc(t('error', code)) + '</p>';
    return;
  }
  const sort = { key: params.get('sort') || 'rank', dir: params.get('dir') === 'desc' ? -1 : 1 };
  let size = pageSizeOf(params.get('size')) ?? pageSizeOf(localStorage.getItem(SIZE_KEY)) ?? DEFAULT_PAGE_SIZE;
  let page = Math.max(1, Number(params.get('page')) || 1);
  const names = Object.fromEntries((doc.subtotals || []).map((s) => [s.code, s]));
  const partCodes = (doc.subtotals || []).filter((s) => s.part).map((s) => s.code);
  const fieldCodes = (doc.subtotals || []).filter((s) => !s.part).map((s) => s.code);
  const all = codes.includes(code) ? list : [{ code }, ...list];
  const label = (c) => (c.name ? c.code + ' — ' + c.name : c.code);
  const base = '/api/rankings/' + encodeURIComponent(code) + '?version=' + doc.version + '&format=';

  main.innerHTML = `
    <h1 id="title">${esc(doc.campaignName || doc.campaignCode)}</h1>
    <form class="controls" id="rk-controls" onsubmit="return false">
      <label>${esc(t('campaign'))}
        <select id="rk-campaign">${all.map((c) => `<option value="${esc(c.code)}" ${c.code === code ? 'selected' : ''}>${esc(
          label(c))}</option>`).join('')}</select>
      </label>
      <label>${esc(t('version'))}
        <select id="rk-version">${(versions.length ? versions : [{ version: doc.version }])
          .map((x) => `<option value="${x.version}" ${x.version === doc.version ? 'selected' : ''}>${x.version}${
            x.decisionNumber ? ' — ' + esc(x.decisionNumber) : ''}${x.reason ? ' (' + esc(x.reason) + ')' : ''}</option>`)
          .join('')}</select>
      </label>
      <label class="grow">${esc(t('search'))}
        <input type="search" id="rk-search" autocomplete="off" value="${esc(params.get('q') || '')}">
      </label>
      <span class="links">${esc(t('download'))}:
        <a href="${base}csv" download>CSV</a> · <a href="${base}xlsx" download>XLSX</a> ·
        <button type="button" onclick="window.print()">${esc(t('print'))}</button></span>
    </form>
    <p class="meta">${esc(t('decision'))}: ${esc(doc.decisionNumber || '–')} (${esc(doc.decisionDate || '')})
      · ${esc(t('rule'))}: <span id="rk-rule">${esc(has('campaignRule.' + doc.comparisonRule) ? t('campaignRule.' + doc.comparisonRule) : ruleText(doc.comparisonRule))}</span>
      ${doc.previousCampaignCode ? '· ' + esc(doc.previousCampaignCode) : ''}
      ${doc.imported ? '· ' + esc(t('imported')) : ''}</p>
    <nav class="pager" id="rk-pager" aria-label="${esc(t('pager'))}">
      <label>${esc(t('pageSize'))}
        <select id="rk-size">${PAGE_SIZES.map((n) => `<option value="${n}" ${n === size ? 'selected' : ''}>${
          n ? n : esc(t('all'))}</option>`).join('')}</select>
      </label>
      <button type="button" id="rk-first" aria-label="${esc(t('firstPage'))}">«</button>
      <button type="button" id="rk-prev" aria-label="${esc(t('prevPage'))}">‹</button>
      <label>${esc(t('page'))}
        <input type="number" id="rk-page" min="1" value="1" inputmode="numeric">
      </label>
      <span id="rk-pages"></span>
      <button type="button" id="rk-next" aria-label="${esc(t('nextPage'))}">›</button>
      <button type="button" id="rk-last" aria-label="${esc(t('lastPage'))}">»</button>
    </nav>
    <p id="rk-count" class="meta" aria-live="polite"></p>
    <div class="table-wrap"><table class="ranking" id="ranking">
      <caption class="sr-only">${esc(doc.campaignName || code)}</caption>
      <thead><tr>
        ${COLUMNS.slice(0, 3).map(head).join('')}
        <th scope="col" class="c-band">${esc(t('band'))}</th>
        ${partCodes.map((p) => `<th scope="col" class="sub" title="${esc(names[p].name)}">${esc(p)}</th>`).join('')}
        ${fieldCodes.map((f) => `<th scope="col" class="sub field" title="${esc(names[f].name)}">${esc(f)}</th>`).join('')}
        ${COLUMNS.slice(3).map(head).join('')}
        <th scope="col" class="c-rule">${esc(t('rule'))}</th>
      </tr></thead>
      <tbody id="rk-body"></tbody>
    </table></div>`;

  function head(c) {
    const active = sort.key === c.key;
    const aria = active ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none';
    return `<th scope="col" class="c-${c.key}" aria-sort="${aria}"><button type="button" class="sort" data-key="${c.key}"
      aria-label="${esc(t('sortBy', t(c.label)))}">${esc(t(c.label))}${active ? (sort.dir > 0 ? ' ▲' : ' ▼') : ''}</button></th>`;
  }

  const items = doc.items.map((i) => ({ ...i, folded: fold(i.unitName) + ' ' + i.unitCode }));
  const body = document.getElementById('rk-body');
  const search = document.getElementById('rk-search');

  let shown = items;

  /** Filters and sorts every row (in memory), then lays out the current page. */
  function rows(keepPage) {
    const col = COLUMNS.find((c) => c.key === sort.key) || COLUMNS[0];
    const q = fold(search.value.trim());
    shown = items.filter((i) => !q || i.folded.includes(q));
    shown.sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * sort.dir;
    });
    if (!keepPage) page = 1;
    showPage();
  }

  function pages() {
    return size ? Math.max(1, Math.ceil(shown.length / size)) : 1;
  }

  /** Lays out the rows of the current page (all rows when the size is "all" or when printing). */
  function showPage(all) {
    page = Math.min(Math.max(1, page), pages());
    const from = all || !size ? 0 : (page - 1) * size;
    const to = all || !size ? shown.length : Math.min(shown.length, from + size);
    const html = new Array(to - from);
    for (let n = from; n < to; n++) html[n - from] = rowHtml(shown[n]);
    body.innerHTML = html.join('');
    void body.offsetHeight; // forces layout: the rows are "rendered", not only "in the DOM"
    document.getElementById('rk-count').textContent = shown.length
      ? t('shownRange', from + 1, to, shown.length, items.length)
      : t('shown', 0, items.length);
    const n = pages();
    const pageInput = document.getElementById('rk-page');
    pageInput.value = page;
    pageInput.max = n;
    pageInput.disabled = n === 1;
    document.getElementById('rk-pages').textContent = t('ofPages', n);
    document.getElementById('rk-first').disabled = document.getElementById('rk-prev').disabled = page <= 1;
    document.getElementById('rk-next').disabled = document.getElementById('rk-last').disabled = page >= n;
    complete(to - from);
  }

  function rowHtml(i) {
    const parts = Object.fromEntries((i.parts || []).map((p) => [p.code, p]));
    const fields = Object.fromEntries((i.fields || []).map((f) => [f.code, f]));
    const c = i.comparison || {};
    return `<tr data-unit="${esc(i.unitCode)}"><td class="num" data-value="${esc(i.rankLabel)}">${esc(
      i.rankLabel || (i.excluded ? t('excluded') : '–'))}</td><td><a href="#/units/${encodeURIComponent(i.unitCode)}">${esc(
      i.unitName)}</a></td><td class="num" data-value="${esc(i.indexPercent)}">${num(i.indexPercent)}</td><td><span class="band band-${esc(
      i.band)}">${esc(bandText(i.band))}</span></td>${partCodes.map((p) => sub(parts[p])).join('')}${fieldCodes
      .map((f) => sub(fields[f], 'field')).join('')}<td class="num" data-value="${esc(i.pointsChange)}">${
      i.pointsChange === null || i.pointsChange === undefined ? '–' : (i.pointsChange > 0 ? '+' : '') + num(i.pointsChange)
    }</td><td data-value="${esc(i.rankChange)}">${esc(placesText(i))}</td><td class="rule" data-rule="${esc(c.rule)}" title="${esc(
      c.note || '')}">${esc(ruleText(c.rule))}${c.comparedWith && c.comparedWith.length ? ' (' + esc(c.comparedWith.join(', ')) + ')' : ''}</td></tr>`;
  }

  function sub(s, cls = '') {
    if (!s) return `<td class="num sub ${cls}">–</td>`;
    return `<td class="num sub ${cls}" data-value="${esc(s.points)}" title="${esc(num(s.points) + ' / ' + num(s.maxPoints))}">${
      s.indexPercent === null || s.indexPercent === undefined ? num(s.points) : num(s.indexPercent)}</td>`;
  }

  let complete = () => {};
  const timing = { campaign: code, rows: items.length, fetchMs: Math.round(arrived - requested), complete: false };
  window.portalTimings.rankings = timing;
  complete = (n) => {
    // The page's rows laid out: data arrived → rendered.
    timing.renderMs = Math.round(performance.now() - arrived);
    timing.rowsRendered = n;
    timing.pageSize = size;
    timing.complete = true;
    body.dataset.renderMs = timing.renderMs;
    complete = () => {};
  };
  rows(true);

  const goTo = (p) => {
    page = p;
    showPage();
  };
  document.getElementById('rk-first').addEventListener('click', () => goTo(1));
  document.getElementById('rk-prev').addEventListener('click', () => goTo(page - 1));
  document.getElementById('rk-next').addEventListener('click', () => goTo(page + 1));
  document.getElementById('rk-last').addEventListener('click', () => goTo(pages()));
  document.getElementById('rk-page').addEventListener('change', (e) => goTo(Number(e.target.value) || 1));
  document.getElementById('rk-size').addEventListener('change', (e) => {
    const first = size ? (page - 1) * size : 0; // keeps the first row shown on the new page
    size = pageSizeOf(e.target.value) ?? DEFAULT_PAGE_SIZE;
    localStorage.setItem(SIZE_KEY, String(size));
    page = size ? Math.floor(first / size) + 1 : 1;
    showPage();
  });
  // Printing (the button or the browser's menu) lays out every row the search shows; afterwards the page again.
  // The listeners leave with the page (another route or a re-render in the other language replaces the table).
  const onPrint = (all) => () => {
    if (!body.isConnected) {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      return;
    }
    showPage(all);
  };
  const beforePrint = onPrint(true);
  const afterPrint = onPrint(false);
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);

  search.addEventListener('input', () => rows());
  main.querySelectorAll('button.sort').forEach((b) =>
    b.addEventListener('click', () => {
      const key = b.dataset.key;
      sort.dir = sort.key === key ? -sort.dir : 1;
      sort.key = key;
      main.querySelectorAll('th[aria-sort]').forEach((th) => {
        const k = th.querySelector('button').dataset.key;
        th.setAttribute('aria-sort', k === sort.key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none');
        th.querySelector('button').textContent =
          t(COLUMNS.find((c) => c.key === k).label) + (k === sort.key ? (sort.dir > 0 ? ' ▲' : ' ▼') : '');
      });
      rows();
      b.focus();
    }));
  document.getElementById('rk-campaign').addEventListener('change', (e) => {
    location.hash = '#/rankings/' + encodeURIComponent(e.target.value);
  });
  document.getElementById('rk-version').addEventListener('change', (e) => {
    location.hash = '#/rankings/' + encodeURIComponent(code) + '?version=' + e.target.value;
  });
}
