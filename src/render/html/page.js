// The review page's script: links each finding's marks and note, and applies the filters.
// It builds nothing from report text; it only toggles classes on elements already written.
(function () {
  'use strict';
  var doc = document;
  doc.documentElement.classList.add('js');
  var all = doc.querySelectorAll('[data-f]');
  var byKey = Object.create(null);
  for (var i = 0; i < all.length; i++) {
    var key = all[i].getAttribute('data-f');
    (byKey[key] = byKey[key] || []).push(all[i]);
  }
  function light(key, cls, on) {
    var els = byKey[key] || [];
    for (var j = 0; j < els.length; j++) els[j].classList.toggle(cls, on);
  }
  function keyOf(target) {
    var el = target && target.closest ? target.closest('[data-f]') : null;
    return el ? el.getAttribute('data-f') : null;
  }
  var pinned = null;
  function pin(key) {
    if (pinned) light(pinned, 'pinned', false);
    pinned = pinned === key ? null : key;
    if (pinned) light(pinned, 'pinned', true);
  }
  doc.addEventListener('mouseover', function (e) {
    var key = keyOf(e.target);
    if (key) light(key, 'lit', true);
  });
  doc.addEventListener('mouseout', function (e) {
    var key = keyOf(e.target);
    if (key) light(key, 'lit', false);
  });
  doc.addEventListener('click', function (e) {
    var key = keyOf(e.target);
    if (!key) return;
    var mark = e.target.closest('mark[data-f]');
    if (mark && mark.classList.contains('off')) return;
    pin(key);
    var note = doc.getElementById(key + '-note');
    if (mark && note) note.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  });

  // The upload page of `zglint serve`: a file dropped on the zone is sent as if picked.
  var drop = doc.getElementById('drop');
  if (drop) {
    var input = drop.querySelector('input[type=file]');
    drop.addEventListener('dragover', function (e) {
      e.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      drop.classList.remove('over');
      if (!input || !e.dataTransfer || e.dataTransfer.files.length !== 1) return;
      input.files = e.dataTransfer.files;
      drop.closest('form').submit();
    });
  }

  var form = doc.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  function apply() {
    var off = { level: Object.create(null), rule: Object.create(null) };
    var boxes = form.querySelectorAll('input[data-filter]');
    for (var i = 0; i < boxes.length; i++) {
      var kind = boxes[i].getAttribute('data-filter');
      if (!boxes[i].checked && off[kind]) off[kind][boxes[i].value] = true;
    }
    for (var j = 0; j < all.length; j++) {
      var el = all[j];
      var hide = off.level[el.getAttribute('data-level')] === true ||
        off.rule[el.getAttribute('data-rule')] === true;
      el.classList.toggle('off', hide);
    }
  }
  // review.html?off=info,quote-nested-double opens the page with those boxes cleared.
  var cleared = (new URLSearchParams(location.search).get('off') || '').split(',');
  var inputs = form.querySelectorAll('input[data-filter]');
  for (var k = 0; k < inputs.length; k++) {
    if (cleared.indexOf(inputs[k].value) >= 0) inputs[k].checked = false;
  }
  form.addEventListener('change', apply);
  apply();
})();
