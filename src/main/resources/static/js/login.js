const query = new URLSearchParams(location.search);
if (query.has('error')) {
  document.getElementById('error').classList.add('shown');
}
if (query.has('locked')) {
  const seconds = parseInt(query.get('locked'), 10);
  if (seconds > 0) {
    document.getElementById('wait').textContent = seconds + ' 秒';
  }
  document.getElementById('locked').classList.add('shown');
}
