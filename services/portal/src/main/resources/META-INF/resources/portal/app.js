// The portal: a hash router over the pages, the language switch and the sign-in state in the header.
import { t, setLanguage, language } from './i18n.js';
import { user, signOut } from './api.js';
import { rankingsPage } from './rankings.js';
import { scorecardPage, unitSearchPage } from './scorecard.js';
import { dossiersPage } from './dossiers.js';
import { signInPage, assessmentPage, appraisalPage } from './work.js';
import { esc } from './dom.js';
import { finishPkce } from './work.js';

const main = document.getElementById('main');

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query || '');
  switch (parts[0] || 'rankings') {
    case 'rankings':
      return rankingsPage(main, parts[1], params);
    case 'units':
      return parts[1] ? scorecardPage(main, parts[1], params) : unitSearchPage(main, params);
    case 'dossiers':
      return dossiersPage(main, parts[1], params);
    case 'sign-in':
      return signInPage(main, params);
    case 'assessment':
      return assessmentPage(main, parts[1], params);
    case 'appraisal':
      return appraisalPage(main, parts[1], parts[2]);
    default:
      main.innerHTML = '<p>' + esc(t('notFound')) + '</p>';
  }
}

/** The header: texts in the language, the nav links the user's roles open, sign-in or sign-out. */
export function header() {
  document.querySelectorAll('[data-i18n]').forEach((el) => (el.textContent = t(el.dataset.i18n)));
  const lang = document.getElementById('lang');
  lang.textContent = language() === 'en' ? 'VI' : 'EN';
  lang.setAttribute('aria-label', language() === 'en' ? 'Tiếng Việt' : 'English');
  const u = user();
  const groups = (u && u.groups) || [];
  document.getElementById('nav-assessment').hidden = !groups.includes('unit-officer');
  document.getElementById('nav-appraisal').hidden = !(groups.includes('appraiser') || groups.includes('admin'));
  const link = document.getElementById('nav-signin');
  if (u) {
    link.textContent = t('nav.signOut') + ' (' + u.name + ')';
    link.href = '#/sign-in?out=1';
  } else {
    link.textContent = t('nav.signIn');
    link.href = '#/sign-in';
  }
  document.querySelectorAll('#nav a').forEach((a) => {
    const current = location.hash.startsWith(a.getAttribute('href').split('?')[0]);
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

async function render() {
  if (location.hash.startsWith('#/sign-in?out=1')) {
    signOut();
    location.hash = '#/rankings';
    return;
  }
  header();
  main.setAttribute('aria-busy', 'true');
  try {
    await route();
  } catch (e) {
    main.innerHTML = '<p class="error" role="alert">' + esc(t('error', e.message)) + '</p>';
  } finally {
    main.removeAttribute('aria-busy');
    header();
  }
}

document.getElementById('lang').addEventListener('click', () => {
  setLanguage(language() === 'en' ? 'vi' : 'en');
  render();
});
window.addEventListener('hashchange', render);
setLanguage(language());
finishPkce().finally(render);
