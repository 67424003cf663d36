// «القرّاء الآن» (/admin/live): keeps the figures fresh. The server renders
// them every 5 s, once per language for every viewer, and sends them over
// Server-Sent Events (event "figures-ar" or "figures-en", data: the HTML of
// #live-readers); this script puts them in place. Without it, or without
// EventSource, the page is complete as loaded. The browser reconnects by
// itself after a break (the server says when: retry).
(function () {
  'use strict';
  var root = document.getElementById('live-readers');
  if (!root || typeof window.EventSource !== 'function') return;
  var lang = document.documentElement.lang === 'en' ? 'en' : 'ar';
  var source = new EventSource(root.getAttribute('data-events'));
  source.addEventListener('figures-' + lang, function (event) {
    // The server's own rendering of the figures (escaped text, no script).
    root.innerHTML = event.data;
  });
  // Leaving the page closes the stream at once (the server frees its place).
  window.addEventListener('pagehide', function () {
    source.close();
  });
})();
