// wirearchive console: live progress, action state and the diff toggle. The pages read without it.
(function () {
  'use strict';
  function get(url) {
    return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); });
  }
  function duration(s) {
    if (s == null) { return '-'; }
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60;
    return h > 0 ? h + 'h' + String(m).padStart(2, '0') + 'm' : m + 'm' + String(sec).padStart(2, '0') + 's';
  }
  function set(box, field, text) {
    var el = box.querySelector('[data-field="' + field + '"]');
    if (el) { el.textContent = text; }
  }
  // a running night: its progress every 2 s; when it ends, the page is loaded again
  document.querySelectorAll('section.running[data-execution]').forEach(function (box) {
    var id = box.getAttribute('data-execution');
    var timer = setInterval(function () {
      get('/api/executions/' + id).then(function (e) {
        var p = e.progress;
        if (p) {
          var bar = box.querySelector('progress');
          if (bar) { bar.value = p.percent; }
          set(box, 'files', p.filesDone + ' of ' + p.filesTotal + ' files (' + p.percent + '%)');
          set(box, 'rate', p.inputsPerSecond + ' inputs/s');
          set(box, 'eta', duration(p.etaSeconds));
        }
        if (e.status !== 'STARTED' && e.status !== 'STARTING' && e.status !== 'STOPPING') {
          clearInterval(timer);
          location.reload();
        }
      }).catch(function () { /* the console restarts or the network is gone: try again */ });
    }, 2000);
  });
  // an action in progress: its state and log tail, then the page with its outcome
  var state = document.getElementById('action-state');
  if (state && state.getAttribute('data-poll')) {
    var url = state.getAttribute('data-poll');
    var t = setInterval(function () {
      get(url).then(function (a) {
        state.textContent = a.state;
        state.className = 'badge ' + a.state;
        var log = document.getElementById('action-log');
        if (log) { log.textContent = a.logTail.join('\n'); }
        if (a.state !== 'running') { clearInterval(t); location.reload(); }
      }).catch(function () {});
    }, 1000);
  }
  // the side-by-side diff: show only the rows that differ
  var only = document.getElementById('only-changes');
  var table = document.getElementById('diff-table');
  if (only && table) {
    only.addEventListener('change', function () { table.classList.toggle('only-changes', only.checked); });
  }
})();
