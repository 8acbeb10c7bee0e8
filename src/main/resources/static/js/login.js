if (new URLSearchParams(location.search).has('error')) {
  document.getElementById('error').classList.add('shown');
}
