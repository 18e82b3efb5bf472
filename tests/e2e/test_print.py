"""End-to-end: every workbook kyosei writes, printed A4 by LibreOffice, as a
council member gets it on paper. For each dataset in inputs/ and
examples/, the council workbook (and, for inputs/, the --audience internal
one), 棚卸一覧.xlsx, 自己点検シート.xlsx and the input template are converted
to PDF (soffice --headless, private profile) and read back with
`pdftotext -bbox`:

- every page is A4;
- no text is smaller than 8 pt. The size of a word is measured from the
  width of words made only of full-width characters (in the Japanese
  fonts LibreOffice uses, IPAex/Noto CJK, a full-width character is 1 em
  wide, so width / characters is the font size);
- every page has the page header: municipality, sheet (with 「（庁内用）」 in
  the internal edition) and 年度, and the footer 「n / N」;
- on a sheet of its own, a secondary table's pages repeat its own header,
  never the main table's;
- the input template's guide sheet (説明) prints one page wide: each
  column's 説明 starts on the same page and line as its sheet and column
  name (not on a page of its own further on).
Page images for a look (pdftoppm) are kept under tests/artifacts/print/
when KYOSEI_KEEP_PRINT=1.
"""
import html
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile
from pathlib import Path

from kyosei_test_support import run_kyosei, source_dir

SRC = source_dir()
DATASETS = [SRC / "inputs"] + sorted(p for p in (SRC / "examples").iterdir() if (p / "municipality.toml").exists())
MIN_POINTS = 8.0
A4 = (595.3, 841.9)
FULL_WIDTH = re.compile(r"^[\u3041-\u30ff\u3400-\u9fff（）「」、。〜]{2,}$")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def municipality_of(ds):
    text = (ds / "municipality.toml").read_text(encoding="utf-8")
    return re.search(r'^name = "([^"]+)"', text, re.M).group(1)


def pages_of(pdf):
    """[(width, height, [(x0, y0, x1, y1, word)])] of every page."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for w, h, body in PAGE.findall(xml):
        words = [(float(a), float(b), float(c), float(d), unescape(t)) for a, b, c, d, t in WORD.findall(body)]
        out.append((float(w), float(h), words))
    return out


def unescape(s):
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def font_size(word):
    """Points of a word of full-width characters; None for other words."""
    x0, _, x1, _, text = word
    return (x1 - x0) / len(text) if FULL_WIDTH.match(text) else None


def lines_of(words):
    """Words grouped into lines (same baseline within 2 pt), top to bottom, each left to right."""
    lines = []
    for w in sorted(words, key=lambda w: (round(w[3]), w[0])):
        if lines and abs(lines[-1][0][3] - w[3]) < 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(l, key=lambda w: w[0]) for l in lines]


def column(ref):
    """0 for A, 1 for B … of a cell reference such as "C12"."""
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def first_sheet_rows(xlsx):
    """The rows of a workbook's first worksheet as lists of cell strings."""
    with zipfile.ZipFile(xlsx) as z:
        shared = [html.unescape("".join(re.findall(r"<t[^>]*>([^<]*)</t>", si)))
                  for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode("utf-8"), re.S)]
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    rows = []
    for body in re.findall(r"<row [^>]*>(.*?)</row>", sheet, re.S):
        cells = []
        for ref, attrs, value in re.findall(r'<c r="([A-Z]+)\d+"([^>]*)>(?:<v>([^<]*)</v>)?', body):
            while len(cells) < column(ref):
                cells.append("")
            cells.append(shared[int(value)] if 't="s"' in attrs and value else value)
        rows.append(cells)
    return rows


def lead(text, n):
    """The first n characters of a text up to its first space: what pdftotext prints first."""
    return text.split()[0][:n] if text.split() else ""


@unittest.skipUnless(shutil.which("soffice") and shutil.which("pdftotext"),
                     "LibreOffice (libreoffice-calc-nogui) and poppler-utils are needed")
