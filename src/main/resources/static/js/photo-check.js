// 医考报名照片检测: the photo goes to POST api/photo-check (the upload's ID-photo checks); nothing is stored
const input = document.getElementById('photo');
const answer = document.getElementById('photoAnswer');
let previewUrl = null;

function show(text, ok) {
  answer.textContent = text;
  answer.className = 'answer ' + (ok ? 'ok' : 'error');
}

input.addEventListener('change', async () => {
  const file = input.files && input.files[0];
  if (!file) {
    return;
  }
  if (previewUrl) {
    URL.revokeObjectURL(previewUrl);
  }
  previewUrl = URL.createObjectURL(file);
  document.getElementById('previewImage').src = previewUrl;
  document.getElementById('preview').hidden = false;
  show('正在检测 ' + file.name + ' …', true);
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    const response = await fetch('api/photo-check', { method: 'POST', body: form, credentials: 'same-origin',
      headers: { Accept: 'application/json' } });
    const data = await response.json().catch(() => ({}));
    show(data.message || '检测失败，请稍后重试', response.ok && data.ok === true);
  } catch (offline) {
    show('网络连接失败，请检查网络后重试', false);
  }
  input.value = '';
});
