// The phone page for reporting a case: the phone's location, and photos over the server's limits refused before a
// long upload. Texts and limits come from the form's data attributes (no inline script: the pages' CSP forbids it).
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  if (!form) {
    return;
  }
  var maxPhoto = Number(form.getAttribute('data-max-photo'));
  var maxRequest = Number(form.getAttribute('data-max-request'));
  form.addEventListener('submit', function (e) {
    var files = document.getElementById('photos').files;
    var total = 0;
    var tooLarge = false;
    for (var i = 0; i < files.length; i++) {
      total += files[i].size;
      tooLarge = tooLarge || files[i].size > maxPhoto;
    }
    if (tooLarge || total > maxRequest) {
      e.preventDefault();
      var p = document.getElementById('size-error');
      p.textContent = form.getAttribute('data-too-large');
      p.hidden = false;
    }
  });
  document.getElementById('locate').addEventListener('click', function () {
    var status = document.getElementById('locate-status');
    if (!navigator.geolocation) {
      status.textContent = form.getAttribute('data-no-location');
      return;
    }
    status.textContent = form.getAttribute('data-locating');
    navigator.geolocation.getCurrentPosition(function (pos) {
      document.getElementById('latitude').value = pos.coords.latitude.toFixed(6);
      document.getElementById('longitude').value = pos.coords.longitude.toFixed(6);
      status.textContent = '±' + Math.round(pos.coords.accuracy) + ' m';
    }, function () {
      status.textContent = form.getAttribute('data-no-location');
    }, {enableHighAccuracy: true, timeout: 15000});
  });
}());