class PrintedWorkbooks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="kyosei-print-"))
        cls.books = []  # (dataset, label, xlsx, internal)
        for ds in DATASETS:
            out = cls.tmp / f"out-{ds.name}"
            r = run_kyosei("build", ds, "-o", out, "-q")
            assert r.returncode == 0, r.stderr
            for rel in ("excel/審議会資料.xlsx", "excel/棚卸一覧.xlsx", "excel/自己点検シート.xlsx"):
                cls.books.append((ds, rel, out / rel, False))
            template = cls.tmp / f"入力様式-{ds.name}.xlsx"
            r = run_kyosei("template", "-o", template, ds)
            assert r.returncode == 0, r.stderr
            cls.books.append((ds, "入力様式", template, False))
        internal = cls.tmp / "out-internal"
        r = run_kyosei("build", SRC / "inputs", "-o", internal, "-q", "--audience", "internal")
        assert r.returncode == 0, r.stderr
        assert not (internal / "excel" / "審議会資料.xlsx").exists(), "the internal edition has its own file name"
        cls.books.append((SRC / "inputs", "excel/審議会資料_庁内用.xlsx", internal / "excel" / "審議会資料_庁内用.xlsx", True))
        # One soffice run for every book (copied under distinct names: the PDF is named after the file).
        cls.pdfs = {}
        folder = cls.tmp / "pdf"
        folder.mkdir()
        copies = []
        for i, (ds, label, xlsx, internal) in enumerate(cls.books):
            copy = folder / f"{i:02d}-{xlsx.name}"
            shutil.copy(xlsx, copy)
            copies.append(str(copy))
            cls.pdfs[i] = copy.with_suffix(".pdf")
        env = dict(os.environ, HOME=str(cls.tmp))
        subprocess.run(["soffice", f"-env:UserInstallation={(cls.tmp / 'lo-profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), *copies],
                       capture_output=True, text=True, env=env, timeout=1200)
        if os.environ.get("KYOSEI_KEEP_PRINT") == "1" and shutil.which("pdftoppm"):
            art = SRC / "tests" / "artifacts" / "print"
            art.mkdir(parents=True, exist_ok=True)
            for i, pdf in cls.pdfs.items():
                ds, label = cls.books[i][0], cls.books[i][1]
                stem = f"{ds.name}-{Path(label).stem}"
                if pdf.exists():
                    shutil.copy(pdf, art / f"{stem}.pdf")
                    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(art / stem)], check=False)

    @classmethod
    def tearDownClass(cls):
        if os.environ.get("KYOSEI_KEEP_TMP") != "1":
            shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_every_page_a4_legible_with_header_and_page_numbers(self):
        for i, (ds, label, xlsx, internal) in enumerate(self.books):
            with self.subTest(dataset=ds.name, workbook=label):
                pdf = self.pdfs[i]
                self.assertTrue(pdf.exists(), f"LibreOffice did not print {xlsx}")
                pages = pages_of(pdf)
                self.assertGreater(len(pages), 0)
                municipality = municipality_of(ds)
                smallest = None
                for n, (w, h, words) in enumerate(pages, start=1):
                    self.assertAlmostEqual(min(w, h), A4[0], delta=3, msg=f"page {n}")
                    self.assertAlmostEqual(max(w, h), A4[1], delta=3, msg=f"page {n}")
                    for word in words:
                        size = font_size(word)
                        if size is not None and (smallest is None or size < smallest[0]):
                            smallest = (size, word[4], n)
                    lines = lines_of(words)
                    header = " ".join(t for *_, t in lines[0])
                    # LibreOffice keeps the clipped axis labels of a chart that starts
                    # the next page in this page's text layer, below the footer; they
                    # are not printed, so the footer is the last "n / N" line.
                    tail = [" ".join(t for *_, t in line) for line in lines[-4:]]
                    found = [m.group(1) for t in reversed(tail) if (m := re.search(r"(?:^|\s)(\d+ / \d+)$", t))]
                    footer = found[0] if found else tail[-1]
                    if label == "入力様式":
                        continue  # a form to fill in: its own header (checked below)
                    self.assertTrue(header.startswith(municipality), f"page {n} header: {header}")
                    self.assertRegex(header, r"令和\S+年度$", f"page {n}")
                    if internal:
                        self.assertIn("（庁内用）", header, f"page {n}")
                    else:
                        self.assertNotIn("庁内用", header, f"page {n}")
                    self.assertEqual(footer, f"{n} / {len(pages)}", f"page {n} footer")
                self.assertIsNotNone(smallest)
                self.assertGreaterEqual(smallest[0], MIN_POINTS,
                                        f"{label}: 「{smallest[1]}」 on page {smallest[2]} prints at {smallest[0]:.1f} pt")

    def test_secondary_tables_repeat_their_own_header(self):
        # 開催実績's pages repeat 「開催日」…; 月別の開催回数 (its own sheet) repeats 「月」 and never 「開催日」.
        for i, (ds, label, xlsx, internal) in enumerate(self.books):
            if label != "excel/審議会資料.xlsx":
                continue
            with self.subTest(dataset=ds.name):
                for w, h, words in pages_of(self.pdfs[i]):
                    lines = lines_of(words)
                    header = " ".join(t for *_, t in lines[0])
                    first_row = " ".join(t for *_, t in lines[1]) if len(lines) > 1 else ""
                    if " 月別の開催回数 " in f" {header} ":
                        self.assertNotIn("開催日", first_row)
                    if " 視点別の平均 " in f" {header} ":
                        self.assertNotIn("点検項目", first_row)

    def test_template_guide_prints_help_beside_each_column(self):
        for i, (ds, label, xlsx, internal) in enumerate(self.books):
            if label != "入力様式":
                continue
            with self.subTest(dataset=ds.name):
                rows = first_sheet_rows(xlsx)
                start = next(n for n, r in enumerate(rows) if r[:3] == ["シート", "列", "説明"])
                columns = [r for r in rows[start + 1:] if len(r) >= 3 and r[2]]
                self.assertGreater(len(columns), 50)
                lines = [(n, line) for n, (w, h, words) in enumerate(pages_of(self.pdfs[i]), start=1)
                         for line in lines_of(words)]
                for sheet, name, help_text, *_ in columns:
                    key = re.sub(r"\s+", "", help_text)[:4]
                    # The line where this column's 説明 starts holds its sheet and column name
                    # (pdftotext may cut a word at a half-width colon: the line is joined).
                    found = [n for n, line in lines
                             if key in "".join(t for *_, t in line)
                             and any(t.startswith(lead(name, 3)) for *_, t in line)
                             and any(t.startswith(lead(sheet, 3)) for *_, t in line)]
                    self.assertTrue(found, f"{sheet} {name}: 「{help_text[:20]}…」 is not printed beside its column name")


if __name__ == "__main__":
    unittest.main()
