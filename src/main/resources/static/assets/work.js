// The workbench's task page: renders the task's deployed Camunda Form with form-js (validation messages in the page's
// language), submits the answers, and attaches or removes evidence files. Texts and limits come from data attributes
// and the page's CSRF token from its meta tags (no inline script: the pages' CSP forbids it).
(function () {
  'use strict';
  var page = document.getElementById('task-page');
  if (!page) {
    return;
  }
  var taskId = page.getAttribute('data-task');
  var lang = page.getAttribute('data-lang');

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  function headers(extra) {
    var h = extra || {};
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) {
      h[header] = token;
    }
    h.Accept = 'application/json';
    return h;
  }

  /** A refusal's message in the page's language (the API's JSON error), or the fallback text. */
  function refusal(body, fallback) {
    if (body && (body.message || body.messageEn)) {
      return lang === 'en' ? (body.messageEn || body.message) : (body.message || body.messageEn);
    }
    return fallback;
  }

  function send(url, options) {
    options.credentials = 'same-origin';
    return fetch(url, options).then(function (r) {
      return r.text().then(function (text) {
        var body = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch (e) {
          body = null;
        }
        return {ok: r.ok, status: r.status, body: body};
      });
    });
  }

  function show(el, text) {
    if (!el) {
      return;
    }
    el.textContent = text || '';
    el.hidden = !text;
  }

  // ------------------------------------------------------------------------------------------ the form

  var container = document.getElementById('form');
  var formError = document.getElementById('form-error');
  var form = null;
  var schema = null;

  /** form-js's validator messages (English, in its code) as the bundle words them: {0} is the limit. */
  function messages() {
    var d = function (name) {
      return container.getAttribute('data-msg-' + name);
    };
    return [
      [/^Field is required\.?$/, d('required')],
      [/^Field must have minimum length of (.+?)\.?$/, d('min-length')],
      [/^Field must have maximum length of (.+?)\.?$/, d('max-length')],
      [/^Field must have minimum value of (.+?)\.?$/, d('min')],
      [/^Field must have maximum value of (.+?)\.?$/, d('max')],
      [/^Field must match pattern (.+?)\.?$/, d('pattern')],
      [/^Field must be a valid email\.?$/, d('email')],
      [/^Field must be a valid\s+international phone number/, d('phone')],
      [/^Value is not a number\.?$/, d('number')],
      [/^Value is expected to /, d('number')]
    ];
  }

  function translator() {
    var table = messages();
    return function (text) {
      for (var i = 0; i < table.length; i++) {
        var m = typeof text === 'string' ? text.match(table[i][0]) : null;
        if (m && table[i][1]) {
          return table[i][1].replace('{0}', m[1] === undefined ? '' : m[1]);
        }
      }
      return text;
    };
  }

  /** A form-js module that passes every message of the validator through the translation (no DOM patching). */
  function validatorMessages(translate) {
    function ValidatorMessages(validator) {
      ['validateField', 'validateFieldInstance'].forEach(function (name) {
        var original = validator[name];
        if (typeof original === 'function') {
          validator[name] = function () {
            var errors = original.apply(validator, arguments) || [];
            return errors.map(translate);
          };
        }
      });
    }
    ValidatorMessages.$inject = ['validator'];
    return {__init__: ['chuangweiValidatorMessages'], chuangweiValidatorMessages: ['type', ValidatorMessages]};
  }

  /** The components of the schema, groups' children included. */
  function components(node, out) {
    (node && node.components || []).forEach(function (c) {
      out.push(c);
      components(c, out);
    });
    return out;
  }

  function answerKeys() {
    return components(schema, []).filter(function (c) {
      return c.key && !c.readonly && !c.disabled;
    }).map(function (c) {
      return c.key;
    });
  }

  function componentOf(key) {
    return components(schema, []).filter(function (c) {
      return c.key === key;
    })[0];
  }

  if (container) {
    try {
      schema = JSON.parse(document.getElementById('form-schema').textContent);
      var data = JSON.parse(document.getElementById('form-data').textContent || '{}');
      if (!window.FormViewer) {
        throw new Error('form-js is not loaded');
      }
      window.FormViewer.createForm({
        schema: schema,
        data: data,
        container: container,
        additionalModules: [validatorMessages(translator())]
      }).then(function (f) {
        form = f;
        container.setAttribute('data-rendered', 'true');
      }, function (e) {
        show(formError, container.getAttribute('data-loading-failed'));
        container.setAttribute('data-rendered', 'failed');
        if (window.console) {
          window.console.error(e);
        }
      });
    } catch (e) {
      show(formError, container.getAttribute('data-loading-failed'));
      container.setAttribute('data-rendered', 'failed');
      if (window.console) {
        window.console.error(e);
      }
    }
  }

  /** A refusal naming a field: its message under the field, as form-js shows its own, and above the button. */
  function fieldError(field, text) {
    var c = field ? componentOf(field) : null;
    if (c && form && typeof form._setState === 'function') {
      var errors = {};
      errors[c.id] = [text];
      form._setState({errors: errors});
    }
    show(formError, c && c.label ? c.label + '：' + text : text);
  }

  var validate = document.getElementById('validate');
  if (validate) {
    validate.addEventListener('click', function () {
      if (form) {
        form.validate();
      }
    });
  }

  var submit = document.getElementById('submit');
  if (submit) {
    submit.addEventListener('click', function () {
      if (!form) {
        return;
      }
      show(formError, '');
      var result = form.submit();
      if (result.errors && Object.keys(result.errors).length > 0) {
        show(formError, container.getAttribute('data-required'));
        return;
      }
      var answers = {};
      answerKeys().forEach(function (k) {
        if (result.data[k] !== undefined && result.data[k] !== null) {
          answers[k] = result.data[k];
        }
      });
      var label = submit.textContent;
      submit.disabled = true;
      submit.textContent = submit.getAttribute('data-submitting');
      send('/work/tasks/' + encodeURIComponent(taskId) + '/complete', {
        method: 'POST',
        headers: headers({'Content-Type': 'application/json'}),
        body: JSON.stringify(answers)
      }).then(function (r) {
        if (r.ok) {
          window.location.assign(r.body && r.body.next ? r.body.next : '/work');
          return;
        }
        submit.disabled = false;
        submit.textContent = label;
        fieldError(r.body && r.body.field, refusal(r.body, String(r.status)));
      }, function () {
        submit.disabled = false;
        submit.textContent = label;
        show(formError, container.getAttribute('data-loading-failed'));
      });
    });
  }

  // ------------------------------------------------------------------------------------------ evidence

  var evidence = document.getElementById('evidence');
  if (!evidence) {
    return;
  }
  var gallery = document.getElementById('gallery');
  var evidenceError = document.getElementById('evidence-error');
  var status = document.getElementById('evidence-status');
  var maxBytes = Number(evidence.getAttribute('data-max-bytes'));

  function size(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
  }

  function figure(e) {
    var fig = document.createElement('figure');
    fig.className = 'evidence';
    fig.setAttribute('data-evidence', e.id);
    var a = document.createElement('a');
    a.href = e.url;
    a.target = '_blank';
    a.rel = 'noopener';
    var img = document.createElement('img');
    img.src = e.thumb;
    img.alt = e.fileName;
    img.width = 120;
    img.height = 120;
    a.appendChild(img);
    fig.appendChild(a);
    var cap = document.createElement('figcaption');
    var name = document.createElement('span');
    name.className = 'file-name';
    name.textContent = e.fileName;
    var small = document.createElement('small');
    small.className = 'muted';
    small.textContent = size(e.sizeBytes);
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.setAttribute('data-remove', e.id);
    remove.textContent = evidence.getAttribute('data-remove');
    cap.appendChild(name);
    cap.appendChild(small);
    cap.appendChild(remove);
    fig.appendChild(cap);
    return fig;
  }

  function emptyNote() {
    var note = gallery.querySelector('.gallery-empty');
    if (note) {
      note.hidden = gallery.querySelectorAll('figure.evidence').length > 0;
    }
  }

  function upload(files, i) {
    if (i >= files.length) {
      show(status, '');
      return;
    }
    var file = files[i];
    if (file.size > maxBytes) {
      show(evidenceError, file.name + '：' + evidence.getAttribute('data-too-large'));
      upload(files, i + 1);
      return;
    }
    var area = document.getElementById('area');
    if (area && !area.value) {
      show(evidenceError, evidence.getAttribute('data-choose-area'));
      area.focus();
      return;
    }
    show(status, evidence.getAttribute('data-uploading') + ' ' + file.name);
    var body = new FormData();
    body.append('file', file, file.name);
    if (area) {
      body.append('area', area.value);
    }
    send('/work/tasks/' + encodeURIComponent(taskId) + '/evidence', {method: 'POST', headers: headers(), body: body})
      .then(function (r) {
        if (r.ok && r.body) {
          gallery.appendChild(figure(r.body));
          emptyNote();
        } else {
          show(evidenceError, file.name + '：' + refusal(r.body, evidence.getAttribute('data-failed')));
        }
        upload(files, i + 1);
      }, function () {
        show(evidenceError, file.name + '：' + evidence.getAttribute('data-failed'));
        upload(files, i + 1);
      });
  }

  ['camera', 'files'].forEach(function (id) {
    var input = document.getElementById(id);
    input.addEventListener('change', function () {
      show(evidenceError, '');
      var files = Array.prototype.slice.call(input.files || []);
      input.value = '';
      upload(files, 0);
    });
  });

  gallery.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-remove]');
    if (!button) {
      return;
    }
    var id = button.getAttribute('data-remove');
    button.disabled = true;
    show(evidenceError, '');
    show(status, evidence.getAttribute('data-removing'));
    send('/work/evidence/' + encodeURIComponent(id) + '/remove', {method: 'POST', headers: headers()})
      .then(function (r) {
        show(status, '');
        if (r.ok) {
          var fig = button.closest('figure');
          fig.parentNode.removeChild(fig);
          emptyNote();
        } else {
          button.disabled = false;
          show(evidenceError, refusal(r.body, evidence.getAttribute('data-failed')));
        }
      }, function () {
        button.disabled = false;
        show(status, '');
        show(evidenceError, evidence.getAttribute('data-failed'));
      });
  });
}());
