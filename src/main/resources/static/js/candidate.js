const STATUS = {
  NOT_SUBMITTED: '未提交：请上传全部必传材料后提交审核', SUBMITTED_LOCKED: '上报完成，内容已锁定，等待审核',
  RETURNED: '材料被退回：请按消息提醒重新上传并提交', SITE_PASSED: '已通过考点初审，等待考区终审',
  FINAL_PASSED: '终审通过（最终结果）', NOT_QUALIFIED: '资格审核不通过（最终结果）',
  EXPIRED: '逾期未提交，视作审核不通过', CANCELLED: '已取消报名',
  OFFLINE: '线下审核：无需上传材料，请按考点通知提交纸质材料',
  ON_SITE_REVIEW: '现场审核：请按消息提醒，携带有效身份证件及报名材料原件到考点'
};

function show(element, text, ok) {
  element.textContent = text;
  element.className = 'answer ' + (ok ? 'ok' : 'error');
}

async function post(url, body) {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body), credentials: 'same-origin' });
  const data = await response.json().catch(() => ({}));
  return { ok: response.ok, data };
}

const field = id => document.getElementById(id).value.trim();

document.getElementById('sendCode').addEventListener('click', async () => {
  const answer = await post('api/candidate/activation/code', { candidateNo: field('candidateNo'), idNumber: field('idNumber') });
  show(document.getElementById('activationAnswer'), answer.ok
    ? '如考生编号和证件号码无误，验证码已发送到报名手机号，10 分钟内有效。' : (answer.data.message || '请求失败'), answer.ok);
});

document.getElementById('activate').addEventListener('click', async () => {
  const candidateNo = field('candidateNo');
  const password = document.getElementById('password').value;
  const answer = await post('api/candidate/activation',
    { candidateNo, idNumber: field('idNumber'), code: field('code'), password });
  if (!answer.ok) {
    show(document.getElementById('activationAnswer'), answer.data.message || '激活失败', false);
    return;
  }
  const login = new URLSearchParams({ username: candidateNo, password });
  await fetch('api/login', { method: 'POST', body: login, credentials: 'same-origin' });
  location.reload();
});

(async () => {
  const response = await fetch('api/me/case', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    document.getElementById('activation').hidden = false;
    return;
  }
  const myCase = await response.json();
  document.getElementById('result').hidden = false;
  document.getElementById('status').textContent = myCase.name + '（' + myCase.candidateNo + '）：' + (STATUS[myCase.status] || '')
    + (myCase.status === 'OFFLINE' && !myCase.onlineUpload ? '（本考区本年度未开通网上上传材料）' : '');
  document.getElementById('serial').textContent = myCase.serialNumber ? '序列号：' + myCase.serialNumber : '';
  // the way to the upload form while there is something to upload
  document.getElementById('toTasklist').hidden = !['NOT_SUBMITTED', 'RETURNED'].includes(myCase.status);
  const dates = [];
  if (myCase.lockedAt) {
    dates.push('提交锁定时间：' + new Date(myCase.lockedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }));
  }
  if (myCase.deadlines.onSiteReview) {
    dates.push('现场审核截止：' + myCase.deadlines.onSiteReview);
  } else if (myCase.deadlines.resubmission) {
    dates.push('补传截止：' + myCase.deadlines.resubmission);
  } else if (!myCase.lockedAt && myCase.deadlines.upload) {
    dates.push('上传截止：' + myCase.deadlines.upload);
  }
  document.getElementById('dates').textContent = dates.join('　');
  const list = document.getElementById('messages');
  for (const message of myCase.messages) {
    const item = document.createElement('li');
    item.textContent = new Date(message.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) + '　' + message.text;
    list.appendChild(item);
  }
  if (!myCase.messages.length) {
    list.innerHTML = '<li class="note">暂无消息：消息为空表示尚未审核。</li>';
  }
})();
