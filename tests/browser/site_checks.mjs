// Browser checks of kyosei's public site, in Debian's chromium through
// playwright-core (no browser download). Driven by run_browser_tests.py,
// which builds the sites and writes the config; can be run by hand:
//
//   node tests/browser/site_checks.mjs config.json
//
// config.json:
//   {"sites": [{"name": "inputs", "dir": "/tmp/x/inputs/site"}, ...],
//    "axe": ["inputs", ...],             // every page: axe-core wcag2a+wcag2aa, 0 violations,
//                                         // no CSP violation, no script error, no sideways
//                                         // scrolling at phone width (390px); axe runs with
//                                         // wcag2a, wcag2aa and best-practice at 1280 and 390px
//    "xss": ["xss"],                      // every page: no script of the payloads ran
//    "search": [{"site": "inputs", "query": "アウトリーチ", "expect": ["services/S020.html", ...],
//                "top": 10, "marked": true}],   // optional: each expected page in the first 10; a <mark> shown
//    "screenshots": {"site": "inputs", "pages": ["index.html", "services/S001.html"], "dir": "tests/artifacts"},
//    "results_out": {"site": "inputs", "path": "tests/artifacts/accessibility_results.toml"}}
//
// Prints one line per problem and a summary; exits 1 when anything failed.
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const axeSource = readFileSync(axePath, 'utf8');
const axeVersion = JSON.parse(readFileSync(join(axePath, '..', 'package.json'), 'utf8')).version;

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const sites = Object.fromEntries(config.sites.map((s) => [s.name, s.dir]));
const failures = [];
const fail = (where, what) => {
  failures.push(`${where}: ${what}`);
  console.log(`NG ${where}: ${what}`);
};

function htmlPages(dir) {
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

const fileUrl = (site, path) => pathToFileURL(join(sites[site], path)).href;

// Counts CSP violations and records what the XSS payloads would set.
const watchScript = `
  window.__kyoseiCsp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__kyoseiCsp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
  });
`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});

async function newPage(width = 1280, height = 900) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.addInitScript(watchScript);
  const events = { dialogs: [], errors: [], requests: [] };
  page.on('dialog', async (d) => {
    events.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('pageerror', (e) => events.errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) events.requests.push(r.url());
  });
  return { page, events, context };
}

// Runs fn over items with a few pages at once.
async function pool(items, workers, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, items.length) }, async () => {
      const tab = await newPage();
      while (next < items.length) {
        const item = items[next++];
        tab.events.dialogs.length = tab.events.errors.length = tab.events.requests.length = 0;
        try {
          await fn(tab, item);
        } catch (e) {
          fail(item.where || String(item), `例外: ${e.message.split('\n')[0]}`);
        }
      }
      await tab.context.close();
    }),
  );
}

const axeRecords = {};  // site -> [{path, violations: [...]}]
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'best-practice'];
const PHONE_WIDTH = 390;

