// Small helpers for building markup safely and for the charts.
import { t } from './i18n.js';

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s) {
  return s === null || s === undefined ? '' : String(s).replace(/[&<>"']/g, (c) => ESC[c]);
}

/** Lower case without Vietnamese diacritics: "Yên Bái" and "yen bai" find each other. */
export function fold(s) {
  return String(s || '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

let echartsLoading;
/** Apache ECharts (the mvnpm jar's bundle, named in index.html), loaded once and only where a chart is drawn. */
export function echarts() {
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = document.querySelector('meta[name=parindex-echarts]').content;
      s.onload = () => resolve(window.echarts);
      s.onerror = () => reject(new Error('ECharts could not be loaded'));
      document.head.appendChild(s);
    });
  }
  return echartsLoading;
}

const charts = new Set();
/** Draws option in el (role img, labelled); the data table next to it carries the same figures as text. */
export async function chart(el, option) {
  const ec = await echarts();
  const c = ec.init(el, null, { renderer: 'svg' });
  c.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option });
  charts.add(c);
  return c;
}

window.addEventListener('resize', () => charts.forEach((c) => (c.isDisposed() ? charts.delete(c) : c.resize())));
window.addEventListener('beforeprint', () => charts.forEach((c) => !c.isDisposed() && c.resize()));

/** A table of a chart's figures, folded away on screen, printed with the page. */
export function dataTable(head, rows) {
  return '<details class="chart-data"><summary>' + esc(t('dataTable')) + '</summary><table><thead><tr>' +
    head.map((h) => '<th scope="col">' + esc(h) + '</th>').join('') + '</tr></thead><tbody>' +
    rows.map((r) => '<tr>' + r.map((c) => '<td>' + esc(c) + '</td>').join('') + '</tr>').join('') +
    '</tbody></table></details>';
}
