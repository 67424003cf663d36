// Midad's service worker, served at /sw.js (scope "/"), for web push only.
//
// It has no fetch handler on purpose: pages never pass through it, so it
// costs readers nothing while they read. It does three things:
// - push: shows the notification the server sent (JSON payload: title, body,
//   url, icon, image, tag, lang, dir, timestamp; docs: notes/plan-20 "Push
//   payload"), right to left and in Arabic unless the payload says otherwise;
// - notificationclick: focuses a tab already showing the article, else opens it;
// - pushsubscriptionchange: when the browser renews the subscription, sends
//   the new one to the server with the reader's choices (kept by push.js in
//   the Cache Storage entry /push/choices) and drops the old one.
'use strict';

var ICON = '/assets/icon-192.png';
var CHOICES = '/push/choices';

self.addEventListener('install', function () {
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(self.clients.claim());
});

/** An http(s) URL as a string, or null. */
function webUrl(value) {
  if (typeof value !== 'string' || value === '') return null;
  try {
    var url = new URL(value, self.location.origin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The payload as an object, or null when it is missing or not JSON. */
function payloadOf(event) {
  if (!event.data) return null;
  try {
    var data = event.data.json();
    return data && typeof data === 'object' && typeof data.title === 'string' ? data : null;
  } catch {
    return null;
  }
}

self.addEventListener('push', function (event) {
  var data = payloadOf(event);
  if (!data) return;
  var options = {
    body: typeof data.body === 'string' ? data.body : '',
    dir: data.dir === 'ltr' || data.dir === 'auto' ? data.dir : 'rtl',
    lang: typeof data.lang === 'string' && data.lang ? data.lang : 'ar',
    icon: webUrl(data.icon) || ICON,
    badge: ICON,
    tag: typeof data.tag === 'string' && data.tag ? data.tag : undefined,
    timestamp: typeof data.timestamp === 'number' ? data.timestamp : Date.now(),
    data: { url: webUrl(data.url) || self.location.origin + '/' },
  };
  var image = webUrl(data.image);
  if (image) options.image = image;
  event.waitUntil(self.registration.showNotification(data.title, options));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var url = webUrl(event.notification.data && event.notification.data.url);
  if (!url) return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (tabs) {
      for (var i = 0; i < tabs.length; i++) {
        if (tabs[i].url === url && 'focus' in tabs[i]) return tabs[i].focus();
      }
      return self.clients.openWindow(url);
    }),
  );
});

function readChoices() {
  return caches
    .open('midad-push')
    .then(function (cache) {
      return cache.match(CHOICES);
    })
    .then(function (response) {
      return response ? response.json() : { breaking: true, sections: [] };
    });
}

function postJson(path, body) {
  return fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

self.addEventListener('pushsubscriptionchange', function (event) {
  var old = event.oldSubscription;
  var renewed = event.newSubscription
    ? Promise.resolve(event.newSubscription)
    : old
      ? self.registration.pushManager.subscribe(old.options)
      : Promise.resolve(null);
  event.waitUntil(
    Promise.all([renewed, readChoices()]).then(function (found) {
      var subscription = found[0];
      var choices = found[1];
      var steps = [];
      if (subscription) {
        var json = subscription.toJSON();
        steps.push(
          postJson('/push/subscriptions', {
            subscription: { endpoint: json.endpoint, keys: json.keys },
            breaking: choices.breaking !== false,
            sections: Array.isArray(choices.sections) ? choices.sections : [],
          }),
        );
      }
      if (old) steps.push(postJson('/push/subscriptions/delete', { endpoint: old.endpoint }));
      return Promise.all(steps);
    }),
  );
});