async function checkAxe(siteNames) {
  const items = [];
  for (const site of siteNames) for (const path of htmlPages(sites[site])) items.push({ site, path, where: `${site}/${path}` });
  // The search page with results shown, too.
  for (const site of siteNames)
    items.push({ site, path: 'search.html?q=' + encodeURIComponent('相談'), where: `${site}/search.html?q=相談` });
  const started = Date.now();
  await pool(items, 3, async ({ page, events }, item) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(fileUrl(item.site, item.path.split('?')[0]) + (item.path.includes('?') ? '?' + item.path.split('?')[1] : ''));
    await page.evaluate(axeSource);
    const runAxe = () =>
      page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        AXE_TAGS);
    const result = await runAxe();
    const violations = result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact || '',
      help: v.help,
      criteria: v.tags.filter((t) => /^wcag\d{3,}$/.test(t)).map((t) => t.slice(4).split('').join('.')).join(', '),
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
    for (const v of violations) fail(item.where, `axe ${v.rule}（${v.impact}）${v.help} — ${v.targets.join(' | ')}`);
    (axeRecords[item.site] ||= []).push({ path: item.path, violations });
    const csp = await page.evaluate(() => window.__kyoseiCsp);
    for (const c of csp) fail(item.where, `CSP 違反: ${c}`);
    for (const e of events.errors) fail(item.where, `スクリプトのエラー: ${e}`);
    for (const r of events.requests) fail(item.where, `外部への通信: ${r}`);
    // Phone width: axe again (the layout changes), and nothing may scroll
    // sideways but the tables' own regions.
    await page.setViewportSize({ width: PHONE_WIDTH, height: 800 });
    for (const v of (await runAxe()).violations)
      fail(item.where, `幅${PHONE_WIDTH}px: axe ${v.id}（${v.impact || ''}）${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) fail(item.where, `幅${PHONE_WIDTH}pxで横に${overflow}pxはみ出します`);
  });
  console.log(`axe: ${items.length} ページ（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
}

async function checkXss(siteNames) {
  const items = [];
  for (const site of siteNames) for (const path of htmlPages(sites[site])) items.push({ site, path, where: `${site}/${path}` });
  for (const site of siteNames)
    items.push({ site, path: 'search.html', query: '<script>alert(1)</script>', where: `${site}/search.html?q=<script>` });
  await pool(items, 3, async ({ page, events }, item) => {
    let url = fileUrl(item.site, item.path);
    if (item.query) url += '?q=' + encodeURIComponent(item.query);
    await page.goto(url);
    await page.waitForTimeout(50);
    const state = await page.evaluate(() => {
      const scripts = Array.from(document.scripts).map((s) => s.getAttribute('src'));
      const handlers = [];
      const badUrls = [];
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) handlers.push(`${el.tagName.toLowerCase()} ${a.name}`);
          if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name.toLowerCase()) &&
              /^\s*(javascript|data|vbscript):/i.test(a.value)) badUrls.push(`${el.tagName.toLowerCase()} ${a.name}=${a.value}`);
        }
      }
      return {
        flag: typeof window.__xss !== 'undefined' || typeof window.xssRan !== 'undefined',
        scripts,
        handlers,
        badUrls,
        embeds: document.querySelectorAll('iframe, object, embed, base, meta[http-equiv="refresh"]').length,
        csp: window.__kyoseiCsp,
      };
    });
    if (state.flag) fail(item.where, '入力に仕込んだスクリプトが動きました（window.__xss）');
    for (const d of events.dialogs) fail(item.where, `ダイアログが開きました: ${d}`);
    for (const s of state.scripts)
      if (!s || !/^(\.\.\/)*assets\/[a-z-]+\.js$/.test(s)) fail(item.where, `想定外の script 要素: ${s}`);
    for (const h of state.handlers) fail(item.where, `イベント属性: ${h}`);
    for (const u of state.badUrls) fail(item.where, `危険な URL: ${u}`);
    if (state.embeds) fail(item.where, `iframe/object/embed/base/refresh が ${state.embeds} 個あります`);
    for (const c of state.csp) fail(item.where, `CSP 違反（入力が要素として解釈された）: ${c}`);
    for (const e of events.errors) fail(item.where, `スクリプトのエラー: ${e}`);
    for (const r of events.requests) fail(item.where, `外部への通信: ${r}`);
  });
  console.log(`xss: ${items.length} ページ`);
}

async function checkSearch(cases) {
  const { page, events, context } = await newPage();
  for (const c of cases) {
    const where = `${c.site}/search.html「${c.query}」`;
    // Typed into the form, as a person would (file://).
    await page.goto(fileUrl(c.site, 'search.html'));
    await page.fill('#search-q', c.query);
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => document.getElementById('search-status').textContent.length > 0);
    const status = await page.textContent('#search-status');
    const hrefs = await page.$$eval('#search-results a', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
    const shown = new Set(hrefs);
    const total = Number((status.match(/(\d+)件/) || [0, 0])[1]);
    if (!hrefs.length) fail(where, `結果がありません（${status}）`);
    if (total < c.expect.length) fail(where, `${total} 件しかありません（${c.expect.length} 件以上のはず）`);
    if (total <= 100) for (const e of c.expect) if (!shown.has(e)) fail(where, `${e} が結果にありません`);
    // Resident queries: each page they must find is among the first few.
    if (c.top) for (const e of c.expect) if (!hrefs.slice(0, c.top).includes(e))
      fail(where, `${e} が上位${c.top}件にありません（${hrefs.indexOf(e) + 1}番目）`);
    // Snippets are short, and the match is marked (as text, never markup).
    const snippets = await page.$$eval('#search-results .result-snippet', (ps) =>
      ps.map((p) => ({ len: p.textContent.length, marks: p.querySelectorAll('mark').length, tags: p.querySelectorAll('*:not(mark)').length })));
    for (const s of snippets.slice(0, 10)) {
      if (s.len > 100) fail(where, `抜粋が長すぎます（${s.len}文字）`);
      if (s.tags) fail(where, '抜粋に mark 以外の要素があります');
    }
    const marked = await page.$$eval('#search-results mark', (ms) => ms.length);
    if (c.marked && !marked) fail(where, '見つかったことばに印（mark）がありません');
    // The result links lead to pages of the site.
    for (const h of hrefs.slice(0, 3)) {
      const target = join(sites[c.site], h);
      try {
        statSync(target);
      } catch {
        fail(where, `結果のリンク先 ${h} がありません`);
      }
    }
    for (const e of events.errors) fail(where, `スクリプトのエラー: ${e}`);
    console.log(`search ${where}: ${status} 上位: ${hrefs.slice(0, 5).join(' ')}`);
  }
  // The header form of any page leads to the search page with the query.
  await page.goto(fileUrl(cases[0].site, 'services/index.html'));
  await page.fill('#site-search-q', cases[0].query);
  await page.click('.site-search button');
  await page.waitForFunction(() => (document.getElementById('search-status') || { textContent: '' }).textContent.length > 0);
  if (!(await page.textContent('#search-status')).includes('件'))
    fail('header search', 'ヘッダーの検索欄から検索できません');
  await context.close();
}

