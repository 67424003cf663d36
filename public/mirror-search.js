// Search on a static mirror (src/web/mirror/mirror-search.ts): the page's query (?q=) made into
// search keys as the site makes them (NFC, then each character through the table in meta.js, made
// from the site's own normaliser), then the chunks that hold those keys loaded as scripts (a page
// opened from file:// may load a script but not fetch() a file), and the articles that have every
// key listed, newest first. Plain ES5 with no module, for old browsers and file://.
(function (root) {
  'use strict';
  var S = (root.midadSearch = root.midadSearch || {});
  var MAX_RESULTS = 50;
  var chunks = {};
  var waiting = {};
  var base = '';

  function arrived(name, value) {
    chunks[name] = value;
    var callbacks = waiting[name] || [];
    delete waiting[name];
    for (var i = 0; i < callbacks.length; i++) callbacks[i]();
  }
  root.midadSearchMeta = function (meta) {
    arrived('meta', meta);
  };
  root.midadSearchTerms = function (k, terms) {
    arrived('t' + k, terms);
  };
  root.midadSearchArticles = function (k, list) {
    arrived('a' + k, list);
  };

  // Loads chunk `name` (meta, t<k>, a<k>) once, by a script element; tests replace it.
  S.load = function (name, done) {
    var script = document.createElement('script');
    script.src = base + name + '.js';
    script.onerror = done;
    document.head.appendChild(script);
  };

  function need(names, done) {
    var left = names.length;
    if (left === 0) return done();
    var one = function () {
      left -= 1;
      if (left === 0) done();
    };
    for (var i = 0; i < names.length; i++) {
      var name = names[i];
      if (Object.prototype.hasOwnProperty.call(chunks, name)) one();
      else if (waiting[name]) waiting[name].push(one);
      else {
        waiting[name] = [one];
        S.load(name, one);
      }
    }
  }

  // The search keys of `text`: as arabic/normalize.ts normalizeForSearch, then split into words.
  S.keys = function (text) {
    var keys = chunks.meta.keys;
    var chars = String(text).normalize ? String(text).normalize('NFC') : String(text);
    var out = '';
    for (var i = 0; i < chars.length; i++) {
      var c = chars.charAt(i);
      out += Object.prototype.hasOwnProperty.call(keys, c) ? keys[c] : c.toLowerCase();
    }
    out = out.replace(/\s+/g, ' ').replace(/^ | $/g, '');
    return out === '' ? [] : out.split(' ');
  };

  // The chunk of a term: FNV-1a over UTF-16 code units, as mirror-search.ts termChunk.
  S.chunkOf = function (term, count) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) {
      hash ^= term.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash % count;
  };

  // Calls done([[link, headline], …]) with the articles whose headline has every word of `query`.
  S.find = function (query, done) {
    need(['meta'], function () {
      var meta = chunks.meta;
      var terms = S.keys(query).slice(0, 10);
      if (terms.length === 0) return done([]);
      var names = terms.map(function (t) {
        return 't' + S.chunkOf(t, meta.chunks);
      });
      need(names, function () {
        var found = null;
        for (var i = 0; i < terms.length; i++) {
          var ids = (chunks[names[i]] || {})[terms[i]] || [];
          found =
            found === null
              ? ids.slice()
              : found.filter(function (id) {
                  return ids.indexOf(id) >= 0;
                });
        }
        found = found
          .sort(function (a, b) {
            return b - a;
          })
          .slice(0, MAX_RESULTS);
        var lists = [];
        for (var j = 0; j < found.length; j++) {
          var name = 'a' + Math.floor(found[j] / meta.perArticles);
          if (lists.indexOf(name) < 0) lists.push(name);
        }
        need(lists, function () {
          done(
            found.map(function (id) {
              return chunks['a' + Math.floor(id / meta.perArticles)][id % meta.perArticles];
            }),
          );
        });
      });
    });
  };

  if (typeof document === 'undefined') return;
  document.addEventListener('DOMContentLoaded', function () {
    var script = document.querySelector('script[src$="search.js"]');
    base = script.getAttribute('src').replace(/search\.js$/, '');
    var query = new URLSearchParams(location.search).get('q') || '';
    var input = document.getElementById('q');
    var status = document.getElementById('status');
    var list = document.getElementById('results');
    input.value = query;
    if (query.trim() === '') return;
    S.find(query, function (results) {
      status.textContent = results.length === 0 ? status.getAttribute('data-none') : '';
      for (var i = 0; i < results.length; i++) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = results[i][0];
        link.textContent = results[i][1];
        item.appendChild(link);
        list.appendChild(item);
      }
    });
  });
})(this);
