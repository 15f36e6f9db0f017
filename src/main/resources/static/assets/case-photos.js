// The case panel's photo upload on a task page (处置, 核查): each photo picked or taken is posted to the case's photos
// with the page's CSRF token (from its meta tags) and shown among the case's photos at once. Limits and texts come from
// the panel's data attributes; no inline script (the pages' CSP forbids it).
(function () {
  'use strict';
  var box = document.getElementById('case-upload');
  if (!box) {
    return;
  }
  var photos = document.getElementById('case-photos');
  var none = document.getElementById('case-no-photos');
  var error = document.getElementById('case-upload-error');
  var status = document.getElementById('case-upload-status');
  var maxBytes = Number(box.getAttribute('data-max-bytes'));
  var english = box.getAttribute('data-lang') === 'en';

  function text(name) {
    return box.getAttribute('data-' + name);
  }

  function show(el, value) {
    el.textContent = value || '';
    el.hidden = !value;
  }

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  /** A refusal's message in the page's language (the API's JSON error), or the fallback text. */
  function refusal(body) {
    if (body && (body.message || body.messageEn)) {
      return english ? (body.messageEn || body.message) : (body.message || body.messageEn);
    }
    return text('failed');
  }

  /** The new photo among the case's photos: its thumbnail opens the full picture. */
  function add(p) {
    var fig = document.createElement('figure');
    fig.setAttribute('data-photo', p.id);
    var a = document.createElement('a');
    a.href = p.href;
    a.target = '_blank';
    a.rel = 'noopener';
    a.className = 'thumb-link';
    var img = document.createElement('img');
    img.className = 'thumb';
    img.src = p.href;
    img.alt = p.fileName;
    a.appendChild(img);
    fig.appendChild(a);
    var cap = document.createElement('figcaption');
    cap.textContent = p.stage + ' · ' + p.by;
    fig.appendChild(cap);
    photos.appendChild(fig);
    photos.hidden = false;
    if (none) {
      none.hidden = true;
    }
  }

  function upload(files, i) {
    if (i >= files.length) {
      return;
    }
    var file = files[i];
    if (file.type && file.type.indexOf('image/') !== 0) {
      show(error, file.name + '：' + text('not-image'));
      upload(files, i + 1);
      return;
    }
    if (file.size > maxBytes) {
      show(error, file.name + '：' + text('too-large'));
      upload(files, i + 1);
      return;
    }
    show(status, text('uploading') + ' ' + file.name);
    var body = new FormData();
    body.append('file', file, file.name);
    var headers = {Accept: 'application/json'};
    if (meta('_csrf') && meta('_csrf_header')) {
      headers[meta('_csrf_header')] = meta('_csrf');
    }
    fetch(box.getAttribute('data-url'), {method: 'POST', headers: headers, body: body, credentials: 'same-origin'})
      .then(function (r) {
        return r.text().then(function (t) {
          var json = null;
          try {
            json = t ? JSON.parse(t) : null;
          } catch (e) {
            json = null;
          }
          if (r.ok && json) {
            add(json);
            show(status, text('done') + ' ' + file.name);
          } else {
            show(status, '');
            show(error, file.name + '：' + refusal(json));
          }
        });
      }, function () {
        show(status, '');
        show(error, file.name + '：' + text('failed'));
      })
      .then(function () {
        upload(files, i + 1);
      });
  }

  ['case-camera', 'case-files'].forEach(function (id) {
    var input = document.getElementById(id);
    input.addEventListener('change', function () {
      show(error, '');
      var files = Array.prototype.slice.call(input.files || []);
      input.value = '';
      upload(files, 0);
    });
  });
}());
