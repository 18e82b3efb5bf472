"""End-to-end tests of the public site (issue 5), Python stdlib only: build
inputs/, every example and the XSS dataset tests/xss/, then read what was
written — links, site map, search index, PDF pages and thumbnails, area
pages, the accessibility page — and run the privacy guard on datasets made
to leak. The browser checks (axe-core, XSS in chromium, search typed into
the page, screenshots) are tests/browser/run_browser_tests.py."""
from __future__ import annotations

import csv
import html.parser
import io
import json
import re
import shutil
import struct
import subprocess
import sys
import unicodedata
import unittest
import zlib
from pathlib import Path
from urllib.parse import quote, unquote

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kyosei_test_support as kts  # noqa: E402

SRC = kts.source_dir()
DATASETS = [SRC / "inputs"] + sorted(p for p in (SRC / "examples").iterdir() if (p / "municipality.toml").exists())
XSS = SRC / "tests" / "xss"
MIN_NAME, MIN_AGENDA = 2, 8  # write/site/site_privacy.h


def read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = [unicodedata.normalize("NFKC", h).strip() for h in rows[0]]
    return [{h: unicodedata.normalize("NFKC", r[i] if i < len(r) else "").strip() for i, h in enumerate(header)}
            for r in rows[1:] if any(c.strip() for c in r)]


def write_csv(path: Path, rows: list[dict]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0].keys()), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def multi(v: str) -> list[str]:
    return [p.strip() for p in re.split("[;；、]", v) if p.strip()]


def fold(text: str) -> str:
    """NFKC, ASCII lower case, white space removed: how the guard compares."""
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"[\s\u200b\ufeff]+", "", t)
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in t)


