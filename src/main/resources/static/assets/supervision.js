// The audit and a circular's preview (no inline script: CSP script-src 'self').
// The audit: "select all", the count of tasks picked, 预览通报 only with something picked.
// The preview: 签发 once (the button is disabled on submit; the server also refuses a second submission of the form),
// and not while the title or body differ from what the preview shows.
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  ready(function () {
    var pick = document.getElementById('pick');
    if (pick) {
      var all = document.getElementById('pick-all');
      var boxes = pick.querySelectorAll('input[name=task]');
      var picked = document.getElementById('picked');
      var preview = document.getElementById('preview');
      var update = function () {
        var n = 0;
        boxes.forEach(function (b) { if (b.checked) { n++; } });
        if (picked) {
          picked.textContent = picked.getAttribute('data-template').replace('{n}', String(n));
        }
        if (preview) {
          preview.disabled = n === 0;
        }
        if (all) {
          all.checked = n > 0 && n === boxes.length;
          all.indeterminate = n > 0 && n < boxes.length;
        }
      };
      boxes.forEach(function (b) { b.addEventListener('change', update); });
      if (all) {
        all.addEventListener('change', function () {
          boxes.forEach(function (b) { b.checked = all.checked; });
          update();
        });
      }
      update();
    }

    var issue = document.getElementById('issue-form');
    if (issue) {
      var button = document.getElementById('issue');
      issue.addEventListener('submit', function (e) {
        if (button.disabled) {
          e.preventDefault();
          return;
        }
        button.disabled = true;
        button.textContent = button.getAttribute('data-busy');
      });
      var wording = document.getElementById('wording');
      var stale = document.getElementById('stale');
      if (wording) {
        wording.addEventListener('input', function () {
          button.disabled = true;
          if (stale) {
            stale.hidden = false;
          }
        });
      }
    }
  });
}());
