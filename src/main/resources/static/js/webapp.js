/*
 * Loaded by every Camunda webapp before it starts (customScripts in app/<webapp>/scripts/config.js; an ES module).
 *
 * - The task forms' API helper (js/qr.js) for the forms Tasklist shows.
 * - Camunda's own login page (#/login, Welcome's #!/login: where 退出登录 and an ended session lead) does not check
 *   passwords here (the application has one login, docs/decisions/0008): it hands over to /login.html.
 * - A candidate sees in Tasklist their one open task's form and nothing of Tasklist's own (filters, list, task
 *   header, Camunda's branding and banners): class qr-candidate, tasklist/styles/user-styles.css. Without an open
 *   task they are on the candidate page.
 */
import '/js/qr.js';

function toTheApplicationsLogin() {
  if (/^#!?\/login(\b|$)/.test(window.location.hash)) {
    window.location.replace('/login.html');
  }
}
window.addEventListener('hashchange', toTheApplicationsLogin);
window.addEventListener('popstate', toTheApplicationsLogin);
toTheApplicationsLogin();

async function json(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

async function candidatesSeeTheirTaskOnly() {
  const me = await json('/camunda/api/admin/auth/user/default');
  if (!me || !me.userId) {
    return;
  }
  const engine = '/camunda/api/engine/engine/default';
  const user = encodeURIComponent(me.userId);
  const [groups, tasks] = await Promise.all([
    json(engine + '/identity/groups?userId=' + user),
    json(engine + '/task?assignee=' + user + '&maxResults=1')
  ]);
  if (!groups || !groups.groups.some(group => group.id === 'candidates')) {
    return;
  }
  document.documentElement.classList.add('qr-candidate');
  if (!tasks || !tasks.length) {
    window.location.replace('/candidate.html');
  } else if (!window.location.hash.includes('task=' + tasks[0].id)) {
    window.location.replace('#/?task=' + tasks[0].id);
  }
}

if (window.location.pathname.includes('/app/tasklist/') && !/^#!?\/login/.test(window.location.hash)) {
  await candidatesSeeTheirTaskOnly();
}
