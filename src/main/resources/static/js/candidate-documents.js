// 打印表格与通知单 on the candidate page (printing): the documents the candidate may print, each a download link or
// the reason it is not available yet; the warning about false materials every region shows; the photo check.
(async () => {
  const get = url => fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const documents = await get('api/me/documents');
  if (!documents.ok) {
    return; // not logged in as a candidate: the activation section shows instead
  }
  const list = document.getElementById('documentList');
  for (const doc of await documents.json()) {
    const item = document.createElement('li');
    item.dataset.document = doc.kind;
    if (doc.available) {
      const link = document.createElement('a');
      link.href = 'api/me/documents/' + doc.kind + '.pdf';
      link.textContent = '《' + doc.name + '》（PDF）';
      item.appendChild(link);
    } else {
      item.textContent = '《' + doc.name + '》：' + doc.reason;
      item.className = 'note';
    }
    list.appendChild(item);
  }
  const photoCheck = document.createElement('li');
  photoCheck.innerHTML = '<a href="photo-check.html">医考报名照片检测工具</a>（检测证件照是否符合要求）';
  list.appendChild(photoCheck);
  const pledge = await get('api/me/pledge');
  if (pledge.ok) {
    document.getElementById('pledgeWarning').textContent = (await pledge.json()).warning;
  }
  document.getElementById('documents').hidden = false;
})();
