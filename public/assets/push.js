// Breaking-news push notifications, the reader's side (article pages and /alerts).
//
// The offer: an article page carries an inert <template id="push-offer">. This
// script counts the distinct articles read in localStorage ("midad:push-reads")
// and, from the SECOND one on, shows the template as a small bottom card
// («تنبيهات الأخبار العاجلة»): never on a first page view. «لاحقاً» (or Escape)
// hides it for 30 days; «نعم، أريدها» asks the browser's permission (only after
// that click), registers /sw.js, subscribes with the key from GET /push/public-key
// and POSTs {subscription: {endpoint, keys: {p256dh, auth}}, breaking, sections}
// to /push/subscriptions. The reader's answer is kept in "midad:push":
// {"state":"later","until":<ms>} | {"state":"on","breaking":…,"sections":[…]} |
// {"state":"off"} (turned off on /alerts: never offered again). A reader who said
// no, who is subscribed, or whose browser blocks notifications gets nothing:
// no service worker, no request, no card.
//
// The settings (/alerts, a [data-push-settings] block): shows whether this device
// is subscribed, subscribes or saves the choices (same POST: the server updates
// them), or unsubscribes (POST /push/subscriptions/delete {endpoint}).
//
// The choices are also kept in the Cache Storage entry /push/choices, where the
// service worker reads them when the browser renews a subscription.
//
// On a static mirror's copy of a page (<html data-mirror>, web/mirror/write-mirror.ts) it does
// nothing: the host serving the copy is not the site, and has no /push/ to subscribe to.
(function () {
  'use strict';
  if (document.documentElement.hasAttribute('data-mirror')) return;
  if (
    !('serviceWorker' in navigator) ||
    !('PushManager' in window) ||
    !('Notification' in window)
  ) {
    var unsupported = document.querySelector('[data-push-settings]');
    if (unsupported) {
      unsupported.setAttribute('data-unsupported', '');
      status(unsupported, unsupported.getAttribute('data-msg-unsupported'));
    }
    return;
  }
  var STATE = 'midad:push';
  var READS = 'midad:push-reads';
  var LATER_MS = 30 * 24 * 60 * 60 * 1000;
  var READS_KEPT = 20;

  function load(key, fallback) {
    try {
      var value = JSON.parse(localStorage.getItem(key) || 'null');
      return value === null ? fallback : value;
    } catch {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage may be disabled (private mode): the offer may then come back.
    }
  }

  function status(root, message) {
    var line = root.querySelector('[role="status"]');
    if (line) line.textContent = message || '';
  }

  /** The bytes of a base64url string (the VAPID public key). */
  function bytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(base64 + '==='.slice((base64.length + 3) % 4));
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function postJson(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response;
    });
  }

  function keepChoices(choices) {
    save(STATE, { state: 'on', breaking: choices.breaking, sections: choices.sections });
    if (!window.caches) return;
    caches
      .open('midad-push')
      .then(function (cache) {
        return cache.put(
          '/push/choices',
          new Response(JSON.stringify(choices), {
            headers: { 'content-type': 'application/json' },
          }),
        );
      })
      .catch(function () {});
  }

  /** The permission, asked for with the promise form or the older callback form. */
  function askPermission() {
    return new Promise(function (resolve) {
      var asked = Notification.requestPermission(resolve);
      if (asked && asked.then) asked.then(resolve);
    });
  }

  /** This browser's subscription, or null; registers nothing. */
  function currentSubscription() {
    return navigator.serviceWorker.getRegistration('/').then(function (registration) {
      return registration ? registration.pushManager.getSubscription() : null;
    });
  }

  /**
   * Subscribes this browser (or reuses its subscription) and sends it with the
   * choices. Resolves 'on', or 'denied' when the browser's permission is refused;
   * rejects when the network or the server fails (the new subscription is then undone).
   */
  function subscribe(choices) {
    return askPermission().then(function (permission) {
      if (permission !== 'granted') return 'denied';
      var created = false;
      return navigator.serviceWorker
        .register('/sw.js', { scope: '/' })
        .then(function () {
          return navigator.serviceWorker.ready;
        })
        .then(function (registration) {
          return registration.pushManager.getSubscription().then(function (existing) {
            if (existing) return existing;
            return fetch('/push/public-key', { credentials: 'same-origin' })
              .then(function (response) {
                if (!response.ok) throw new Error('HTTP ' + response.status);
                return response.json();
              })
              .then(function (body) {
                created = true;
                return registration.pushManager.subscribe({
                  userVisibleOnly: true,
                  applicationServerKey: bytes(body.publicKey),
                });
              });
          });
        })
        .then(function (subscription) {
          var json = subscription.toJSON();
          return postJson('/push/subscriptions', {
            subscription: {
              endpoint: json.endpoint,
              keys: { p256dh: json.keys.p256dh, auth: json.keys.auth },
            },
            breaking: choices.breaking,
            sections: choices.sections,
          }).then(
            function () {
              keepChoices(choices);
              return 'on';
            },
            function (error) {
              if (created) subscription.unsubscribe();
              throw error;
            },
          );
        });
    });
  }

  function unsubscribe() {
    return currentSubscription().then(function (subscription) {
      save(STATE, { state: 'off' });
      if (!subscription) return;
      var endpoint = subscription.endpoint;
      return subscription.unsubscribe().then(function () {
        return postJson('/push/subscriptions/delete', { endpoint: endpoint });
      });
    });
  }

  function checkedSections(root) {
    var boxes = root.querySelectorAll('input[name="section"]:checked');
    var ids = [];
    for (var i = 0; i < boxes.length; i++) ids.push(boxes[i].value);
    return ids;
  }

  // ——— The offer on article pages ———

  function said(now) {
    var state = load(STATE, null);
    if (!state) return false;
    if (state.state === 'later') return now < Number(state.until);
    return true;
  }

  function offer(template) {
    var id = template.getAttribute('data-article');
    var reads = load(READS, []);
    if (!Array.isArray(reads)) reads = [];
    if (id && reads.indexOf(id) === -1) {
      reads.push(id);
      save(READS, reads.slice(-READS_KEPT));
    }
    if (reads.length < 2 || said(Date.now()) || Notification.permission === 'denied') return;
    currentSubscription().then(function (subscription) {
      if (subscription) save(STATE, { state: 'on', breaking: true, sections: [] });
      else show(template);
    });
  }

  function show(template) {
    var card = template.content.firstElementChild.cloneNode(true);
    var yes = card.querySelector('[data-push-yes]');
    var later = card.querySelector('[data-push-later]');
    var message = function (name) {
      return template.getAttribute('data-msg-' + name);
    };
    var close = function () {
      card.remove();
      document.body.classList.remove('has-push-offer');
    };
    var postpone = function () {
      save(STATE, { state: 'later', until: Date.now() + LATER_MS });
      close();
    };
    later.addEventListener('click', postpone);
    card.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') postpone();
    });
    yes.addEventListener('click', function () {
      yes.disabled = true;
      status(card, message('working'));
      subscribe({ breaking: true, sections: checkedSections(card) }).then(
        function (result) {
          if (result === 'on') {
            status(card, message('done'));
            yes.remove();
            later.remove();
            var choice = card.querySelector('.push-offer__choice');
            if (choice) choice.remove();
            // The pressed button is gone: keyboard focus goes to the news it brought.
            var line = card.querySelector('[role="status"]');
            line.setAttribute('tabindex', '-1');
            line.focus({ preventScroll: true });
            setTimeout(close, 4000);
            return;
          }
          // Refused in the browser's own prompt: not offered again for 30 days.
          save(STATE, { state: 'later', until: Date.now() + LATER_MS });
          status(card, message('denied'));
          yes.remove();
          later.textContent = message('close');
          later.removeEventListener('click', postpone);
          later.addEventListener('click', close);
          later.focus({ preventScroll: true });
        },
        function () {
          status(card, message('failed'));
          yes.disabled = false;
        },
      );
    });
    // After the article (the tab order follows the reading order), shown fixed at the bottom.
    var article = document.querySelector('article.article');
    if (article && article.parentNode) article.parentNode.insertBefore(card, article.nextSibling);
    else document.body.appendChild(card);
    document.body.classList.add('has-push-offer');
  }

  // ——— The settings page (/alerts) ———

  function settingsPage(root) {
    var form = root.querySelector('form');
    var submit = form.querySelector('[data-push-save]');
    var off = root.querySelector('[data-push-off]');
    var breaking = form.querySelector('input[name="breaking"]');
    var message = function (name) {
      return root.getAttribute('data-msg-' + name);
    };
    var showState = function (on) {
      submit.textContent = message(on ? 'save' : 'turn-on');
      off.hidden = !on;
    };
    var stored = load(STATE, {});
    if (stored.state === 'on') {
      breaking.checked = stored.breaking !== false;
      var boxes = form.querySelectorAll('input[name="section"]');
      for (var i = 0; i < boxes.length; i++) {
        boxes[i].checked = (stored.sections || []).indexOf(boxes[i].value) !== -1;
      }
    }
    if (Notification.permission === 'denied') {
      status(root, message('blocked'));
      showState(false);
      return;
    }
    currentSubscription().then(function (subscription) {
      status(root, message(subscription ? 'on' : 'off'));
      showState(Boolean(subscription));
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var choices = { breaking: breaking.checked, sections: checkedSections(form) };
      if (!choices.breaking && choices.sections.length === 0) {
        status(root, message('choose-one'));
        return;
      }
      var wasOn = !off.hidden;
      submit.disabled = true;
      status(root, message('working'));
      subscribe(choices)
        .then(
          function (result) {
            if (result === 'on') {
              status(root, message(wasOn ? 'saved' : 'on'));
              showState(true);
            } else
              status(root, message(Notification.permission === 'denied' ? 'blocked' : 'denied'));
          },
          function () {
            status(root, message('failed'));
          },
        )
        .then(function () {
          submit.disabled = false;
        });
    });
    off.addEventListener('click', function () {
      off.disabled = true;
      unsubscribe()
        .then(
          function () {
            status(root, message('stopped'));
            showState(false);
          },
          function () {
            status(root, message('failed'));
          },
        )
        .then(function () {
          off.disabled = false;
        });
    });
  }

  var template = document.getElementById('push-offer');
  if (template && 'content' in template) offer(template);
  var settings = document.querySelector('[data-push-settings]');
  if (settings) settingsPage(settings);
})();
