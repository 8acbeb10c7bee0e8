const STATUS = {
  NOT_SUBMITTED: '未提交：请上传全部必传材料后提交审核', SUBMITTED_LOCKED: '上报完成，内容已锁定，等待审核',
  RETURNED: '材料被退回：请按退回原因重新上传并提交', SITE_PASSED: '已通过考点初审，等待考区终审',
  FINAL_PASSED: '终审通过（最终结果）', NOT_QUALIFIED: '资格审核不通过（最终结果）',
  EXPIRED: '逾期未提交，视作审核不通过', CANCELLED: '已取消报名',
  OFFLINE: '线下审核：无需上传材料，请按考点通知提交纸质材料',
  ON_SITE_REVIEW: '现场审核：请按消息提醒，携带有效身份证件及报名材料原件到考点'
};

function show(element, text, ok) {
  element.textContent = text;
  element.className = 'answer ' + (ok ? 'ok' : 'error');
}

const field = id => document.getElementById(id).value.trim();

document.getElementById('sendCode').addEventListener('click', async () => {
  const answer = document.getElementById('activationAnswer');
  try {
    await QR.api('POST', 'api/candidate/activation/code', { candidateNo: field('candidateNo'), idNumber: field('idNumber') });
    show(answer, '如考生编号和证件号码无误，验证码已发送到报名手机号，10 分钟内有效。', true);
  } catch (problem) {
    show(answer, problem.message, false);
  }
});

document.getElementById('activate').addEventListener('click', async () => {
  const candidateNo = field('candidateNo');
  const password = document.getElementById('password').value;
  try {
    await QR.api('POST', 'api/candidate/activation', { candidateNo, idNumber: field('idNumber'), code: field('code'), password });
    await QR.api('POST', 'api/login', new URLSearchParams({ username: candidateNo, password }));
    location.reload();
  } catch (problem) {
    show(document.getElementById('activationAnswer'), problem.message, false);
  }
});

document.getElementById('logout').addEventListener('click', () => QR.logOut());

(async () => {
  let myCase;
  try {
    myCase = await QR.api('GET', 'api/me/case');
  } catch (notLoggedIn) {
    document.getElementById('activation').hidden = false;
    return;
  }
  document.getElementById('result').hidden = false;
  document.getElementById('logout').hidden = false;
  document.getElementById('status').textContent = myCase.name + '（' + myCase.candidateNo + '）：' + (STATUS[myCase.status] || '')
    + (myCase.status === 'OFFLINE' && !myCase.onlineUpload ? '（本考区本年度未开通网上上传材料）' : '');
  document.getElementById('serial').textContent = myCase.serialNumber ? '序列号：' + myCase.serialNumber : '';
  // the way to the upload form while there is something to upload
  const uploads = document.getElementById('toUploads');
  uploads.hidden = !['NOT_SUBMITTED', 'RETURNED'].includes(myCase.status);
  uploads.querySelector('a').textContent = myCase.status === 'RETURNED' ? '重新上传退回材料' : '上传审核材料';
  const dates = [];
  // lockedAt is the latest lock (a resubmission's); while returned the materials are open again
  if (myCase.lockedAt && myCase.status !== 'RETURNED' && myCase.status !== 'NOT_SUBMITTED') {
    dates.push('提交锁定时间：' + QR.moment(myCase.lockedAt));
  }
  if (myCase.deadlines.onSiteReview) {
    dates.push('现场审核截止：' + QR.day(myCase.deadlines.onSiteReview));
  } else if (myCase.deadlines.resubmission) {
    dates.push('补传截止：' + QR.day(myCase.deadlines.resubmission));
  } else if (!myCase.lockedAt && myCase.deadlines.upload) {
    dates.push('上传截止：' + QR.day(myCase.deadlines.upload));
  }
  const list = document.getElementById('dates');
  for (const text of dates) {
    const item = document.createElement('li');
    item.textContent = text;
    list.appendChild(item);
  }
  const messages = document.getElementById('messages');
  for (const message of myCase.messages) {
    const item = document.createElement('li');
    const when = document.createElement('time');
    when.textContent = QR.moment(message.createdAt);
    item.append(when, document.createTextNode(message.text));
    messages.appendChild(item);
  }
  if (!myCase.messages.length) {
    messages.innerHTML = '<li class="note">暂无消息：消息为空表示尚未审核。</li>';
  }
})();