async function screenshots(spec) {
  mkdirSync(spec.dir, { recursive: true });
  for (const width of [1280, PHONE_WIDTH]) {
    const { page, context } = await newPage(width, width === PHONE_WIDTH ? 844 : 900);
    for (const path of spec.pages) {
      const [file, query] = path.split('?');
      await page.goto(fileUrl(spec.site, file) + (query ? '?' + query.replace(/=(.*)$/, (m, v) => '=' + encodeURIComponent(v)) : ''));
      if (query) await page.waitForFunction(() => document.getElementById('search-status').textContent.length > 0);
      const name = `${file.replace(/\//g, '_').replace(/\.html$/, '')}${query ? '-search' : ''}-${width}.png`;
      await page.screenshot({ path: join(spec.dir, name), fullPage: true });
      console.log(`screenshot ${join(spec.dir, name)}`);
    }
    await context.close();
  }
}

function tomlString(s) {
  return '"' + String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';
}

// accessibility_results.toml for the site's ウェブアクセシビリティ page.
function writeResults(spec) {
  const records = (axeRecords[spec.site] || []).filter((r) => !r.path.includes('?'));
  records.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const today = new Date();
  const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  let out = '# ウェブアクセシビリティの試験結果（tests/browser/site_checks.mjs が書き出しました）\n';
  out += '# 入力フォルダに accessibility_results.toml として置くと、公開サイトの「ウェブアクセシビリティ方針」に載ります。\n';
  out += `tested_on = ${date}\n`;
  out += `tool = ${tomlString('axe-core ' + axeVersion)}\n`;
  out += `browser = ${tomlString('Chromium ' + browser.version())}\n`;
  out += `method = ${tomlString(`すべてのページをブラウザーで開き、axe-core で自動試験（幅1280pxと${PHONE_WIDTH}px）`)}\n`;
  out += `standard = "JIS X 8341-3:2016"\nlevel = "AA"\ntags = [${AXE_TAGS.map(tomlString).join(', ')}]\n`;
  for (const r of records) out += `\n[[pages]]\npath = ${tomlString(r.path)}\nviolations = ${r.violations.length}\n`;
  for (const r of records)
    for (const v of r.violations)
      out += `\n[[violations]]\npath = ${tomlString(r.path)}\nrule = ${tomlString(v.rule)}\ncriteria = ${tomlString(v.criteria)}\n` +
        `impact = ${tomlString(v.impact)}\nhelp = ${tomlString(v.help)}\nnodes = ${v.nodes}\n`;
  mkdirSync(join(spec.path, '..'), { recursive: true });
  writeFileSync(spec.path, out);
  console.log(`results ${spec.path}（${records.length} ページ）`);
}

try {
  if (config.axe?.length) await checkAxe(config.axe);
  if (config.xss?.length) await checkXss(config.xss);
  if (config.search?.length) await checkSearch(config.search);
  if (config.screenshots) await screenshots(config.screenshots);
  if (config.results_out) writeResults(config.results_out);
} finally {
  await browser.close();
}
console.log(failures.length ? `NG: ${failures.length} 件の問題` : 'OK: 問題はありません');
process.exit(failures.length ? 1 : 0);