class Page(html.parser.HTMLParser):
    """Links, text of <main>, scripts and attributes of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.refs, self.scripts, self.attrs = [], [], [], []
        self.main_depth = 0
        self.main, self.all = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.attrs.append((tag, a))
        if tag == "main":
            self.main_depth += 1
        if tag == "a" and a.get("href") is not None:
            self.links.append(a["href"])
        for key in ("href", "src"):
            if a.get(key) is not None and tag in ("a", "link", "script", "img"):
                self.refs.append(a[key])
        if tag == "script":
            self.scripts.append(a.get("src"))

    def handle_endtag(self, tag):
        if tag == "main":
            self.main_depth -= 1

    def handle_data(self, data):
        self.all.append(data)
        if self.main_depth:
            self.main.append(data)


def parse(path: Path) -> Page:
    p = Page()
    p.feed(kts.read_page(path))
    p.close()
    return p


def build(dataset: Path, out: Path, *extra: str):
    return kts.run_kyosei("build", dataset, "-o", out, "-q", *extra)


def load_index(site: Path) -> dict:
    js = kts.read_page(site / "assets" / "search-index.js")
    body = js[js.index("window.KYOSEI_SEARCH_INDEX=") + len("window.KYOSEI_SEARCH_INDEX="):].rstrip().rstrip(";")
    return json.loads(body)


DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def decode_postings(s: str) -> list[int]:
    out, prev, value = [], -1, 0
    for c in s:
        d = DIGITS.index(c)
        value = value * 32 + (d & 31)
        if d < 32:
            prev += value
            out.append(prev)
            value = 0
    return out


def bigrams(query: str) -> list[str]:
    q = unicodedata.normalize("NFKC", query)
    q = "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in q)
    return [q[i:i + 2] for i in range(len(q) - 1)]


def png_info(data: bytes) -> tuple[int, int, bytes]:
    """(width, height, raw scanlines) after checking signature and CRCs."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "PNG signature"
    pos, idat = 8, b""
    width = height = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        chunk = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + chunk) & 0xFFFFFFFF == crc, f"CRC of {kind}"
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert (depth, color) == (8, 2)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def minimal_pdf(pages: list[str]) -> bytes:
    """A PDF with one line of ASCII text (Helvetica) per page."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    kids = []
    for i, text in enumerate(pages):
        page_num, content_num = 4 + 2 * i, 5 + 2 * i
        stream = b"BT /F1 10 Tf 40 780 Td (" + text.encode("ascii") + b") Tj ET"
        objects[content_num] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects[page_num] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                             b"/Resources << /Font << /F1 3 0 R >> >> >>" % content_num)
        kids.append(b"%d 0 R" % page_num)
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (max(objects) + 1)
    for num in range(1, max(objects) + 1):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (max(objects) + 1, xref)
    return bytes(out)


class SiteOutputs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = kts.temp_dir("kyosei-site-")
        cls.tmp = cls._tmp.__enter__()
        cls.sites = {}
        for ds in DATASETS + [XSS]:
            r = build(ds, cls.tmp / ds.name)
            if r.returncode != 0:
                raise AssertionError(f"build {ds} failed ({r.returncode}):\n{r.stderr}")
            cls.sites[ds] = cls.tmp / ds.name / "site"

    @classmethod
    def tearDownClass(cls):
        cls._tmp.__exit__(None, None, None)

    def pages(self, site: Path) -> list[str]:
        return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))

    # ------------------------------------------------------------ links

    def test_links_resolve_and_every_page_is_reachable_from_the_top(self):
        for ds, site in self.sites.items():
            with self.subTest(dataset=ds.name):
                parsed = {rel: parse(site / rel) for rel in self.pages(site)}
                for rel, p in parsed.items():
                    for ref in p.refs:
                        if ref in p.links and re.match(r"^(https?|mailto|tel):", ref):
                            continue  # a link to elsewhere (概要, plan text): navigation, not a request
                        self.assertNotRegex(ref, r"^(//|[a-z]+:)", f"{rel}: {ref} is not relative")
                        target = ref.split("#")[0].split("?")[0]
                        if not target:
                            continue
                        resolved = ((site / rel).parent / unquote(target)).resolve()
                        self.assertTrue(str(resolved).startswith(str(site.resolve())), f"{rel}: {ref} leaves the site")
                        self.assertTrue(resolved.exists(), f"{rel}: {ref} is broken")
                seen, todo = {"index.html"}, ["index.html"]
                while todo:
                    rel = todo.pop()
                    for href in parsed[rel].links:
                        target = href.split("#")[0].split("?")[0]
                        if not target.endswith(".html"):
                            continue
                        t = ((site / rel).parent / unquote(target)).resolve().relative_to(site.resolve()).as_posix()
                        if t not in seen:
                            seen.add(t)
                            todo.append(t)
                self.assertEqual(sorted(set(parsed) - seen), [], "pages not reachable from index.html")

    def test_every_page_has_the_locked_down_accessible_frame(self):
        for ds, site in self.sites.items():
            for rel in self.pages(site):
                with self.subTest(page=f"{ds.name}/{rel}"):
                    text = kts.read_page(site / rel)
                    p = parse(site / rel)
                    self.assertTrue(text.startswith('<!DOCTYPE html>\n<html lang="ja">'))
                    self.assertIn("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
                                  "img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'", text)
                    self.assertIn('<a class="skip-link" href="#main">', text)
                    self.assertEqual(sum(1 for t, _ in p.attrs if t == "main"), 1)
                    self.assertEqual(sum(1 for t, _ in p.attrs if t == "h1"), 1)
                    for s in p.scripts:  # never inline
                        self.assertRegex(s or "", r"^(\.\./)*assets/[a-z-]+\.js$")
                    self.assertFalse(any("style" in a for _, a in p.attrs), "style attribute")
                    self.assertNotIn("<style", text)
                    # Headings never skip a level.
                    levels = [int(t[1]) for t, _ in p.attrs if re.fullmatch(r"h[1-6]", t)]
                    for a, b in zip(levels, levels[1:]):
                        self.assertLessEqual(b, a + 1, f"h{a} then h{b}")
                    for t, a in p.attrs:
                        if t == "img":
                            self.assertIn("alt", a)
                    # Tables kyosei composes have a caption (Markdown tables typed by staff cannot).
                    for block in re.findall(r'<div class="table-scroll".*?</table>', text, re.S):
                        self.assertIn("<caption>", block)

    # ------------------------------------------------------------ site map

    def test_sitemap_xml_lists_every_page_with_absolute_urls(self):
        for ds, site in self.sites.items():
            with self.subTest(dataset=ds.name):
                toml = kts.read_page(ds / "municipality.toml")
                m = re.search(r'^base_url\s*=\s*"([^"]*)"', toml, re.M)
                xml = site / "sitemap.xml"
                if not m:
                    self.assertFalse(xml.exists())
                    continue
                base = m.group(1) if m.group(1).endswith("/") else m.group(1) + "/"
                text = kts.read_page(xml)
                self.assertTrue(text.startswith('<?xml version="1.0" encoding="UTF-8"?>'))
                self.assertNotIn("lastmod", text)
                locs = re.findall(r"<loc>([^<]*)</loc>", text)
                self.assertEqual(locs, sorted(locs))
                expected = [base + quote(p, safe="/-._~") for p in self.pages(site)]
                self.assertEqual(sorted(l.replace("&amp;", "&") for l in locs), sorted(expected))

    def test_sitemap_page_lists_every_page(self):
        for ds, site in self.sites.items():
            with self.subTest(dataset=ds.name):
                links = {unquote(h) for h in parse(site / "sitemap.html").links}
                for rel in self.pages(site):
                    self.assertIn(rel, links | {"sitemap.html"})

    # ------------------------------------------------------------ privacy

    def test_no_name_or_confidential_agenda_in_any_file(self):
        for ds, site in self.sites.items():
            with self.subTest(dataset=ds.name):
                names = [fold(r["氏名"]) for r in read_csv(ds / "staff.csv") if len(fold(r["氏名"])) >= MIN_NAME]
                meetings = {m["ID"]: m for m in read_csv(ds / "meetings.csv")}
                sessions = read_csv(ds / "meeting_sessions.csv")
                public = {fold(s["議題"]) for s in sessions if meetings[s["会議ID"]]["守秘義務"] != "あり"}
                agendas = [fold(s["議題"]) for s in sessions if meetings[s["会議ID"]]["守秘義務"] == "あり"
                           and len(fold(s["議題"])) >= MIN_AGENDA and fold(s["議題"]) not in public]
                self.assertTrue(names)
                for f in site.rglob("*"):
                    if not f.is_file() or f.suffix in (".pdf", ".png"):
                        continue
                    text = kts.read_page(f)
                    blob = fold(text)
                    if f.suffix == ".html":
                        p = parse(f)
                        blob += fold("".join(p.all))
                    for n in names:
                        self.assertNotIn(n, blob, f.relative_to(site))
                    for a in agendas:
                        self.assertNotIn(a, blob, f.relative_to(site))

    def test_services_not_public_are_nowhere(self):
        for ds, site in self.sites.items():
            with self.subTest(dataset=ds.name):
                hidden = [s for s in read_csv(ds / "services.csv") if s.get("公開") == "しない"]
                index = load_index(site)
                paths = {p[0] for p in index["pages"]}
                listing = kts.read_page(site / "services" / "index.html")
                for s in hidden:
                    page = f"services/{s['ID']}.html"
                    self.assertFalse((site / page).exists())
                    self.assertNotIn(page, paths)
                    self.assertNotIn(f"{s['ID']}.html", listing)

    def test_confidential_meetings_show_dates_and_counts_only(self):
        ds = SRC / "inputs"
        site = self.sites[ds]
        for m in read_csv(ds / "meetings.csv"):
            if m["守秘義務"] != "あり":
                continue
            text = kts.read_page(site / "meetings" / f"{m['ID']}.html")
            self.assertIn("守秘義務のある会議のため、議題は公開していません。", text)
            self.assertNotIn('<th scope="col">議題</th>', text)
            self.assertIn('<th scope="col">検討事例数</th>', text)

    # ------------------------------------------------------------ search

    def test_search_index_finds_every_page_with_the_word(self):
        site = self.sites[SRC / "inputs"]
        index = load_index(site)
        paths = [p[0] for p in index["pages"]]
        self.assertEqual(paths, sorted(paths))
        leaflets = {p for p in self.pages(site) if p.startswith("help/") and p != "help/index.html"}  # = help/index.html
        self.assertEqual(set(paths), set(self.pages(site)) - {"search.html", "sitemap.html"} - leaflets)
        for query in ("アウトリーチ", "包括", "子ども食堂", "ひきこもり"):
            with self.subTest(query=query):
                found = None
                for b in bigrams(query):
                    ids = set(decode_postings(index["terms"].get(b, "")))
                    found = ids if found is None else found & ids
                hits = {paths[i] for i in found}
                for rel in paths:
                    p = parse(site / rel)
                    if unicodedata.normalize("NFKC", query) in re.sub(r"\s+", "", unicodedata.normalize("NFKC", "".join(p.main))):
                        self.assertIn(rel, hits)
        # アウトリーチ is found in service pages and in the PDF's text.
        found = None
        for b in bigrams("アウトリーチ"):
            ids = set(decode_postings(index["terms"][b]))
            found = ids if found is None else found & ids
        hits = {paths[i] for i in found}
        self.assertTrue(any(h.startswith("services/S") for h in hits))
        self.assertTrue(any(h.startswith("documents/") and h.endswith(".pdf.html") for h in hits))
        # Words of Latin letters and digits are whole terms.
        self.assertIn("8050", index["terms"])

    def test_search_index_stays_compact(self):
        for ds, site in self.sites.items():
            with self.subTest(dataset=ds.name):
                size = (site / "assets" / "search-index.js").stat().st_size
                html_size = sum(f.stat().st_size for f in site.rglob("*.html"))
                self.assertLess(size, html_size // 2, "index bigger than half the pages")

    # ------------------------------------------------------------ PDFs

    def test_each_published_pdf_has_a_text_page_and_a_thumbnail(self):
        ds = SRC / "inputs"
        site = self.sites[ds]
        docs = sorted((ds / "documents").glob("*.pdf"))
        self.assertTrue(docs)
        for pdf in docs:
            rel = pdf.relative_to(ds / "documents").as_posix()
            with self.subTest(pdf=rel):
                info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
                pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
                page = site / "documents" / (rel + ".html")
                text = kts.read_page(page)
                self.assertEqual(len(re.findall(r'<section class="pdf-page"', text)), pages)
                plain = re.sub(r"\s+", "", "".join(parse(page).main))
                for i in range(1, pages + 1):
                    self.assertIn(f'<h2 id="page-{i}">{i}ページ</h2>', text)
                    words = subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"],
                                           capture_output=True, text=True).stdout.split()
                    for w in [w for w in words if len(w) >= 4][:5]:
                        self.assertIn(re.sub(r"\s+", "", w), plain)
                # Published with its metadata removed (issue 12), same pages and text.
                published = site / "documents" / rel
                self.assertEqual(subprocess.run(["pdftotext", str(published), "-"], capture_output=True, text=True).stdout,
                                 subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
                published_info = subprocess.run(["pdfinfo", str(published)], capture_output=True, text=True).stdout
                self.assertRegex(published_info, rf"Pages:\s+{pages}\n")
                for key in ("Author:", "Creator:", "Producer:", "Subject:", "Keywords:"):
                    self.assertNotIn(key, published_info)
                width, height, raw = png_info((site / "documents" / (rel + ".png")).read_bytes())
                self.assertEqual(width, 150)
                self.assertGreater(height, 150)
                self.assertEqual(len(raw), height * (1 + width * 3))
                self.assertIn('alt="1ページ目の縮小画像"', text)

    def test_thumbnails_and_pages_are_byte_identical_on_rebuild(self):
        ds = SRC / "inputs"
        again = self.tmp / "again"
        r = build(ds, again)
        self.assertEqual(r.returncode, 0, r.stderr)
        a = kts.snapshot_tree(self.sites[ds])
        b = kts.snapshot_tree(again / "site")
        self.assertEqual(a, b)
        self.assertTrue(any(k.endswith(".png") for k in a))

    def test_confidential_pdf_is_not_published(self):
        with kts.temp_dir() as tmp:
            ds = tmp / "inputs"
            kts.copy_tree(SRC / "inputs", ds)
            sessions = read_csv(ds / "meeting_sessions.csv")
            meetings = {m["ID"]: m for m in read_csv(ds / "meetings.csv")}
            secret = next(s for s in sessions if meetings[s["会議ID"]]["守秘義務"] == "あり")
            pdf = sorted((ds / "documents").glob("*.pdf"))[0].name
            secret["資料"] = pdf
            write_csv(ds / "meeting_sessions.csv", sessions)
            r = build(ds, tmp / "out")
            self.assertEqual(r.returncode, 0, r.stderr)
            site = tmp / "out" / "site"
            self.assertFalse((site / "documents" / pdf).exists())
            self.assertFalse((site / "documents" / (pdf + ".html")).exists())
            self.assertNotIn(quote(pdf), kts.read_page(site / "documents" / "index.html"))

    def test_long_pdf_is_published_page_by_page(self):
        # More text than pdf_reader keeps in memory (256 KiB): the page is
        # made by reading the PDF again, one page at a time.
        with kts.temp_dir() as tmp:
            ds = tmp / "inputs"
            kts.copy_tree(SRC / "inputs", ds)
            line = "Outreach support meeting notes " * 4
            pages = [f"PAGE{i:04d} " + line * 25 for i in range(1, 181)]
            (ds / "documents" / "long.pdf").write_bytes(minimal_pdf(pages))
            sessions = read_csv(ds / "meeting_sessions.csv")
            meetings = {m["ID"]: m for m in read_csv(ds / "meetings.csv")}
            public = next(s for s in sessions if meetings[s["会議ID"]]["守秘義務"] == "なし")
            public["資料"] = ";".join(multi(public["資料"]) + ["long.pdf"])
            write_csv(ds / "meeting_sessions.csv", sessions)
            r = build(ds, tmp / "out")
            self.assertEqual(r.returncode, 0, r.stderr)
            text = kts.read_page(tmp / "out" / "site" / "documents" / "long.pdf.html")
            self.assertEqual(len(re.findall(r'<section class="pdf-page"', text)), 180)
            for i in (1, 90, 180):
                self.assertIn(f"PAGE{i:04d}", text)
            self.assertIn("page0180", load_index(tmp / "out" / "site")["terms"])

    # ------------------------------------------------------------ areas

    def test_area_pages_list_services_children_and_fte(self):
        for ds, site in self.sites.items():
            if ds == XSS:
                continue
            with self.subTest(dataset=ds.name):
                areas = read_csv(ds / "areas.csv")
                services = [s for s in read_csv(ds / "services.csv") if s.get("公開") != "しない"]
                staff = read_csv(ds / "staff.csv")
                top = next(a for a in areas if a["層"] == "1")
                total = 0.0
                for a in areas:
                    page = site / "areas" / f"{a['ID']}.html"
                    p = parse(page)
                    links = {unquote(h).split("/")[-1] for h in p.links}
                    for s in services:
                        here = a["ID"] in multi(s["圏域"]) or (a is top and not multi(s["圏域"]))
                        self.assertEqual(f"{s['ID']}.html" in links, here, f"{a['ID']} {s['ID']}")
                    for c in areas:
                        if c["上位圏域"] == a["ID"]:
                            self.assertIn(f"{c['ID']}.html", links)
                    m = re.search(r'<th scope="row">合計</th><td class="num">([\d.]+)人</td>',
                                  kts.read_page(page))
                    total += float(m.group(1)) if m else 0
                # Role by role (配分 × 常勤換算); 配分 may leave part of a person's time to other work.
                expected = 0.0
                for s in staff:
                    fte = float(s["常勤換算"] or 1)
                    shares = [float(x) for x in multi(s["配分"])]
                    expected += fte * (sum(shares) if shares else 1.0)
                self.assertAlmostEqual(total, expected, delta=0.01 * len(areas) + 0.01)

    # ------------------------------------------------------------ lists and charts

    def test_service_list_has_filter_data_and_chart_counts(self):
        for ds, site in self.sites.items():
            with self.subTest(dataset=ds.name):
                services = [s for s in read_csv(ds / "services.csv") if s.get("公開") != "しない"]
                text = kts.read_page(site / "services" / "index.html")
                self.assertIn('<form class="filter" id="service-filter"', text)
                self.assertRegex(text, r'<form[^>]*id="service-filter"[^>]*hidden>')
                self.assertIn('assets/filter.js" defer></script>', text)
                rows = re.findall(r'<tr data-field="([^"]*)" data-functions="([^"]*)">', text)
                self.assertEqual(len(rows), len(services))
                home = kts.read_page(site / "index.html")
                for field in {s["分野"] for s in services}:
                    n = sum(1 for s in services if s["分野"] == field)
                    self.assertIn(f'<tr><th scope="row">{field}</th><td class="num">{n}件</td>', home)

    # ------------------------------------------------------------ accessibility page

    def test_accessibility_page_without_results_says_so(self):
        text = kts.read_page(self.sites[SRC / "inputs"] / "accessibility.html")
        self.assertIn("試験結果は未登録です", text)
        self.assertIn("JIS X 8341-3:2016", text)
        self.assertIn("適合レベル AA に準拠", text)
        self.assertIn("令和8年度（2026年度）の版を公開する時点", text)
        self.assertIn("対象外", text)

    def test_accessibility_page_shows_the_results_file(self):
        with kts.temp_dir() as tmp:
            ds = tmp / "inputs"
            kts.copy_tree(SRC / "inputs", ds)
            (ds / "accessibility_results.toml").write_text(
                'tested_on = 2026-11-22\ntool = "axe-core 4.14.1"\nbrowser = "Chromium 156"\n'
                'method = "すべてのページを自動試験"\nstandard = "JIS X 8341-3:2016"\nlevel = "AA"\n'
                'tags = ["wcag2a", "wcag2aa"]\n\n[[pages]]\npath = "index.html"\nviolations = 0\n\n'
                '[[pages]]\npath = "services/index.html"\nviolations = 1\n\n[[pages]]\npath = "old.html"\nviolations = 0\n\n'
                '[[violations]]\npath = "services/index.html"\nrule = "color-contrast"\ncriteria = "1.4.3"\n'
                'impact = "serious"\nhelp = "<b>contrast</b>"\nnodes = 2\n', encoding="utf-8")
            r = build(ds, tmp / "out")
            self.assertEqual(r.returncode, 0, r.stderr)
            text = kts.read_page(tmp / "out" / "site" / "accessibility.html")
            self.assertNotIn("試験結果は未登録です", text)
            self.assertIn("令和8年11月22日", text)
            self.assertIn("axe-core 4.14.1（Chromium 156）", text)
            self.assertIn('<a href="services/index.html">services/index.html</a>', text)
            self.assertIn("old.html（現在はないページ）", text)
            self.assertIn("&lt;b&gt;contrast&lt;/b&gt;", text)
            self.assertIn("問題が見つかったページがあります", text)
            # A broken results file is an input error, with its line.
            (ds / "accessibility_results.toml").write_text('tested_on = "いつか"\n[[pages]]\nviolations = -1\n',
                                                           encoding="utf-8")
            r = build(ds, tmp / "out2")
            self.assertEqual(r.returncode, 2)
            self.assertIn("accessibility_results.toml:1:tested_on: エラー", r.stderr)

    # ------------------------------------------------------------ XSS (static)

    def test_xss_payloads_are_escaped_everywhere(self):
        site = self.sites[XSS]
        for f in sorted(site.rglob("*.html")):
            text = kts.read_page(f)
            p = parse(f)
            with self.subTest(page=f.relative_to(site).as_posix()):
                self.assertFalse(re.search(r"<script(?![^>]*\bsrc=\"(\.\./)*assets/)", text), "inline script")
                self.assertNotRegex(text, r"<(img|svg|iframe|style)\b[^>]*(onerror|onload|javascript)")
                for tag, attrs in p.attrs:
                    for k, v in attrs.items():
                        self.assertFalse(k.startswith("on"), f"{tag} {k}")
                        if k in ("href", "src", "action") and v:
                            self.assertNotRegex(v.strip().lower(), r"^(javascript|data|vbscript):")
        self.assertIn("&lt;script&gt;window.__xss=1", kts.read_page(site / "services" / "S01.html"))


class PrivacyGuard(unittest.TestCase):
    """The build refuses the site when a name or a confidential 議題 would be in it."""

    def setUp(self):
        self._tmp = kts.temp_dir("kyosei-guard-")
        self.tmp = self._tmp.__enter__()
        self.ds = self.tmp / "inputs"
        kts.copy_tree(SRC / "inputs", self.ds)
        # A previous, good output: it must stay exactly as it is.
        self.out = self.tmp / "out"
        r = build(self.ds, self.out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.before = kts.snapshot_tree(self.out)

    def tearDown(self):
        self._tmp.__exit__(None, None, None)

    def assert_refused(self, r, *places):
        self.assertEqual(r.returncode, 2, r.stderr)
        for place in places:
            self.assertIn(place, r.stderr)
        self.assertIn("公開サイトを書き出しませんでした", r.stderr)
        self.assertEqual(kts.snapshot_tree(self.out), self.before)
        self.assertEqual(kts.leftover_temp_folders(self.tmp), [])

    def test_staff_name_in_a_service_summary(self):
        staff = read_csv(self.ds / "staff.csv")
        person = staff[2]
        services = read_csv(self.ds / "services.csv")
        target = next(s for s in services if s.get("公開") != "しない")
        # Written without the space, in full-width: still found.
        name = unicodedata.normalize("NFKC", person["氏名"]).replace(" ", "")
        target["概要"] += f"\n\n担当は{name}です。"
        write_csv(self.ds / "services.csv", services)
        r = build(self.ds, self.out)
        self.assert_refused(r, f"{self.ds}/staff.csv:4:氏名: エラー", f"services/{target['ID']}.html",
                            person["氏名"])

    def test_confidential_agenda_in_a_meeting_purpose(self):
        meetings = read_csv(self.ds / "meetings.csv")
        sessions = read_csv(self.ds / "meeting_sessions.csv")
        confidential = {m["ID"] for m in meetings if m["守秘義務"] == "あり"}
        index, secret = next((i, s) for i, s in enumerate(sessions) if s["会議ID"] in confidential)
        public = next(m for m in meetings if m["守秘義務"] == "なし")
        public["目的"] += "（" + secret["議題"] + "）"
        write_csv(self.ds / "meetings.csv", meetings)
        r = build(self.ds, self.out)
        self.assert_refused(r, f"{self.ds}/meeting_sessions.csv:{index + 2}:議題: エラー",
                            f"meetings/{public['ID']}.html")

    def test_short_names_and_generic_agendas_are_not_checked(self):
        staff = read_csv(self.ds / "staff.csv")
        staff[0]["氏名"] = "市"  # one character: ordinary text everywhere
        write_csv(self.ds / "staff.csv", staff)
        meetings = read_csv(self.ds / "meetings.csv")
        sessions = read_csv(self.ds / "meeting_sessions.csv")
        confidential = {m["ID"] for m in meetings if m["守秘義務"] == "あり"}
        secret = next(s for s in sessions if s["会議ID"] in confidential)
        secret["議題"] = "事例検討"  # shorter than 8 characters
        write_csv(self.ds / "meeting_sessions.csv", sessions)
        r = build(self.ds, self.out)
        self.assertEqual(r.returncode, 0, r.stderr)


if __name__ == "__main__":
    unittest.main()
