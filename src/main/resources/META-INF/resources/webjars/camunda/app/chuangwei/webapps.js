/*
 * Chuangwei's additions to the Camunda webapps (Tasklist, Cockpit, Admin, Welcome), loaded by each app's
 * scripts/config.js (customScripts) as an ES module from the application itself: no inline script, so the
 * webapps' Content-Security-Policy holds.
 *
 * - One sign-in: the webapps take the board's session. When a webapp would show its own login form (after its
 *   "sign out", or once the session has ended), the browser goes to the application's /login instead.
 * - Tasklist: "Create task" (新建任务) only for those the engine allows to create tasks (CREATE on Task); the
 *   button is hidden by styles/user-styles.css until the engine says so.
 * - Tasklist: the Camunda Forms' validation messages (form-js writes them in English) in Chinese when the
 *   webapp shows Chinese, with the texts of locales/zh-CN.json.
 */
const base = document.querySelector('base');
const appRoot = base.getAttribute('app-root');
const appName = base.getAttribute('app-name');
const engineMatch = window.location.pathname.match(/\/app\/[^/]+\/([^/]+)\//);
const engine = engineMatch ? engineMatch[1] : 'default';
const json = {credentials: 'same-origin', headers: {Accept: 'application/json'}};

// the application's sign-in page: beside the webapps' path (/camunda), under the same context path
const signIn = appRoot.slice(0, appRoot.lastIndexOf('/')) + '/login';

function onLoginRoute() {
  return /^#\/login\b/.test(window.location.hash);
}

async function leaveLoginRoute() {
  if (!onLoginRoute()) {
    return;
  }
  const me = await fetch(`${appRoot}/api/admin/auth/user/${engine}`, json).catch(() => null);
  if (me && me.ok) {
    // signed in but not allowed into this app (Cockpit for a unit head, say): the apps they may open
    if (appName !== 'welcome') {
      window.location.replace(`${appRoot}/app/welcome/${engine}/`);
    }
    return;
  }
  window.location.replace(`${signIn}?logout`);
}

window.addEventListener('hashchange', leaveLoginRoute);
leaveLoginRoute();

async function mayCreateTasks() {
  const query = 'permissionName=CREATE&resourceName=Task&resourceType=7';
  const answer = await fetch(`${appRoot}/api/engine/engine/${engine}/authorization/check?${query}`, json)
    .catch(() => null);
  if (answer && answer.ok && (await answer.json()).authorized === true) {
    document.documentElement.classList.add('cw-may-create-task');
  }
}

/** As the webapps choose their language: the browser's first language if offered (English), else Chinese. */
function showsChinese() {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return first.split('-')[0].toLowerCase() !== 'en';
}

/** form-js's messages (@bpmn-io/form-js-viewer, Validator) and the keys of their Chinese in locales/zh-CN.json. */
const FORM_MESSAGES = [
  [/^Field is required\.$/, 'CHUANGWEI_FORM_REQUIRED'],
  [/^Field must match pattern (.+)\.$/, 'CHUANGWEI_FORM_PATTERN'],
  [/^Field must have minimum value of (.+)\.$/, 'CHUANGWEI_FORM_MIN'],
  [/^Field must have maximum value of (.+)\.$/, 'CHUANGWEI_FORM_MAX'],
  [/^Field must have minimum length of (.+)\.$/, 'CHUANGWEI_FORM_MIN_LENGTH'],
  [/^Field must have maximum length of (.+)\.$/, 'CHUANGWEI_FORM_MAX_LENGTH'],
  [/^Field must be a valid email\.$/, 'CHUANGWEI_FORM_EMAIL'],
  [/^Field must be a valid {1,2}international phone number\..*$/, 'CHUANGWEI_FORM_PHONE'],
  [/^Value is not a number\.$/, 'CHUANGWEI_FORM_NOT_A_NUMBER'],
  [/^Value is expected to be an integer\.$/, 'CHUANGWEI_FORM_INTEGER'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'CHUANGWEI_FORM_DECIMALS'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, 'CHUANGWEI_FORM_STEP']
];

let labels = null;

async function chineseLabels() {
  if (!labels) {
    labels = fetch(`${appRoot}/app/${appName}/locales/zh-CN.json`, json)
      .then(r => (r.ok ? r.json() : {labels: {}}))
      .then(data => data.labels || {})
      .catch(() => ({}));
  }
  return labels;
}

function translate(text, texts) {
  for (const [pattern, key] of FORM_MESSAGES) {
    const m = text.trim().match(pattern);
    if (m && texts[key]) {
      return texts[key].replace(/\{\{\s*(\d)\s*\}\}/g, (_, i) => m[Number(i)] || '');
    }
  }
  return null;
}

async function translateFormErrors() {
  const errors = document.querySelectorAll('.fjs-form-field-error');
  if (errors.length === 0) {
    return;
  }
  const texts = await chineseLabels();
  errors.forEach(error => {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const chinese = translate(node.nodeValue, texts);
      if (chinese !== null) {
        node.nodeValue = chinese;
      }
    }
  });
}

if (appName === 'tasklist') {
  mayCreateTasks();
  if (showsChinese()) {
    new MutationObserver(translateFormErrors).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true
    });
  }
}

export default [];
