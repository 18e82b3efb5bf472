"""End-to-end: `kyosei build --pdf` (write/print/pdf_print.h). The plan
drafts, the 自己点検レポート and one 相談先 leaflet per 圏域 are printed by
chromium from the HTML kyosei wrote. Reads the PDFs back with poppler-utils
(pdfinfo, pdftotext) and qpdf: A4 pages, 「n / N」 on every page of a
plan, every chapter heading in order, each leaflet holding its own 圏域's
相談先 and phone numbers and no other 圏域's title, no dates or local
file links, the same bytes from a second build; a build without --pdf has
no PDFs, and --pdf without chromium stops before touching the output."""
import csv
import html
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from kyosei_test_support import read_page, run_kyosei, snapshot_tree, source_dir

SRC = source_dir()
DATASETS = [SRC / "inputs", SRC / "examples" / "small-town"]
A4 = (595, 842)  # points, rounded


def pdf_text(path, first=None, last=None):
    args = ["pdftotext"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(args + [str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_info(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def squeeze(text):
    return re.sub(r"\s+", "", text)


def cells(page_html, css_class):
    """The visible text of every <tr> of the tables with css_class, as lists."""
    rows = []
    for table in re.findall(r'<table class="' + css_class + r'">(.*?)</table>', page_html, re.S):
        for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S):
            rows.append([html.unescape(re.sub(r"<[^>]+>", "", c.replace("<br>", " "))).strip()
                         for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)])
    return rows


@unittest.skipUnless(shutil.which("chromium") and shutil.which("pdftotext") and shutil.which("qpdf"),
                     "chromium, poppler-utils and qpdf are needed")
class PrintedPdfs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="kyosei-pdf-"))
        cls.out = {}
        for ds in DATASETS:
            out = cls.tmp / f"out-{ds.name}"
            r = run_kyosei("build", ds, "-o", out, "--pdf", "-q", timeout=600)
            assert r.returncode == 0, r.stderr
            cls.out[ds] = out

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_every_printable_html_has_an_a4_pdf(self):
        for ds, out in self.out.items():
            with self.subTest(dataset=ds.name):
                htmls = sorted(p.stem for p in (out / "plan").glob("*.html"))
                pdfs = sorted(p.stem for p in (out / "plan").glob("*.pdf"))
                self.assertEqual(htmls, pdfs)
                for pdf in (out / "plan").glob("*.pdf"):
                    info = pdf_info(pdf)
                    w, h = (round(float(x)) for x in re.findall(r"[\d.]+", info["Page size"])[:2])
                    self.assertEqual((w, h), A4, pdf.name)
                    self.assertNotIn("CreationDate", info)
                    self.assertNotIn("ModDate", info)

    def test_plan_pdfs_number_their_pages_and_keep_the_chapters_in_order(self):
        for ds, out in self.out.items():
            for html_path in (out / "plan").glob("*.html"):
                with self.subTest(dataset=ds.name, draft=html_path.name):
                    pdf = html_path.with_suffix(".pdf")
                    pages = int(pdf_info(pdf)["Pages"])
                    self.assertGreater(pages, 1)
                    for n in range(2, pages + 1):  # the cover has no number
                        self.assertIn(f"{n} / {pages}", pdf_text(pdf, n), f"page {n}")
                    text = squeeze(pdf_text(pdf))
                    page = read_page(html_path)
                    headings = [squeeze(html.unescape(re.sub(r"<[^>]+>", "", h)))
                                for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page, re.S)]
                    self.assertTrue(headings)
                    at = 0
                    for heading in headings:
                        found = text.find(heading, at)
                        self.assertGreaterEqual(found, 0, f"{heading} missing or out of order")
                        at = found + len(heading)

    def test_one_leaflet_pdf_per_area_with_its_own_contacts(self):
        for ds, out in self.out.items():
            with open(ds / "areas.csv", encoding="utf-8-sig") as f:
                areas = list(csv.DictReader(f))
            help_dir = out / "site" / "help"
            self.assertEqual(sorted(p.name for p in help_dir.glob("*.pdf")),
                             sorted(f"{a['ID']}.pdf" for a in areas))
            titles = {}
            for a in areas:
                page = read_page(help_dir / f"{a['ID']}.html")
                titles[a["ID"]] = html.unescape(re.search(r"<h1>(.*?)</h1>", page).group(1))
            for a in areas:
                area_id = a["ID"]
                with self.subTest(dataset=ds.name, area=area_id):
                    page = read_page(help_dir / f"{area_id}.html")
                    self.assertIn(f'href="{area_id}.pdf"', page)  # the page offers its PDF
                    pdf = help_dir / f"{area_id}.pdf"
                    self.assertEqual(pdf_info(pdf)["Title"].strip(), titles[area_id])
                    first = squeeze(pdf_text(pdf, 1))
                    self.assertTrue(first.startswith(squeeze(titles[area_id])), first[:80])
                    text = squeeze(pdf_text(pdf))
                    for other, title in titles.items():
                        if other != area_id:
                            self.assertFalse(squeeze(title) in text, f"{other}'s leaflet is inside")
                    rows = cells(page, "leaflet")
                    self.assertTrue(rows)
                    for row in rows:
                        if row[0] == "相談先":
                            continue  # a table's header row
                        # A name wraps in its cell: its first line is read whole.
                        self.assertTrue(squeeze(row[0])[:10] in text, row[0])
                        for phone in re.findall(r"[\d-]{6,}", row[1]):
                            self.assertTrue(phone in text, phone)

    def test_no_local_links_and_the_same_bytes_again(self):
        ds = DATASETS[0]
        again = self.tmp / "again"
        r = run_kyosei("build", ds, "-o", again, "--pdf", "-q", timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        first = {k: v for k, v in snapshot_tree(self.out[ds]).items() if k.endswith(".pdf")}
        second = {k: v for k, v in snapshot_tree(again).items() if k.endswith(".pdf")}
        self.assertEqual(first, second)
        self.assertGreater(len(first), 3)
        for rel in first:
            if rel.startswith("site/documents/"):
                continue  # the meeting papers are copies of the inputs
            qdf = self.tmp / "check.pdf"
            subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(again / rel), str(qdf)], check=True)
            raw = qdf.read_bytes()
            self.assertNotIn(b"file:", raw, rel)
            self.assertNotIn(b".tmp-", raw, rel)
            self.assertNotIn(b"HeadlessChrome", raw, rel)


