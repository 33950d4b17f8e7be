// Dossier statistics of a unit (with its descendants): monthly received and resolved, on-time rate in both
// conventions with numerator/denominator, online and full-online shares, procedures, data freshness.
import { t, num, int, language } from './i18n.js';
import { get, getOrNull } from './api.js';
import { esc, chart, dataTable } from './dom.js';

function rate(r, id) {
  if (!r || r.value === null || r.value === undefined) return '–';
  const detail = int(r.numerator) + ' / ' + int(r.denominator) + ' — ' + r.formula;
  return `<span ${id ? `id="${id}"` : ''} class="rate" data-value="${esc(r.value)}" data-numerator="${esc(r.numerator)}"
    data-denominator="${esc(r.denominator)}" title="${esc(detail)}" tabindex="0" aria-label="${esc(num(r.value) + ' % (' + detail + ')')}">${num(
    r.value)} %<small class="frac"> (${int(r.numerator)}/${int(r.denominator)})</small></span>`;
}

export async function dossiersPage(main, code, params) {
  code = code || params.get('unit') || '15';
  const from = params.get('from') || '2025-07-01';
  const to = params.get('to') || '2026-06-30';
  const desc = params.get('descendants') !== 'false';
  const q = (g) => `/api/dossier-stats?unitCode=${encodeURIComponent(code)}&includeDescendants=${desc}&from=${from}&to=${to}&groupBy=${g}`;
  const [monthly, byProcedure, unit] = await Promise.all([
    get(q('month')), get(q('procedure')), getOrNull('/api/units/' + encodeURIComponent(code) + '?asOf=' + to)]);
  const total = monthly.total;
  const r = total.rates;
  const c = total.counts;
  const asOf = monthly.dataAsOf ? new Date(monthly.dataAsOf).toLocaleString(language() === 'en' ? 'en-GB' : 'vi-VN') : '–';

  main.innerHTML = `
    <h1 id="title">${esc(t('dossiers'))}: ${esc(unit ? unit.name : code)} <small>${esc(code)}</small></h1>
    <form class="controls" id="ds-form">
      <label>${esc(t('unitCode'))}<input id="ds-unit" value="${esc(code)}" size="8" required></label>
      <label>${esc(t('from'))}<input type="date" id="ds-from" value="${esc(from)}" required></label>
      <label>${esc(t('to'))}<input type="date" id="ds-to" value="${esc(to)}" required></label>
      <label class="check"><input type="checkbox" id="ds-desc" ${desc ? 'checked' : ''}> ${esc(t('descendants'))}</label>
      <button type="submit">${esc(t('show'))}</button>
    </form>
    <p class="meta">${esc(t('dataAsOf'))}: <time id="ds-asof" datetime="${esc(monthly.dataAsOf)}">${esc(asOf)}</time>
      · ${int(monthly.unitCount)} ${esc(t('units'))} · <a href="${q('month').replace('groupBy=month', 'format=csv')}">CSV</a>
      · <a href="#/units/${encodeURIComponent(code)}">${esc(t('scorecard'))}</a></p>
    <section class="cards">
      <div class="card"><span class="k">${esc(t('received'))}</span><span class="v" id="ds-received">${int(c.received)}</span></div>
      <div class="card"><span class="k">${esc(t('resolved'))}</span><span class="v">${int(c.resolved)}</span></div>
      <div class="card"><span class="k">${esc(t('onTimeResolved'))}</span><span class="v">${rate(r.onTimeRateResolved, 'ds-ontime')}</span></div>
      <div class="card"><span class="k">${esc(t('onTimeWorkload'))}</span><span class="v">${rate(r.onTimeRateWorkload, 'ds-ontime-workload')}</span></div>
      <div class="card"><span class="k">${esc(t('online'))}</span><span class="v">${rate(r.onlineShare, 'ds-online')}</span></div>
      <div class="card"><span class="k">${esc(t('fullOnline'))}</span><span class="v">${rate(r.fullOnlineShare, 'ds-fullonline')}</span></div>
    </section>
    <section><h2>${esc(t('monthly'))}</h2>
      <div class="chart wide" id="ch-months" role="img" aria-label="${esc(t('monthly'))}"></div>
      ${dataTable([t('month'), t('received'), t('resolved'), t('onTimeResolved'), t('onTimeWorkload'), t('online')],
        monthly.items.map((m) => [m.key, int(m.counts.received), int(m.counts.resolved), pct(m.rates.onTimeRateResolved),
          pct(m.rates.onTimeRateWorkload), pct(m.rates.onlineShare)]))}
    </section>
    <section><h2>${esc(t('procedures'))}</h2><div class="table-wrap"><table id="ds-procedures"><thead><tr>
      <th scope="col">${esc(t('procedure'))}</th><th scope="col">${esc(t('received'))}</th><th scope="col">${esc(t('resolved'))}</th>
      <th scope="col">${esc(t('onTimeResolved'))}</th><th scope="col">${esc(t('onTimeWorkload'))}</th>
      <th scope="col">${esc(t('online'))}</th><th scope="col">${esc(t('fullOnline'))}</th></tr></thead><tbody>
      ${byProcedure.items.slice().sort((a, b) => b.counts.received - a.counts.received).map((p) => `<tr><td>${esc(p.key)}</td>
        <td class="num">${int(p.counts.received)}</td><td class="num">${int(p.counts.resolved)}</td>
        <td class="num">${rate(p.rates.onTimeRateResolved)}</td><td class="num">${rate(p.rates.onTimeRateWorkload)}</td>
        <td class="num">${rate(p.rates.onlineShare)}</td><td class="num">${rate(p.rates.fullOnlineShare)}</td></tr>`).join('')}
      </tbody></table></div></section>`;

  document.getElementById('ds-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const u = document.getElementById('ds-unit').value.trim();
    location.hash = `#/dossiers/${encodeURIComponent(u)}?from=${document.getElementById('ds-from').value}&to=${
      document.getElementById('ds-to').value}&descendants=${document.getElementById('ds-desc').checked}`;
  });

  const months = monthly.items;
  const rates = (name) => months.map((m) => (m.rates[name] ? Number(m.rates[name].value) : null));
  const fraction = (name, i) => {
    const x = months[i].rates[name];
    return x ? num(x.value) + ' % (' + int(x.numerator) + '/' + int(x.denominator) + ')' : '–';
  };
  chart(document.getElementById('ch-months'), {
    grid: { left: 56, right: 48, top: 36, bottom: 30 },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      formatter: (ps) => {
        const i = ps[0].dataIndex;
        return esc(months[i].key) + '<br>' + esc(t('received')) + ': ' + int(months[i].counts.received) + '<br>' +
          esc(t('resolved')) + ': ' + int(months[i].counts.resolved) + '<br>' +
          esc(t('onTimeResolved')) + ': ' + fraction('onTimeRateResolved', i) + '<br>' +
          esc(t('onTimeWorkload')) + ': ' + fraction('onTimeRateWorkload', i) + '<br>' +
          esc(t('online')) + ': ' + fraction('onlineShare', i) + '<br>' +
          esc(t('fullOnline')) + ': ' + fraction('fullOnlineShare', i);
      },
    },
    xAxis: { type: 'category', data: months.map((m) => m.key) },
    yAxis: [{ type: 'value' }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } }],
    series: [
      { type: 'bar', name: t('received'), data: months.map((m) => m.counts.received), itemStyle: { color: '#9bb7d4' } },
      { type: 'bar', name: t('resolved'), data: months.map((m) => m.counts.resolved), itemStyle: { color: '#1f5f99' } },
      { type: 'line', name: t('onTimeResolved'), yAxisIndex: 1, data: rates('onTimeRateResolved'), itemStyle: { color: '#2e7d32' } },
      { type: 'line', name: t('onTimeWorkload'), yAxisIndex: 1, data: rates('onTimeRateWorkload'), lineStyle: { type: 'dashed' }, itemStyle: { color: '#8d6e00' } },
      { type: 'line', name: t('online'), yAxisIndex: 1, data: rates('onlineShare'), itemStyle: { color: '#6a1b9a' } },
      { type: 'line', name: t('fullOnline'), yAxisIndex: 1, data: rates('fullOnlineShare'), lineStyle: { type: 'dotted' }, itemStyle: { color: '#c62828' } },
    ],
  });
}

function pct(r) {
  return r && r.value !== null ? num(r.value) + ' % (' + int(r.numerator) + '/' + int(r.denominator) + ')' : '–';
}
