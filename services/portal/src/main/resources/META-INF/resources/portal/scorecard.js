// A unit's scorecard: index over the years (line), fields against their maximum (bars), the criteria that lost
// the most points (signed in), external indices with k/N, lineage across the 2025 reform, dossier statistics link.
import { t, num } from './i18n.js';
import { get, getOrNull, ranking, publishedCampaigns, portalConfig, token } from './api.js';
import { esc, chart, dataTable } from './dom.js';
import { bandText, ruleText } from './rankings.js';

export async function unitSearchPage(main, params) {
  const q = params.get('q') || '';
  main.innerHTML = `<h1>${esc(t('scorecard'))}</h1>
    <form class="controls" id="unit-form"><label class="grow">${esc(t('unitSearch'))}
      <input type="search" id="unit-q" value="${esc(q)}" required></label>
      <button type="submit">${esc(t('findUnit'))}</button></form><ul id="unit-list" class="list"></ul>`;
  document.getElementById('unit-form').addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = '#/units?q=' + encodeURIComponent(document.getElementById('unit-q').value);
  });
  if (!q) return;
  const found = await get('/api/units?q=' + encodeURIComponent(q) + '&asOf=2025-06-30');
  const more = await getOrNull('/api/units?q=' + encodeURIComponent(q));
  const seen = new Set();
  const all = [...(found.items || []), ...((more && more.items) || [])].filter((u) => !seen.has(u.code) && seen.add(u.code));
  document.getElementById('unit-list').innerHTML = all
    .map((u) => `<li><a href="#/units/${encodeURIComponent(u.code)}">${esc(u.name)}</a> <small>${esc(u.code)} · ${esc(
      u.type)}${u.validTo ? ' · → ' + esc(u.validTo) : ''}</small></li>`)
    .join('');
}

