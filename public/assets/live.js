// The live page's script (issue 19), loaded only on the first page of a live
// article (section[data-live-events]). It follows the coverage over
// Server-Sent Events (GET /live/<id>/events, web/live/live-events.ts):
// - a posted update is held, and a bar «تحديثات جديدة (3)» appears (a button;
//   its text is said by a polite status); pressing it puts the held updates at
//   the top of the stream and moves there, so the page moves only when the
//   reader asks;
// - an edited update is replaced where it stands (or while held); a deleted one
//   is removed;
// - `state: ended` shows the ended banner and closes the stream;
// - the times of updates of the last hour read «قبل 3 دقائق», refreshed each
//   minute (the server prints the full time, as a cached page is served later).
// The first connection asks for the updates after the newest one printed
// (?after=<n>: the page may come from a cache); reconnections send
// Last-Event-ID themselves. Without this script the page is complete.
(function () {
  'use strict';
  var section = document.querySelector('section[data-live-events]');
  if (!section || typeof EventSource !== 'function') return;
  var stream = section.querySelector('[data-live-stream]');
  var bar = section.querySelector('[data-live-bar]');
  var barText = section.querySelector('[data-live-bar-text]');
  var announce = section.querySelector('[data-live-announce]');
  var newForms = JSON.parse(section.getAttribute('data-new-forms') || '{}');
  var agoForms = JSON.parse(section.getAttribute('data-ago-forms') || '{}').minutes || {};
  var arabicDigits = document.documentElement.getAttribute('data-numerals') === 'arab';
  var newest = Number(section.getAttribute('data-live-after')) || 0;
  var held = {}; // number → html of updates posted but not shown yet
  var source = null;
  var retryMs = 5000;
  var MINUTE = 60000;
  var HOUR = 60 * MINUTE;

  function digits(text) {
    return arabicDigits
      ? text.replace(/[0-9]/g, function (d) {
          return String.fromCharCode(0x0660 + Number(d));
        })
      : text;
  }

  /** The CLDR plural category of n in Arabic (as src/arabic/plural.ts). */
  function category(n) {
    if (n === 0) return 'zero';
    if (n === 1) return 'one';
    if (n === 2) return 'two';
    var lastTwo = n % 100;
    if (lastTwo >= 3 && lastTwo <= 10) return 'few';
    if (lastTwo >= 11) return 'many';
    return 'other';
  }

  function phrase(forms, n) {
    return (forms[category(n)] || '').split('{count}').join(digits(String(n)));
  }

  function heldNumbers() {
    return Object.keys(held)
      .map(Number)
      .sort(function (a, b) {
        return b - a;
      });
  }

  function refreshBar() {
    var count = heldNumbers().length;
    bar.hidden = count === 0;
    var text = count === 0 ? '' : phrase(newForms, count);
    barText.textContent = text;
    announce.textContent = text;
  }

  function fromHtml(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild;
  }

  function updateElement(number) {
    return document.getElementById('update-' + number);
  }

  /** Times of updates of the last hour say how long ago; older ones their full time. */
  function refreshTimes() {
    var now = Date.now();
    var times = section.querySelectorAll('.live-update__time[datetime]');
    for (var i = 0; i < times.length; i++) {
      var time = times[i];
      var label = time.querySelector('bdi') || time;
      if (!time.hasAttribute('data-full')) time.setAttribute('data-full', label.textContent);
      var elapsed = now - Date.parse(time.getAttribute('datetime'));
      if (elapsed >= 0 && elapsed < HOUR) {
        label.textContent = phrase(agoForms, Math.floor(elapsed / MINUTE));
        time.title = time.getAttribute('data-full');
      } else {
        label.textContent = time.getAttribute('data-full');
        time.removeAttribute('title');
      }
    }
  }

  function showHeld() {
    var numbers = heldNumbers();
    if (numbers.length === 0) return;
    var first = null;
    // Oldest first, each put at the top: the newest ends up first.
    for (var i = numbers.length - 1; i >= 0; i--) {
      var element = fromHtml(held[numbers[i]]);
      if (!element) continue;
      var old = updateElement(numbers[i]);
      if (old) old.remove();
      stream.insertBefore(element, stream.firstChild);
      first = element;
    }
    held = {};
    var empty = section.querySelector('[data-live-empty]');
    if (empty) empty.remove();
    refreshBar();
    refreshTimes();
    if (first) {
      first.setAttribute('tabindex', '-1');
      first.focus({ preventScroll: true });
      first.scrollIntoView({ block: 'start' });
    }
  }

  function onUpdate(event) {
    var data = JSON.parse(event.data);
    var number = data.number;
    if (data.action === 'deleted') {
      delete held[number];
      var gone = updateElement(number);
      if (gone) gone.remove();
    } else if (data.action === 'edited' && updateElement(number) && data.html) {
      var element = fromHtml(data.html);
      if (element) updateElement(number).replaceWith(element);
    } else if (data.html) {
      // Posted (or edited while held, or replayed after a reconnection).
      if (updateElement(number)) updateElement(number).replaceWith(fromHtml(data.html));
      else held[number] = data.html;
    }
    if (number > newest) newest = number;
    refreshBar();
    refreshTimes();
  }

  function onState(event) {
    var data = JSON.parse(event.data);
    var status = document.querySelector('[data-live-status]');
    if (status && data.html) {
      var banner = fromHtml(data.html);
      if (banner) status.replaceWith(banner);
    }
    if (data.state === 'ended') {
      announce.textContent = section.getAttribute('data-ended-notice') || '';
      if (source) source.close();
      source = null;
    }
  }

  function connect() {
    var url = section.getAttribute('data-live-events') + '?after=' + newest;
    source = new EventSource(url);
    source.addEventListener('update', onUpdate);
    source.addEventListener('state', onState);
    source.addEventListener('open', function () {
      retryMs = 5000;
    });
    source.addEventListener('error', function () {
      // The browser reconnects by itself unless the server refused (503 when full, 404):
      // then try again later, at most every five minutes.
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, 300000);
      }
    });
  }

  bar.addEventListener('click', showHeld);
  refreshTimes();
  setInterval(refreshTimes, MINUTE);
  connect();
})();
