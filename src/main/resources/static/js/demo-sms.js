// in the administrator's session (one login for the webapps and the API); newest first
async function query() {
  const phone = document.getElementById('phone').value.trim();
  const error = document.getElementById('error');
  const rows = document.getElementById('rows');
  error.textContent = '';
  rows.replaceChildren();
  const response = await fetch('../api/admin/demo-sms' + (phone ? '?phone=' + encodeURIComponent(phone) : ''),
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    error.innerHTML = '请先以考区管理员身份<a href="../login.html">登录</a>，再打开本页。';
    return;
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    error.textContent = body.message || ('查询失败（HTTP ' + response.status + '）');
    return;
  }
  for (const sms of await response.json()) {
    const row = rows.insertRow();
    row.insertCell().textContent = new Date(sms.sentAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
    row.insertCell().textContent = sms.phone;
    row.insertCell().textContent = sms.text;
  }
  if (!rows.children.length) {
    error.textContent = '没有找到短信。';
  }
}

document.getElementById('query').addEventListener('submit', event => {
  event.preventDefault();
  query();
});
query();
