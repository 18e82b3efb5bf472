"""End-to-end: `kyosei build` on inputs/ and every example, then read back
what it wrote — the Markdown tables, the HTML pages, the xlsx XML — and
check it against the input CSVs, recomputed here independently."""
import csv
import html.parser
import io
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile
from pathlib import Path

SRC = Path(os.environ.get("KYOSEI_SOURCE_DIR", Path(__file__).resolve().parents[2]))
BIN = os.environ.get("KYOSEI_BIN", str(SRC / "build" / "kyosei"))
DATASETS = [SRC / "inputs"] + sorted(p for p in (SRC / "examples").iterdir() if (p / "municipality.toml").exists())

FIELDS = ["高齢", "障害", "子ども", "生活困窮", "地域福祉", "保健医療", "就労", "住まい", "教育", "司法・更生", "防災", "その他"]
FUNCTIONS = ["相談支援", "多機関協働", "アウトリーチ", "参加支援", "地域づくり", "権利擁護", "その他"]
JUSOU = ["1イ", "1ロ", "1ハ", "1ニ", "2", "3イ", "3ロ", "3ハ", "3ニ", "3柱", "4", "5", "6"]


def read_csv(path):
    """Rows as dicts, whatever encoding the file was saved in (NFKC headers)."""
    import unicodedata
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = [unicodedata.normalize("NFKC", h).strip() for h in rows[0]]
    out = []
    for r in rows[1:]:
        if not any(c.strip() for c in r):
            continue
        out.append({h: unicodedata.normalize("NFKC", (r[i] if i < len(r) else "")).strip() for i, h in enumerate(header)})
    return out


def multi(v):
    return [p.strip() for p in re.split("[;；、]", v) if p.strip()]


class PageParser(html.parser.HTMLParser):
    """Collects text, links and checks that non-void tags nest properly."""
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.links, self.text, self.attrs = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.attrs.append((tag, dict(attrs)))
        if tag == "a" and dict(attrs).get("href") is not None:
            self.links.append(dict(attrs)["href"])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse_page(path):
    p = PageParser()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


