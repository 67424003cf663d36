// Reader controls of the article page: the font-size buttons (حجم الخط),
// the short link's copy button, Escape to close the share menu, the device share button (shown only where
// the browser has the Web Share API), click-to-load YouTube players (nothing
// is loaded from YouTube until the reader asks), and the view beacon: one POST
// to the article's data-view-beacon URL when the page is shown, so that a page
// served from a cache still counts (a prerendered page counts when it is shown),
// carrying document.referrer (r=…, form-encoded) and nothing else; and a link to a live
// update on an older page (#update-<n> below the page's data-live-oldest, or above its
// ?before=) goes to the page that holds it, ?before=<n+1>, since fragments never reach
// the server. On a static mirror's copy of the page (<html data-mirror>, web/mirror/write-mirror.ts)
// neither the beacon nor that move is made: the host serving the copy is not the site. Progressive enhancement:
// the page is whole without this script. The chosen size is kept in localStorage under
// "midad:font-size" and applied before paint by the inline head script.
(function () {
  'use strict';
  var KEY = 'midad:font-size';
  var MIN = 0;
  var MAX = 5;
  var DEFAULT = 1;
  var root = document.documentElement;
  var onMirror = root.hasAttribute('data-mirror');

  function current() {
    var n = Number(root.getAttribute('data-font-size'));
    return root.hasAttribute('data-font-size') && n >= MIN && n <= MAX ? n : DEFAULT;
  }

  function refreshButtons() {
    var level = current();
    var buttons = document.querySelectorAll('[data-font-step]');
    for (var i = 0; i < buttons.length; i++) {
      var step = Number(buttons[i].getAttribute('data-font-step'));
      var atLimit = (step > 0 && level >= MAX) || (step < 0 && level <= MIN);
      buttons[i].setAttribute('aria-disabled', atLimit ? 'true' : 'false');
    }
  }

  function setLevel(level) {
    level = Math.min(MAX, Math.max(MIN, level));
    root.setAttribute('data-font-size', String(level));
    try {
      localStorage.setItem(KEY, String(level));
    } catch {
      // Storage may be disabled (private mode): the size still applies to this page.
    }
    refreshButtons();
  }

  function copy(button) {
    var input = document.getElementById(button.getAttribute('data-copy-target'));
    if (!input) return;
    // The button's text is in its span (beside an icon), else the button itself.
    var label = button.querySelector('span') || button;
    var done = function () {
      if (!button.hasAttribute('data-label')) button.setAttribute('data-label', label.textContent);
      label.textContent = button.getAttribute('data-copied');
      clearTimeout(button.copyTimer);
      button.copyTimer = setTimeout(function () {
        label.textContent = button.getAttribute('data-label');
      }, 2000);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(input.value).then(done, function () {
        input.select();
      });
    } else {
      input.select();
      if (document.execCommand && document.execCommand('copy')) done();
    }
  }

  /** The video id of a YouTube watch, short or youtu.be URL, or null. */
  function youtubeId(url) {
    var match =
      /(?:youtube\.com\/(?:watch\?(?:.*&)?v=|shorts\/|embed\/)|youtu\.be\/)([\w-]{6,20})/.exec(url);
    return match ? match[1] : null;
  }

  function play(button) {
    var figure = button.closest('figure.embed');
    var id = figure && youtubeId(figure.getAttribute('data-url') || '');
    if (!id) return;
    var frame = document.createElement('iframe');
    frame.src = 'https://www.youtube-nocookie.com/embed/' + id + '?autoplay=1';
    frame.title = button.textContent;
    frame.allow = 'autoplay; encrypted-media; picture-in-picture';
    frame.allowFullscreen = true;
    figure.replaceChildren(frame);
  }

  function share(button) {
    navigator
      .share({
        title: button.getAttribute('data-share-title') || document.title,
        url: button.getAttribute('data-share-url') || location.href,
      })
      .catch(function () {
        // The reader closed the share sheet: nothing to do.
      });
  }

  if (typeof navigator.share === 'function') {
    var shareButtons = document.querySelectorAll('[data-share-url]');
    for (var s = 0; s < shareButtons.length; s++) shareButtons[s].hidden = false;
  }

  var players = document.querySelectorAll('figure.embed [data-play]');
  for (var i = 0; i < players.length; i++) players[i].hidden = false;

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var player = target.closest('[data-play]');
    if (player) {
      play(player);
      return;
    }
    var step = target.closest('[data-font-step]');
    if (step) {
      setLevel(current() + Number(step.getAttribute('data-font-step')));
      return;
    }
    var shareButton = target.closest('[data-share-url]');
    if (shareButton) {
      share(shareButton);
      return;
    }
    var copyButton = target.closest('[data-copy-target]');
    if (copyButton) copy(copyButton);
  });

  // Escape closes an open share menu and gives the focus back to its icon.
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    var open = document.querySelector('details.share-menu[open]');
    if (!open) return;
    open.open = false;
    open.querySelector('summary').focus();
  });

  function countView() {
    var article = document.querySelector('[data-view-beacon]');
    if (!article || onMirror) return;
    var url = article.getAttribute('data-view-beacon');
    // Where the reader came from, for the newsroom's «القرّاء الآن»: the server keeps only
    // its kind (search, social, direct, other). Cut to 2,000 characters (the server reads 2 KiB).
    var body = new URLSearchParams({ r: (document.referrer || '').slice(0, 2000) });
    if (navigator.sendBeacon) navigator.sendBeacon(url, body);
    else fetch(url, { method: 'POST', body: body, keepalive: true, credentials: 'omit' });
  }

  /** Goes to the page holding the live update the address names, if it is not on this one; true when it goes. */
  function findUpdate() {
    var match = /^#update-([1-9][0-9]{0,8})$/.exec(location.hash);
    var live = document.getElementById('live');
    if (!match || !live || onMirror || document.getElementById(location.hash.slice(1)))
      return false;
    var n = Number(match[1]);
    var oldest = Number(live.getAttribute('data-live-oldest'));
    var before = Number(new URLSearchParams(location.search).get('before'));
    if (!((oldest && n < oldest) || (before && n >= before))) return false;
    location.replace(location.pathname + '?before=' + (n + 1) + location.hash);
    return true;
  }
  window.addEventListener('hashchange', findUpdate);
  // The page that holds the update counts the view.
  if (findUpdate()) return;

  if (document.prerendering) {
    document.addEventListener('prerenderingchange', countView, { once: true });
  } else {
    countView();
  }

  refreshButtons();
})();
