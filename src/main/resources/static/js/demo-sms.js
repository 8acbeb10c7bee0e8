// in the administrator's session (one login for the webapps and the API); newest first
async function query() {
  const phone = document.getElementById('phone').value.trim();
  const error = document.getElementById('error');
  const rows = document.getElementById('rows');
  error.textContent = '';
  rows.replaceChildren();
  let messages;
  try {
    messages = await QR.api('GET', '../api/admin/demo-sms' + (phone ? '?phone=' + encodeURIComponent(phone) : ''));
  } catch (problem) {
    if (problem.status === 401) {
      error.innerHTML = '请先以考区管理员身份<a href="../login.html">登录</a>，再打开本页。';
    } else {
      error.textContent = problem.message;
    }
    return;
  }
  for (const sms of messages) {
    const row = rows.insertRow();
    row.insertCell().textContent = QR.moment(sms.sentAt);
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