def tree_bytes(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


class BuildOutputs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="kyosei-e2e-"))
        cls.out = {}
        for ds in DATASETS:
            out = cls.tmp / ds.name
            r = subprocess.run([BIN, "build", str(ds), "-o", str(out), "-q"], capture_output=True, text=True)
            if r.returncode != 0:
                raise AssertionError(f"build {ds} failed ({r.returncode}):\n{r.stderr}")
            cls.out[ds] = out

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_coverage_matrix_matches_services_csv(self):
        for ds, out in self.out.items():
            with self.subTest(dataset=ds.name):
                services = read_csv(ds / "services.csv")
                md = (out / "plan" / "棚卸サマリー.md").read_text(encoding="utf-8")
                rows = {}
                for line in md.splitlines():
                    cells = [c.strip() for c in line.strip().strip("|").split("|")]
                    if line.startswith("|") and cells[0] in FIELDS and len(cells) == len(FUNCTIONS) + 2:
                        rows[cells[0]] = cells[1:]
                self.assertEqual(list(rows), FIELDS)
                for f in FIELDS:
                    for j, fn in enumerate(FUNCTIONS):
                        n = sum(1 for s in services if s["分野"] == f and fn in multi(s["機能"]))
                        cell = rows[f][j]
                        if n == 0:
                            self.assertIn("空白", cell, f"{f}×{fn} is empty and must stand out")
                        else:
                            self.assertEqual(cell, str(n), f"{f}×{fn}")

    def test_component_table_has_13_rows_with_the_right_services(self):
        for ds, out in self.out.items():
            with self.subTest(dataset=ds.name):
                services = read_csv(ds / "services.csv")
                md = (out / "plan" / "棚卸サマリー.md").read_text(encoding="utf-8")
                table = [l for l in md.splitlines() if re.match(r"^\| 第\d号", l)]
                self.assertEqual(len(table), 13)
                for key, line in zip(JUSOU, table):
                    users = [s for s in services if key in multi(s.get("重層区分", ""))]
                    status = line.strip().strip("|").split("|")[-1].strip()
                    self.assertEqual(status, "実施" if users else "未把握", key)
                    for s in users:
                        self.assertIn(f"（{s['ID']}）", line)

    def test_site_has_a_page_per_public_service_and_meeting(self):
        for ds, out in self.out.items():
            with self.subTest(dataset=ds.name):
                site = out / "site"
                services = read_csv(ds / "services.csv")
                for s in services:
                    page = site / "services" / f"{s['ID']}.html"
                    if s.get("公開", "する") == "しない":
                        self.assertFalse(page.exists(), s["ID"])
                    else:
                        self.assertTrue(page.exists(), s["ID"])
                        import unicodedata
                        text = unicodedata.normalize("NFKC", "".join(parse_page(page).text))
                        self.assertIn(s["事業名"].split("\n")[0][:10], text)
                for m in read_csv(ds / "meetings.csv"):
                    self.assertTrue((site / "meetings" / f"{m['ID']}.html").exists(), m["ID"])
                index = parse_page(site / "index.html")
                self.assertTrue(any(t == "html" and a.get("lang") == "ja" for t, a in index.attrs))

    def test_every_page_is_well_formed_and_links_resolve(self):
        for ds, out in self.out.items():
            site = out / "site"
            for page in site.rglob("*.html"):
                with self.subTest(page=str(page.relative_to(self.tmp))):
                    p = parse_page(page)
                    self.assertEqual(p.errors, [])
                    self.assertEqual(p.stack, [])
                    for href in p.links:
                        if re.match(r"^(https?|mailto|tel):", href) or href.startswith("#") or href == "":
                            continue
                        from urllib.parse import unquote
                        target = (page.parent / unquote(href.split("#")[0])).resolve()
                        self.assertTrue(target.exists(), f"{href} from {page.name}")
                        self.assertTrue(str(target).startswith(str(site.resolve())), f"{href} leaves the site")

    def test_pdf_pages_show_page_count_and_first_page_text(self):
        ds = SRC / "inputs"
        out = self.out[ds]
        meetings = {m["ID"]: m for m in read_csv(ds / "meetings.csv")}
        seen = 0
        for s in read_csv(ds / "meeting_sessions.csv"):
            for doc in multi(s.get("資料", "")):
                if meetings[s["会議ID"]]["守秘義務"] == "あり":
                    continue
                pdf = ds / "documents" / doc
                info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
                pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
                first = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout
                words = [w for w in first.split() if len(w) >= 4][:3]
                page = out / "site" / "meetings" / f"{s['会議ID']}.html"
                text = re.sub(r"\s+", "", "".join(parse_page(page).text))
                self.assertIn(f"{pages}ページ", text)
                for w in words:
                    self.assertIn(re.sub(r"\s+", "", w), text)
                self.assertTrue((out / "site" / "documents").exists())
                seen += 1
        self.assertGreaterEqual(seen, 2)

    def test_workbook_lists_every_service_with_print_settings(self):
        for ds, out in self.out.items():
            with self.subTest(dataset=ds.name):
                services = read_csv(ds / "services.csv")
                with zipfile.ZipFile(out / "excel" / "棚卸一覧.xlsx") as z:
                    sheet = z.read("xl/worksheets/sheet1.xml").decode()
                    shared = z.read("xl/sharedStrings.xml").decode()
                    book = z.read("xl/workbook.xml").decode()
                self.assertEqual(len(re.findall(r"<row ", sheet)), len(services) + 1)
                self.assertIn('ySplit="1"', sheet)
                self.assertIn("<autoFilter", sheet)
                self.assertRegex(sheet, r'<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"')
                self.assertIn("_xlnm.Print_Titles", book)
                self.assertIn("<b/>", z_styles(out))
                self.assertNotIn("<f>", sheet)
                for s in services:
                    self.assertIn(f"<t>{s['ID']}</t>", shared)

    def test_no_staff_name_or_confidential_agenda_reaches_the_site(self):
        for ds, out in self.out.items():
            with self.subTest(dataset=ds.name):
                names = [r["氏名"] for r in read_csv(ds / "staff.csv") if r.get("氏名")]
                conf = {m["ID"] for m in read_csv(ds / "meetings.csv") if m["守秘義務"] == "あり"}
                agendas = []
                if (ds / "meeting_sessions.csv").exists():
                    agendas = [s["議題"] for s in read_csv(ds / "meeting_sessions.csv") if s["会議ID"] in conf and s.get("議題")]
                self.assertTrue(names)
                blob = b"".join(p.read_bytes().replace(b"<wbr>", b"") for p in (out / "site").rglob("*") if p.is_file() and p.suffix != ".pdf")
                text = blob.decode("utf-8", errors="replace")
                for n in names:
                    self.assertNotIn(n, text)
                for a in agendas:
                    self.assertNotIn(a, text)

    def test_rebuild_is_byte_identical(self):
        ds = SRC / "inputs"
        again = self.tmp / "again"
        r = subprocess.run([BIN, "build", str(ds), "-o", str(again), "-q"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        a, b = tree_bytes(self.out[ds]), tree_bytes(again)
        self.assertEqual(sorted(a), sorted(b))
        for k in a:
            self.assertEqual(a[k], b[k], k)


def z_styles(out):
    with zipfile.ZipFile(out / "excel" / "棚卸一覧.xlsx") as z:
        return z.read("xl/styles.xml").decode()


@unittest.skipUnless(shutil.which("soffice") and shutil.which("pdftotext"), "LibreOffice not installed")
class WorkbookInLibreOffice(unittest.TestCase):
    def test_libreoffice_opens_the_workbook_and_prints_it(self):
        tmp = Path(tempfile.mkdtemp(prefix="kyosei-lo-"))
        try:
            out = tmp / "out"
            subprocess.run([BIN, "build", str(SRC / "inputs"), "-o", str(out), "-q"], check=True)
            xlsx = out / "excel" / "棚卸一覧.xlsx"
            env = dict(os.environ, HOME=str(tmp))
            r = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(xlsx)],
                               capture_output=True, text=True, env=env, timeout=300)
            pdf = tmp / "棚卸一覧.pdf"
            self.assertTrue(pdf.exists(), r.stdout + r.stderr)
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
            self.assertIn("事業名", text)
            services = read_csv(SRC / "inputs" / "services.csv")
            self.assertIn(services[0]["ID"], text)
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
            w, h = float(size.group(1)), float(size.group(2))
            self.assertAlmostEqual(max(w, h), 842, delta=3)  # A4
            self.assertGreater(w, h)  # landscape
            pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
            if pages > 1:  # the header row repeats on every printed page
                last = subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-"],
                                      capture_output=True, text=True).stdout
                self.assertIn("事業名", last)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
