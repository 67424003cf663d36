// The live page's script (issue 19), loaded only on the first page of a live
// article (section[data-live-events]). It follows the coverage over
// Server-Sent Events (GET /live/<id>/events, web/live/live-events.ts):
// - a posted update is held, and a bar «تحديثات جديدة (3)» appears (a button;
//   its text is said by a polite status); pressing it puts the held updates at
//   the top of the stream (a pinned one, [data-pinned], at the top of the pinned
//   box, made as the server prints it if there is none) and moves there, so the
//   page moves only when the reader asks; a key one ([data-key]) also gets its
//   entry in «أبرز التحديثات» (the event's `key` HTML; the box is made if absent);
// - an edited update is replaced where it stands, or moved when it was pinned or
//   unpinned, and its key entry added, replaced or removed (while held, it waits
//   with its new text); one this page does not show (older than its newest 100)
//   changes only its key entry; a deleted one is removed with its key entry;
// - `state: ended` shows the ended banner and closes the stream;
// - the times of updates of the last hour read «قبل 3 دقائق», refreshed each
//   minute (the server prints the full time, as a cached page is served later).
// The first connection asks for the updates after the newest one printed
// (?after=<n>: the page may come from a cache); reconnections send
// Last-Event-ID themselves. Without this script the page is complete. On a static mirror's
// copy (<html data-mirror>, web/mirror/write-mirror.ts) it does nothing: no site serves its events.
(function () {
  'use strict';
  var section = document.querySelector('section[data-live-events]');
  var onMirror = document.documentElement.hasAttribute('data-mirror');
  if (!section || onMirror || typeof EventSource !== 'function') return;
  var stream = section.querySelector('[data-live-stream]');
  var bar = section.querySelector('[data-live-bar]');
  var barText = section.querySelector('[data-live-bar-text]');
  var announce = section.querySelector('[data-live-announce]');
  var newForms = JSON.parse(section.getAttribute('data-new-forms') || '{}');
  var agoForms = JSON.parse(section.getAttribute('data-ago-forms') || '{}').minutes || {};
  var arabicDigits = document.documentElement.getAttribute('data-numerals') === 'arab';
  var keyHeading = section.getAttribute('data-key-heading') || '';
  var keyMax = Number(section.getAttribute('data-key-max')) || 20;
  var newest = Number(section.getAttribute('data-live-after')) || 0;
  var held = {}; // number → { html, key } of updates posted but not shown yet
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

  /** Puts `element` (with data-number) among `container`'s children, highest number first. */
  function insertByNumber(container, element) {
    var n = Number(element.getAttribute('data-number'));
    for (var child = container.firstElementChild; child; child = child.nextElementSibling) {
      if (Number(child.getAttribute('data-number')) < n) {
        container.insertBefore(element, child);
        return;
      }
    }
    container.appendChild(element);
  }

  /** The pinned box above the stream, made as the server prints it when absent. */
  function pinnedBox() {
    var box = section.querySelector('[data-live-pinned]');
    if (!box) {
      box = document.createElement('div');
      box.className = 'live__pinned';
      box.setAttribute('data-live-pinned', '');
      stream.parentNode.insertBefore(box, stream);
    }
    return box;
  }

  /** Puts an update's element where it belongs: in place of its old one, else by number in its box. */
  function place(element) {
    var old = updateElement(element.getAttribute('data-number'));
    var box = element.hasAttribute('data-pinned') ? pinnedBox() : stream;
    if (old && old.parentNode === box) {
      old.replaceWith(element);
    } else {
      if (old) old.remove();
      insertByNumber(box, element);
    }
    dropEmptyPinnedBox();
  }

  /** The server prints no pinned box without pinned updates. */
  function dropEmptyPinnedBox() {
    var pinned = section.querySelector('[data-live-pinned]');
    if (pinned && !pinned.firstElementChild) pinned.remove();
  }

  /** Adds, replaces (keeping its link, which may lead to an older page) or removes (html null) update n's key entry. */
  function placeKey(number, html) {
    var box = document.querySelector('[data-live-key]');
    var old = box && box.querySelector('li[data-number="' + number + '"]');
    var item = html ? fromHtml(html) : null;
    if (!item) {
      if (old) old.remove();
      if (box && !box.querySelector('li')) box.remove();
      return;
    }
    if (!box) {
      box = fromHtml(
        '<nav class="live-key" aria-labelledby="live-key-heading" data-live-key="">' +
          '<h2 id="live-key-heading" class="live-key__heading"></h2><ol class="live-key__list"></ol></nav>',
      );
      box.querySelector('h2').textContent = keyHeading;
      var header = document.querySelector('.article__header');
      if (header) header.after(box);
      else section.before(box);
    }
    var list = box.querySelector('ol');
    if (old) {
      item.querySelector('a').setAttribute('href', old.querySelector('a').getAttribute('href'));
      old.replaceWith(item);
    } else {
      insertByNumber(list, item);
    }
    while (list.children.length > keyMax) list.lastElementChild.remove();
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
      // The server's title (its date and time) stays, whichever is shown.
      label.textContent =
        elapsed >= 0 && elapsed < HOUR
          ? phrase(agoForms, Math.floor(elapsed / MINUTE))
          : time.getAttribute('data-full');
    }
  }

  function showHeld() {
    var numbers = heldNumbers();
    if (numbers.length === 0) return;
    var first = null;
    // Oldest first: the newest, focused, is the last one placed.
    for (var i = numbers.length - 1; i >= 0; i--) {
      var update = held[numbers[i]];
      var element = fromHtml(update.html);
      if (!element) continue;
      place(element);
      placeKey(numbers[i], update.key);
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
    var shown = updateElement(number);
    if (data.action === 'deleted' || !data.html) {
      delete held[number];
      if (shown) shown.remove();
      dropEmptyPinnedBox();
      placeKey(number, null);
    } else if (shown) {
      // Edited (or replayed after a reconnection): in place, or moved to or from the pinned box.
      var element = fromHtml(data.html);
      if (element) place(element);
      placeKey(number, data.key);
    } else if (data.action === 'edited' && !held[number]) {
      // Older than the updates this page shows: only its key entry may change.
      placeKey(number, data.key);
    } else {
      // Posted (or edited while held, or replayed after a reconnection).
      held[number] = { html: data.html, key: data.key || null };
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
