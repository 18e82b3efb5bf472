// Japanese typography of the public site in Debian's chromium (run by
// run_typography_tests.py). Usage: node typography_checks.mjs config.json
//
//   {"sites": [{"name": "inputs", "dir": "/tmp/…/site"}], "artifacts": "tests/artifacts/typography"}
//
// On every page, at 1280 px and at 390 px (a phone):
// - no number or amount breaks across lines: each token such as
//   「18,600,000円」「7,161,000円」「29.4%」 in the text is measured with a
//   Range; its client rectangles must lie on one line;
// - no word breaks inside in headings, table cells and menus: every word of
//   two or more characters (Intl.Segmenter 'ja') lies on one line, unless it
//   is wider than its container (prose breaks between characters, as
//   Japanese typesetting does);
// - the page does not scroll sideways (wide tables scroll in their own box);
// - phone numbers are tel: links (FAX numbers, class="fax", are not);
// - at 390 px the header leaves at least 40% of the first screen for the content.
// Screenshots of a few pages at both widths go to the artifacts folder.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const failures = [];
const fail = (where, what) => {
  failures.push(`${where}: ${what}`);
  console.log(`NG ${where}: ${what}`);
};

function htmlFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

// Runs in the page: the tokens and words that broke, and layout facts.
function measure() {
  // Digits with their separators, and an amount's 円 or a share's %.
  const NUMBER = /[0-9０-９][0-9０-９,，.．]*[0-9０-９](円|%|％)?|[0-9０-９](円|%|％)/g;
  // Short texts whose words must stay whole (prose may break between characters, as Japanese does).
  const SHORT = 'h1,h2,h3,h4,h5,h6,th,td,caption,dt,.site-title,nav a';
  const broken = [];
  const words = [];
  const seg = new Intl.Segmenter('ja', { granularity: 'word' });
  const lines = (range) => {
    const tops = new Set();
    for (const r of range.getClientRects()) if (r.width > 0.5) tops.add(Math.round(r.top + r.height / 2));
    // Rectangles of one line share a middle within a few pixels.
    const sorted = [...tops].sort((a, b) => a - b);
    let count = 0;
    let last = -1e9;
    for (const t of sorted) {
      if (t - last > 4) count++;
      last = t;
    }
    return count;
  };
  const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    if (!text.trim()) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('script,style,svg,pre,code')) continue;
    const style = getComputedStyle(parent);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    for (const m of text.matchAll(NUMBER)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      if (lines(range) > 1) broken.push(m[0]);
    }
    const box = parent.getBoundingClientRect();
    if (!parent.closest(SHORT)) continue;
    for (const s of seg.segment(text)) {
      if (!s.isWordLike || [...s.segment].length < 2) continue;
      const range = document.createRange();
      range.setStart(node, s.index);
      range.setEnd(node, s.index + s.segment.length);
      const r = range.getBoundingClientRect();
      if (r.width >= box.width - 2) continue;  // longer than its box: it has to break
      if (lines(range) > 1) words.push(s.segment);
    }
  }
  // Every phone number in the text is a tel: link, except a FAX number
  // (marked class="fax": it cannot be dialled from a phone).
  const tel = [];
  for (const root of document.querySelectorAll('main, footer')) {
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (!/(^|[^0-9-])0\d{1,4}-\d{1,4}-\d{3,4}(?![0-9-])/.test(n.textContent)) continue;
      const el = n.parentElement;
      if (!el || el.closest('a[href^="tel:"], .fax, script, style')) continue;
      tel.push(n.textContent.trim().slice(0, 40));
    }
  }
  const main = document.querySelector('main');
  return {
    broken,
    words,
    tel,
    sideways: document.documentElement.scrollWidth > window.innerWidth + 1,
    mainTop: main ? main.getBoundingClientRect().top : 0,
    h1Top: (document.querySelector('main h1') || main || document.body).getBoundingClientRect().top,
  };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const site of config.sites) {
    const pages = htmlFiles(site.dir);
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'ja-JP' });
      const page = await context.newPage();
      for (const path of pages) {
        const where = `${site.name}/${path} @${width}px`;
        await page.goto(pathToFileURL(join(site.dir, path)).href);
        const r = await page.evaluate(measure);
        for (const t of new Set(r.broken)) fail(where, `「${t}」が行の途中で折り返されています`);
        for (const w of new Set(r.words)) fail(where, `語「${w}」の途中で折り返されています`);
        for (const t of r.tel) fail(where, `電話番号が tel: のリンクになっていません: ${t}`);
        if (r.sideways) fail(where, 'ページ全体が横にスクロールします（表は枠の中でスクロールさせる）');
        if (width === 390 && r.h1Top > height * 0.6) fail(where, `スマートフォンで本文の見出しが画面の ${Math.round((r.h1Top / height) * 100)}% の位置まで下がっています`);
      }
      if (config.artifacts && site.name === config.sites[0].name) {
        mkdirSync(config.artifacts, { recursive: true });
        for (const path of config.screenshots || []) {
          if (!pages.includes(path)) continue;
          await page.goto(pathToFileURL(join(site.dir, path)).href);
          const name = `${path.replace(/\//g, '_').replace(/\.html$/, '')}-${width}.png`;
          await page.screenshot({ path: join(config.artifacts, name), fullPage: width !== 1280 });
          console.log(`screenshot ${join(config.artifacts, name)}`);
        }
      }
      await context.close();
    }
    console.log(`${site.name}: ${pages.length} ページ × 2 幅`);
  }
} finally {
  await browser.close();
}
console.log(failures.length ? `NG: ${failures.length} 件の問題` : 'OK: 問題はありません');
process.exit(failures.length ? 1 : 0);