class WithoutPdf(unittest.TestCase):
    def test_a_build_without_the_option_prints_nothing(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            r = run_kyosei("build", SRC / "examples" / "small-town", "-o", out, "-q")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(list((out / "plan").glob("*.pdf")), [])
            self.assertEqual(list((out / "site" / "help").glob("*.pdf")), [])
            self.assertNotIn(".pdf", read_page(next((out / "site" / "help").glob("*.html"))))

    def test_without_chromium_the_option_stops_before_the_output_changes(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            r = run_kyosei("build", SRC / "examples" / "small-town", "-o", out, "-q")
            self.assertEqual(r.returncode, 0, r.stderr)
            before = snapshot_tree(out)
            env = dict(os.environ, PATH=tmp, LANG="C.UTF-8")  # no chromium on this PATH
            r = subprocess.run([os.environ.get("KYOSEI_BIN", str(SRC / "build" / "kyosei")), "build",
                                str(SRC / "examples" / "small-town"), "-o", str(out), "--pdf"],
                               env=env, capture_output=True, text=True)
            self.assertEqual(r.returncode, 2)
            self.assertIn("chromium", r.stderr)
            self.assertIn("apt-get install chromium", r.stderr)
            self.assertEqual(snapshot_tree(out), before)


if __name__ == "__main__":
    unittest.main()
