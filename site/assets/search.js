/* サイト内検索。索引（search-index.js が window.KYOSEI_SEARCH_INDEX に置くもの）を
   ブラウザーの中だけで引きます。サーバーは要らず、フォルダから開いても（file://）動きます。
   ことばの分け方は generator/write/site_search.h と同じです:
   NFKC、英字は小文字、ひらがなはカタカナに寄せ、漢字・かなの続きは2文字ずつ、
   英数字の続きは語ごと。 */
(function () {
  'use strict';
  var index = window.KYOSEI_SEARCH_INDEX;
  var form = document.querySelector('form.search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  if (!form || !input || !status || !results) return;
  var MAX_SHOWN = 100;
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var WORD = /[\p{L}\p{Nd}\p{Nl}\p{No}]/u;
  var MAX_WORD_CHARS = 40;

  function isCjk(c) {
    return (c >= 0x3041 && c <= 0x30fa) || c === 0x30fc || c === 0x30fd || c === 0x30fe || c === 0x3005 ||
      c === 0x3006 || c === 0x3007 || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff);
  }

  function fold(c) {
    if (c >= 0x41 && c <= 0x5a) return c + 0x20;
    if ((c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e) return c + 0x60;
    return c;
  }

  // [{term, kind}] with kind 'bigram', 'single' (a kanji/kana alone) or 'word'.
  function terms(text) {
    var out = [];
    var run = [];
    var runIsCjk = false;
    function flush() {
      if (!run.length) return;
      if (runIsCjk) {
        if (run.length === 1) out.push({ term: String.fromCodePoint(run[0]), kind: 'single' });
        for (var k = 0; k + 1 < run.length; k++) {
          out.push({ term: String.fromCodePoint(run[k], run[k + 1]), kind: 'bigram' });
        }
      } else {
        out.push({ term: String.fromCodePoint.apply(null, run.slice(0, MAX_WORD_CHARS)), kind: 'word' });
      }
      run = [];
    }
    var normalized = text.normalize('NFKC');
    for (var ch of normalized) {
      var c = fold(ch.codePointAt(0));
      var cjk = isCjk(c);
      if (!cjk && !WORD.test(String.fromCodePoint(c))) {
        flush();
        continue;
      }
      if (run.length && cjk !== runIsCjk) flush();
      runIsCjk = cjk;
      run.push(c);
    }
    flush();
    return out;
  }

  function decode(encoded) {
    var ids = [];
    var previous = -1;
    var value = 0;
    for (var i = 0; i < encoded.length; i++) {
      var d = DIGITS.indexOf(encoded.charAt(i));
      value = value * 32 + (d & 31);
      if (d < 32) {
        previous += value;
        ids.push(previous);
        value = 0;
      }
    }
    return ids;
  }

  var keys = null;
  function allKeys() {
    if (!keys) keys = Object.keys(index.terms);
    return keys;
  }

  function exact(term) {
    return Object.prototype.hasOwnProperty.call(index.terms, term) ? decode(index.terms[term]) : [];
  }

  function union(lists) {
    var seen = new Set();
    lists.forEach(function (list) {
      list.forEach(function (id) {
        seen.add(id);
      });
    });
    return Array.from(seen).sort(function (a, b) {
      return a - b;
    });
  }

  // Pages with one query term. A lone kanji/kana matches every bigram that
  // contains it; a word matches every indexed word it starts.
  function pagesWith(t) {
    if (t.kind === 'bigram') return exact(t.term);
    var lists = [exact(t.term)];
    allKeys().forEach(function (key) {
      if (key === t.term) return;
      if (t.kind === 'single' ? key.indexOf(t.term) >= 0 && Array.from(key).length === 2 : key.indexOf(t.term) === 0) {
        lists.push(decode(index.terms[key]));
      }
    });
    return union(lists);
  }

  function intersect(a, b) {
    var out = [];
    var i = 0;
    var j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        out.push(a[i]);
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  function foldText(text) {
    var out = '';
    for (var ch of text.normalize('NFKC')) out += String.fromCodePoint(fold(ch.codePointAt(0)));
    return out.replace(/\s+/g, '');
  }

  function href(path) {
    return path.split('/').map(encodeURIComponent).join('/');
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function search(query) {
    clear(results);
    query = query.trim();
    if (!query) {
      status.textContent = '';
      return;
    }
    if (!index || !index.pages || !index.terms) {
      status.textContent = '検索の索引を読み込めませんでした。サイトマップからページを探してください。';
      return;
    }
    var list = terms(query);
    if (!list.length) {
      status.textContent = '「' + query + '」では探せません。文字や数字を含むことばを入れてください。';
      return;
    }
    var found = null;
    var seen = {};
    list.forEach(function (t) {
      if (seen[t.kind + t.term]) return;
      seen[t.kind + t.term] = true;
      var ids = pagesWith(t);
      found = found === null ? ids : intersect(found, ids);
    });
    // Pages whose title has every word of the query come first.
    var words = query.split(/\s+/).map(foldText).filter(Boolean);
    var inTitle = [];
    var others = [];
    found.forEach(function (id) {
      var title = foldText(index.pages[id][1]);
      (words.every(function (w) { return title.indexOf(w) >= 0; }) ? inTitle : others).push(id);
    });
    var ordered = inTitle.concat(others);
    if (!ordered.length) {
      status.textContent = '「' + query + '」を含むページは見つかりませんでした。ことばを短くするか、別のことばで探してください。';
      return;
    }
    status.textContent = '「' + query + '」を含むページは ' + ordered.length + '件です' +
      (ordered.length > MAX_SHOWN ? '（はじめの' + MAX_SHOWN + '件を表示しています）。' : '。');
    var ol = document.createElement('ol');
    ol.className = 'search-results';
    ordered.slice(0, MAX_SHOWN).forEach(function (id) {
      var page = index.pages[id];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = href(page[0]);
      a.textContent = page[1];
      li.appendChild(a);
      if (page[2]) {
        var section = document.createElement('span');
        section.className = 'result-section';
        section.textContent = page[2];
        li.appendChild(document.createTextNode(' '));
        li.appendChild(section);
      }
      if (page[3]) {
        var p = document.createElement('p');
        p.textContent = page[3];
        li.appendChild(p);
      }
      ol.appendChild(li);
    });
    results.appendChild(ol);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    search(input.value);
    try {
      window.history.replaceState(null, '', '?q=' + encodeURIComponent(input.value.trim()));
    } catch (e) {
      /* file:// で URL を書き換えられなくても、検索は続けます。 */
    }
  });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) {
    input.value = q;
    search(q);
  }
})();
