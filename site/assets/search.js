/* サイト内検索。索引（search-index.js が window.KYOSEI_SEARCH_INDEX に置くもの）を
   ブラウザーの中だけで引きます。サーバーは要らず、フォルダから開いても（file://）動きます。
   ことばの分け方は generator/write/site_search.h と同じです:
   NFKC、英字は小文字、ひらがなはカタカナに寄せ、表記ゆれと読み（索引の variants）を
   そろえてから、漢字・かなの続きは2文字ずつ、英数字の続きは語ごと。
   どのページにもないことばは、1文字違い（打ち間違い）まで許して探します。
   結果は、題名に合うページ、ことばが続けて現れるページの順に並べ、
   見つかった箇所の前後を、合ったところに印（mark）を付けて示します。
   索引の文字は textContent でだけ画面に出します（innerHTML は使いません）。 */
(function () {
  'use strict';
  var index = window.KYOSEI_SEARCH_INDEX;
  var form = document.querySelector('form.search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  if (!form || !input || !status || !results) return;
  var MAX_SHOWN = 100;
  var SNIPPET_BEFORE = 24;
  var SNIPPET_LENGTH = 90;
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var WORD = /[\p{L}\p{Nd}\p{Nl}\p{No}]/u;
  var MAX_WORD_CHARS = 40;
  var RESIDENT_PAGES = /^(help|services)\//;

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

  // The rewrites of the index, by first code point, in the order given
  // (longest first), as arrays of code points.
  var rewrites = {};
  // The words of the variants and readings lists, each with what it is
  // read as: the vocabulary a mistyped word is compared with.
  var vocabulary = [];
  ((index && index.variants) || []).forEach(function (pair) {
    var from = Array.from(pair[0]).map(function (ch) { return ch.codePointAt(0); });
    var to = Array.from(pair[1]).map(function (ch) { return ch.codePointAt(0); });
    if (!from.length) return;
    (rewrites[from[0]] = rewrites[from[0]] || []).push({ from: from, to: to });
    vocabulary.push({ cps: from, as: to });
    vocabulary.push({ cps: to, as: to });
  });

  // Whether b is a with at most one character replaced, added or removed.
  function nearlySame(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    var j = 0;
    while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
    return Math.max(a.length, b.length) - i - j <= 1;
  }

  // search_fold of site_search.h, keeping where each resulting code point
  // came from in the text: {cps: [...], from: [start], to: [end]} (UTF-16
  // offsets into text). NFKC is applied per character here (the same as
  // the whole text for what people write), so offsets can be kept.
  function foldWithMap(text) {
    var src = [];
    var offset = 0;
    for (var ch of text) {
      var n = ch.normalize('NFKC');
      for (var c of n) src.push({ c: fold(c.codePointAt(0)), s: offset, e: offset + ch.length });
      offset += ch.length;
    }
    var out = { cps: [], from: [], to: [] };
    for (var p = 0; p < src.length;) {
      var list = rewrites[src[p].c];
      var done = false;
      if (list) {
        for (var k = 0; k < list.length && !done; k++) {
          var f = list[k].from;
          if (p + f.length > src.length) continue;
          var same = true;
          for (var j = 0; j < f.length && same; j++) same = src[p + j].c === f[j];
          if (!same) continue;
          list[k].to.forEach(function (c) {
            out.cps.push(c);
            out.from.push(src[p].s);
            out.to.push(src[p + f.length - 1].e);
          });
          p += f.length;
          done = true;
        }
      }
      if (!done) {
        out.cps.push(src[p].c);
        out.from.push(src[p].s);
        out.to.push(src[p].e);
        p++;
      }
    }
    return out;
  }

  function foldString(text) {
    return String.fromCodePoint.apply(null, foldWithMap(text.normalize('NFKC')).cps);
  }

  // The runs of a folded text: [{cps, cjk}], separators dropped.
  function runs(cps) {
    var out = [];
    var run = null;
    cps.forEach(function (c) {
      var cjk = isCjk(c);
      if (!cjk && !WORD.test(String.fromCodePoint(c))) {
        run = null;
        return;
      }
      if (!run || run.cjk !== cjk) {
        run = { cps: [], cjk: cjk };
        out.push(run);
      }
      run.cps.push(c);
    });
    return out;
  }

  // [{term, kind, at}] of one run: 'bigram' (at = its first position),
  // 'single' (a kanji/kana alone) or 'word'.
  function runTerms(run) {
    var out = [];
    if (run.cjk) {
      if (run.cps.length === 1) out.push({ term: String.fromCodePoint(run.cps[0]), kind: 'single', at: 0 });
      for (var k = 0; k + 1 < run.cps.length; k++) {
        out.push({ term: String.fromCodePoint(run.cps[k], run.cps[k + 1]), kind: 'bigram', at: k });
      }
    } else {
      out.push({ term: String.fromCodePoint.apply(null, run.cps.slice(0, MAX_WORD_CHARS)), kind: 'word', at: 0 });
    }
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

  var cache = {};
  function exact(term) {
    if (!Object.prototype.hasOwnProperty.call(index.terms, term)) return [];
    if (!cache[term]) cache[term] = decode(index.terms[term]);
    return cache[term];
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

  // Pages with one term. A lone kanji/kana matches every bigram that
  // contains it; a word matches every indexed word it starts.
  function pagesWith(t) {
    if (t.kind === 'bigram') return exact(t.term);
    var lists = [exact(t.term)];
    allKeys().forEach(function (key) {
      if (key === t.term) return;
      if (t.kind === 'single' ? key.indexOf(t.term) >= 0 && Array.from(key).length === 2 : key.indexOf(t.term) === 0) {
        lists.push(exact(key));
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

  function allOf(termList) {
    var found = null;
    termList.forEach(function (t) {
      var ids = pagesWith(t);
      found = found === null ? ids : intersect(found, ids);
    });
    return found || [];
  }

  // One word of the query (a run of kanji/kana, or of letters/digits):
  // the pages with all its terms, and the pieces to mark in a snippet.
  // When no page has them all, one character may be wrong: for each
  // position, the terms not touching it (at least one must be left).
  function matchRun(run) {
    var list = runTerms(run);
    var ids = allOf(list);
    var text = String.fromCodePoint.apply(null, run.cps);
    if (ids.length || !run.cjk || run.cps.length < 2) return { ids: ids, exact: true, marks: [text] };
    var lists = [];
    var marks = [];
    // A known word one character away (かいこ -> かいご -> 介護, 介語 -> 介護).
    var tried = {};
    vocabulary.forEach(function (v) {
      if (v.cps.length < 2 || (run.cps.length < 3 && v.cps.length !== run.cps.length)) return;
      if (!nearlySame(run.cps, v.cps)) return;
      var as = String.fromCodePoint.apply(null, v.as);
      if (tried[as]) return;
      tried[as] = true;
      var found = allOf(runTerms({ cps: v.as, cjk: true }));
      if (!found.length) return;
      lists.push(found);
      marks.push(as);
    });
    // Else the word with one character left out of the comparison.
    var known = lists.length > 0;
    for (var i = 0; i < run.cps.length && run.cps.length >= 3 && !known; i++) {
      var rest = list.filter(function (t) { return t.at !== i && t.at + 1 !== i; });
      if (!rest.length) continue;
      var found = allOf(rest);
      if (!found.length) continue;
      lists.push(found);
      if (i > 0) marks.push(String.fromCodePoint.apply(null, run.cps.slice(0, i)));
      if (i + 1 < run.cps.length) marks.push(String.fromCodePoint.apply(null, run.cps.slice(i + 1)));
    }
    return { ids: union(lists), exact: false, marks: marks.filter(function (m) { return Array.from(m).length >= 2; }) };
  }

  function href(path) {
    return path.split('/').map(encodeURIComponent).join('/');
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  // Where the marks occur in text: [[start, end]] in UTF-16 offsets, merged.
  function markRanges(text, marks) {
    var m = foldWithMap(text);
    var hay = m.cps;
    var ranges = [];
    marks.forEach(function (mark) {
      var needle = Array.from(mark).map(function (ch) { return ch.codePointAt(0); });
      if (!needle.length) return;
      for (var p = 0; p + needle.length <= hay.length; p++) {
        var same = true;
        for (var j = 0; j < needle.length && same; j++) same = hay[p + j] === needle[j];
        if (same) ranges.push([m.from[p], m.to[p + needle.length - 1]]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  // Appends text to node with the ranges in <mark>, as text nodes only.
  function appendMarked(node, text, ranges, start, end) {
    var at = start;
    ranges.forEach(function (r) {
      var s = Math.max(r[0], start);
      var e = Math.min(r[1], end);
      if (e <= s) return;
      if (s > at) node.appendChild(document.createTextNode(text.slice(at, s)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(s, e);
      node.appendChild(mark);
      at = e;
    });
    if (at < end) node.appendChild(document.createTextNode(text.slice(at, end)));
  }

  // The snippet: a short piece of the page's text around the first match,
  // else the excerpt; marked either way.
  function snippet(page, marks) {
    var p = document.createElement('p');
    p.className = 'result-snippet';
    var text = page[4] || '';
    var ranges = markRanges(text, marks);
    if (!ranges.length) {
      var excerpt = page[3] || (text.length > 60 ? text.slice(0, 60) + '…' : text);
      appendMarked(p, excerpt, markRanges(excerpt, marks), 0, excerpt.length);
      return p;
    }
    var start = Math.max(0, ranges[0][0] - SNIPPET_BEFORE);
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    // Do not cut a surrogate pair.
    if (start > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(start))) start--;
    if (end < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(end))) end++;
    if (start > 0) p.appendChild(document.createTextNode('…'));
    appendMarked(p, text, ranges, start, end);
    if (end < text.length) p.appendChild(document.createTextNode('…'));
    return p;
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
    var folded = foldWithMap(query.normalize('NFKC')).cps;
    var queryRuns = runs(folded);
    if (!queryRuns.length) {
      status.textContent = '「' + query + '」では探せません。文字や数字を含むことばを入れてください。';
      return;
    }
    // Every word must match (exactly or with one wrong character).
    var found = null;
    var allExact = true;
    var marks = [];
    var words = [];
    queryRuns.forEach(function (run) {
      var m = matchRun(run);
      allExact = allExact && m.exact;
      marks = marks.concat(m.marks);
      // A mistyped word is ranked by the words it was taken for.
      words.push({ texts: m.exact ? [String.fromCodePoint.apply(null, run.cps)] : m.marks, exact: m.exact });
      found = found === null ? m.ids : intersect(found, m.ids);
    });
    // Ranked: each word in the title, then how often it is in the start of
    // the page's text (pages with a word's pieces apart get nothing for
    // it), exact matches above near ones, and the pages written for
    // residents (相談先, 事業) above the plan's and the meetings' pages;
    // ties keep the order of the index (by path).
    var scored = found.map(function (id) {
      var page = index.pages[id];
      var title = foldString(page[1]).replace(/\s+/g, '');
      var body = foldString(page[3] + ' ' + (page[4] || '')).replace(/\s+/g, '');
      var score = RESIDENT_PAGES.test(page[0]) ? 3 : 0;
      words.forEach(function (w) {
        var inTitle = false;
        var count = 0;
        w.texts.forEach(function (t) {
          if (!t) return;
          inTitle = inTitle || title.indexOf(t) >= 0;
          count += Math.min(body.split(t).length - 1, 4);
        });
        score += (inTitle ? 10 : 0) + 1.5 * Math.min(count, 4) + (w.exact ? 2 : 0);
      });
      return { id: id, score: score };
    });
    scored.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    if (!scored.length) {
      status.textContent = '「' + query + '」を含むページは見つかりませんでした。ことばを短くするか、別のことばで探してください。';
      return;
    }
    var near = Array.from(new Set(marks)).slice(0, 3).join('・');
    status.textContent = (allExact ? '「' + query + '」を含むページは ' :
      '「' + query + '」に近いことば' + (near ? '（' + near + '）' : '') + 'を含むページは ') +
      scored.length + '件です' +
      (scored.length > MAX_SHOWN ? '（はじめの' + MAX_SHOWN + '件を表示しています）。' : '。');
    var ol = document.createElement('ol');
    ol.className = 'search-results';
    scored.slice(0, MAX_SHOWN).forEach(function (entry) {
      var page = index.pages[entry.id];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = href(page[0]);
      appendMarked(a, page[1], markRanges(page[1], marks), 0, page[1].length);
      li.appendChild(a);
      if (page[2]) {
        var section = document.createElement('span');
        section.className = 'result-section';
        section.textContent = page[2];
        li.appendChild(document.createTextNode(' '));
        li.appendChild(section);
      }
      li.appendChild(snippet(page, marks));
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