export async function scorecardPage(main, code) {
  const cfg = await portalConfig();
  const codes = await publishedCampaigns();
  const docs = await Promise.all(codes.map((c) => ranking(c).catch(() => null)));
  // One ranking per year: where a unit is in several published campaigns of a year (a test run, a sub-group), the
  // one that ranks it among the most units — its whole peer group — stands for the year.
  const byYear = new Map();
  docs.forEach((doc) => {
    const item = doc && doc.items.find((i) => i.unitCode === code);
    if (!item) return;
    const ranked = doc.items.filter((i) => i.rank != null).length;
    const best = byYear.get(doc.year);
    if (!best || ranked > best.ranked) byYear.set(doc.year, { doc, item, ranked });
  });
  const lines = [...byYear.values()];
  lines.sort((a, b) => a.doc.year - b.doc.year || a.doc.campaignCode.localeCompare(b.doc.campaignCode));
  const last = lines[lines.length - 1];
  const asOf = last ? last.doc.year + '-12-31' : new Date().toISOString().slice(0, 10);
  const unit = (await getOrNull('/api/units/' + encodeURIComponent(code) + '?asOf=' + asOf)) ||
    (await getOrNull('/api/units/' + encodeURIComponent(code)));
  const name = (unit && unit.name) || (last && last.item.unitName) || code;
  const lineageAsOf = unit && unit.validTo ? unit.validTo : new Date().toISOString().slice(0, 10);
  const [lineage, external, results] = await Promise.all([
    getOrNull('/api/units/' + encodeURIComponent(code) + '/lineage?asOf=' + lineageAsOf),
    Promise.all(cfg.indices.flatMap((ix) => ix.years.map(async (y) => {
      const doc = await getOrNull('/api/indices/' + encodeURIComponent(ix.code) + '/' + y);
      const item = doc && doc.items.find((i) => i.unitCode === code);
      return item ? { doc, item } : null;
    }))),
    last && token()
      ? getOrNull('/api/campaigns/' + encodeURIComponent(last.doc.campaignCode) + '/results/' + encodeURIComponent(code))
      : Promise.resolve(null),
  ]);
  const year = last ? last.doc.year : new Date().getFullYear();
  const dossierHref = `#/dossiers/${encodeURIComponent(code)}?from=${year}-01-01&to=${year}-12-31`;

  main.innerHTML = `
    <h1 id="title">${esc(name)} <small>${esc(code)}</small></h1>
    <p class="meta">${unit ? esc(unit.type || '') + ' · ' + esc(unit.level || '') : ''}
      · <a href="${dossierHref}" id="dossier-link">${esc(t('dossierLink'))}</a></p>
    ${last ? `<section class="cards" aria-label="${esc(last.doc.campaignName)}">
      <div class="card"><span class="k">${esc(t('index'))} ${esc(last.doc.year)}</span>
        <span class="v" id="sc-index" data-value="${esc(last.item.indexPercent)}">${num(last.item.indexPercent)}</span></div>
      <div class="card"><span class="k">${esc(t('rank'))}</span><span class="v" id="sc-rank">${esc(last.item.rankLabel || '–')}</span></div>
      <div class="card"><span class="k">${esc(t('band'))}</span><span class="v band band-${esc(last.item.band)}">${esc(bandText(last.item.band))}</span></div>
      <div class="card"><span class="k">${esc(t('change'))}</span><span class="v">${last.item.pointsChange === null ? '–' :
        (last.item.pointsChange > 0 ? '+' : '') + num(last.item.pointsChange)}</span>
        <span class="k">${esc(ruleText(last.item.comparison && last.item.comparison.rule))}</span></div>
    </section>` : ''}
    <div class="grid2">
    <section><h2>${esc(t('overYears'))}</h2>
      <div class="chart" id="ch-years" role="img" aria-label="${esc(t('overYears'))}: ${esc(
        lines.map((l) => l.doc.year + ' ' + num(l.item.indexPercent)).join('; '))}"></div>
      ${dataTable([t('year'), t('campaign'), t('index'), t('rank')], lines.map((l) => [l.doc.year,
        l.doc.campaignCode, num(l.item.indexPercent), l.item.rankLabel || '–']))}
      <ul class="list">${lines.map((l) => `<li><a href="#/rankings/${encodeURIComponent(l.doc.campaignCode)}?q=${encodeURIComponent(
        code)}">${esc(l.doc.campaignCode)}</a>: ${num(l.item.indexPercent)} · ${esc(l.item.rankLabel || '–')}</li>`).join('')}</ul>
    </section>
    <section><h2>${esc(t('fieldsVsMax'))}${last ? ' ' + esc(last.doc.year) : ''}</h2>
      <div class="chart" id="ch-fields" role="img" aria-label="${esc(t('fieldsVsMax'))}"></div>
      ${last ? dataTable([t('fieldIndex'), t('points'), t('maxPoints')], (last.item.fields || []).map((f) => [
        f.code + ' ' + subName(last.doc, f.code), num(f.points), num(f.maxPoints)])) : ''}
    </section>
    </div>
    <section><h2>${esc(t('lostMost'))}</h2>${results ? lostTable(results) : `<p>${esc(t('lostNeedsSignIn'))}</p>`}</section>
    <section><h2>${esc(t('external'))}</h2>${external.filter(Boolean).length ? `<table><thead><tr>
      <th scope="col">${esc(t('external'))}</th><th scope="col">${esc(t('year'))}</th><th scope="col">${esc(t('value'))}</th>
      <th scope="col">${esc(t('rank'))}</th></tr></thead><tbody>${external.filter(Boolean).map((x) => `<tr>
      <td title="${esc(x.doc.name)}">${esc(x.doc.indexCode)}</td><td>${esc(x.doc.year)}</td><td class="num">${num(x.item.value)}</td>
      <td class="num">${esc(x.item.rankLabel)}</td></tr>`).join('')}</tbody></table>` : `<p>${esc(t('none'))}</p>`}</section>
    <section><h2>${esc(t('lineage'))}</h2>${lineageHtml(lineage)}</section>`;

  if (lines.length) {
    chart(document.getElementById('ch-years'), {
      grid: { left: 40, right: 16, top: 16, bottom: 30 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: lines.map((l) => String(l.doc.year)) },
      yAxis: { type: 'value', min: (v) => Math.max(0, Math.floor(v.min - 5)), max: 100 },
      series: [{ type: 'line', name: t('index'), data: lines.map((l) => Number(l.item.indexPercent)),
        label: { show: true, formatter: (p) => num(p.value) } }],
    });
  }
  if (last && last.item.fields && last.item.fields.length) {
    const f = last.item.fields;
    chart(document.getElementById('ch-fields'), {
      grid: { left: 40, right: 16, top: 36, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('points'), t('maxPoints')] },
      xAxis: { type: 'category', data: f.map((x) => x.code) },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: t('maxPoints'), data: f.map((x) => Number(x.maxPoints)), itemStyle: { color: '#c9d6e3' }, barGap: '-100%' },
        { type: 'bar', name: t('points'), data: f.map((x) => Number(x.points)), itemStyle: { color: '#1f5f99' },
          label: { show: true, position: 'top', formatter: (p) => num(p.value) } },
      ],
    });
  }
}

function subName(doc, code) {
  const s = (doc.subtotals || []).find((x) => x.code === code);
  return s ? s.name : '';
}

function lostTable(results) {
  const lost = (results.largestLosses || results.criteria || [])
    .filter((c) => Number(c.pointsLost) > 0)
    .sort((a, b) => b.pointsLost - a.pointsLost)
    .slice(0, 8);
  if (!lost.length) return `<p>${esc(t('none'))}</p>`;
  return `<table id="lost"><thead><tr><th scope="col">${esc(t('criterion'))}</th><th scope="col">${esc(t('lost'))}</th>
    <th scope="col">${esc(t('points'))}</th></tr></thead><tbody>${lost.map((c) => `<tr><td>${esc(c.code)} ${esc(c.name)}</td>
    <td class="num">${num(c.pointsLost)}</td><td class="num">${num(c.finalPoints)} / ${num(c.maxPoints)}</td></tr>`).join('')}
    </tbody></table>`;
}

function lineageHtml(l) {
  if (!l) return `<p>${esc(t('none'))}</p>`;
  const li = (u) => `<li><a href="#/units/${encodeURIComponent(u.code)}">${esc(u.name)}</a> <small>${esc(u.code)} · ${esc(
    u.event || '')} ${esc(u.effectiveDate || '')}${u.validTo ? ' · → ' + esc(u.validTo) : ''}${u.validFrom ? ' · ' + esc(u.validFrom) + ' →' : ''}</small></li>`;
  return `<div class="grid2"><div><h3>${esc(t('predecessors'))}</h3>${l.predecessors && l.predecessors.length ?
    '<ul class="list">' + l.predecessors.map(li).join('') + '</ul>' : '<p>' + esc(t('none')) + '</p>'}</div>
    <div><h3>${esc(t('successors'))}</h3>${l.successors && l.successors.length ?
    '<ul class="list">' + l.successors.map(li).join('') + '</ul>' : '<p>' + esc(t('none')) + '</p>'}</div></div>`;
}
