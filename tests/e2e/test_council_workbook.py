"""End-to-end: the council workbook (out/excel/審議会資料.xlsx) and the CSV
export (out/csv/). Builds the default inputs and every example, then reads
back what was written: the workbook XML (sheets, print settings, formulas
with cached values, 和暦 date formats, text that looks like a formula), the
CSV bytes (BOM, CRLF, CP932), the audience rules (no staff 氏名 for the
council), and, when LibreOffice is installed, the printed PDF."""
import csv
import datetime
import io
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
import unittest
import zipfile
from pathlib import Path

from kyosei_test_support import leftover_temp_folders, run_kyosei, snapshot_tree, source_dir

SRC = source_dir()
DATASETS = [SRC / "inputs"] + sorted(p for p in (SRC / "examples").iterdir() if (p / "municipality.toml").exists())
WORKBOOK = Path("excel") / "審議会資料.xlsx"

# Sheet name -> printed landscape?
SHEETS = {
    "概要": False, "棚卸一覧": True, "分野×機能": True, "重層事業対応表": True, "財源内訳": True,
    "人員配置": False, "兼務状況": True, "会議体": True, "開催実績": True, "自己点検": True, "指摘事項": True,
    "成果指標": True,
}
# Secondary tables are worksheets of their own (so their printed pages
# repeat their own header), right after the sheet they belong to.
EXTRAS = {"号別の合計": "財源内訳", "適用した負担割合": "財源内訳", "分野別の常勤換算": "人員配置",
          "月別の開催回数": "開催実績", "領域別の平均": "自己点検", "視点別の平均": "自己点検",
          "自己評価と自動判定の食い違い": "指摘事項", "事業の概要": "棚卸一覧"}


def landscape_of(name):
    return SHEETS[name] if name in SHEETS else SHEETS[EXTRAS[name]]


CSV_FILES = ["概要", "棚卸一覧", "分野×機能", "重層事業対応表", "財源内訳", "人員配置", "兼務状況", "会議体", "開催実績",
             "自己点検", "指摘事項", "成果指標"]
INJECTIONS = ["=1+1", "+cmd", "-2", "@SUM(A1)"]


def read_input_csv(path):
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = [unicodedata.normalize("NFKC", h).strip() for h in rows[0]]
    return [{h: (r[i] if i < len(r) else "") for i, h in enumerate(header)} for r in rows[1:] if any(c.strip() for c in r)]


def staff_names(ds):
    return [r["氏名"].strip() for r in read_input_csv(ds / "staff.csv") if r.get("氏名", "").strip()]


class Book:
    """The parts of an .xlsx, with the sheets by name."""

    def __init__(self, path):
        with zipfile.ZipFile(path) as z:
            self.parts = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")}
        self.workbook = self.parts["xl/workbook.xml"]
        self.names = re.findall(r'<sheet name="([^"]+)"', self.workbook)
        self.sheets = {n: self.parts[f"xl/worksheets/sheet{i + 1}.xml"] for i, n in enumerate(self.names)}
        self.strings = [unescape(re.sub(r"<[^>]+>", "", si))
                        for si in re.findall(r"<si>(.*?)</si>", self.parts.get("xl/sharedStrings.xml", ""), re.S)]
        self.styles = self.parts["xl/styles.xml"]

    def cells(self, sheet):
        """ref -> (type, value text, formula or None, style index) for every cell with content."""
        out = {}
        for m in re.finditer(r'<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(.*?)</c>)', self.sheets[sheet], re.S):
            ref, attrs, body = m.group(1), m.group(2), m.group(3) or ""
            t = re.search(r't="(\w+)"', attrs)
            s = re.search(r's="(\d+)"', attrs)
            f = re.search(r"<f>(.*?)</f>", body)
            v = re.search(r"<v>(.*?)</v>", body)
            value = v.group(1) if v else None
            if t and t.group(1) == "s" and value is not None:
                value = self.strings[int(value)]
            out[ref] = (t.group(1) if t else "n", value, unescape(f.group(1)) if f else None, int(s.group(1)) if s else 0)
        return out

    def text(self):
        return "\n".join(self.parts.values())


def unescape(s):
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


def split_ref(ref):
    m = re.match(r"([A-Z]+)(\d+)", ref)
    return m.group(1), int(m.group(2))


def excel_serial(date):
    return (date - datetime.date(1899, 12, 30)).days


def csv_records(raw):
    """Records of a CSV text, and whether every record ends with CRLF."""
    crlf = True
    in_quotes = False
    for i, ch in enumerate(raw):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == "\n" and not in_quotes and (i == 0 or raw[i - 1] != "\r"):
            crlf = False
    return list(csv.reader(io.StringIO(raw, newline=""))), crlf and raw.endswith("\r\n")


class CouncilWorkbook(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="kyosei-council-"))
        cls.out = {}
        for ds in DATASETS:
            out = cls.tmp / f"out-{ds.name}"
            r = run_kyosei("build", ds, "-o", out, "-q")
            assert r.returncode == 0, r.stderr
            cls.out[ds] = out
        cls.internal = cls.tmp / "out-internal"
        r = run_kyosei("build", SRC / "inputs", "-o", cls.internal, "-q", "--audience", "internal")
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    # ------------------------------------------------------------ workbook

    def test_sheets_print_settings_and_page_header(self):
        for ds, out in self.out.items():
            with self.subTest(dataset=ds.name):
                book = Book(out / WORKBOOK)
                self.assertEqual([n for n in book.names if n not in EXTRAS], list(SHEETS))
                parent = None
                for name in book.names:
                    if name in EXTRAS:
                        self.assertEqual(EXTRAS[name], parent, f"{name} follows its sheet")
                    else:
                        parent = name
                municipality = re.search(r'^name = "([^"]+)"', (ds / "municipality.toml").read_text(encoding="utf-8"), re.M).group(1)
                for i, name in enumerate(book.names):
                    xml = book.sheets[name]
                    extra = name in EXTRAS
                    self.assertRegex(xml, r'<pageSetup [^>]*paperSize="9"', name)
                    self.assertIn(f'orientation="{"landscape" if landscape_of(name) else "portrait"}"', xml, name)
                    if '<pageSetUpPr fitToPage="1"/>' in xml:  # one page wide, as many tall as needed …
                        self.assertRegex(xml, r'<pageSetup [^>]*fitToHeight="0"', name)
                    else:  # … or, too wide for that, a legible fixed scale
                        self.assertRegex(xml, r'<pageSetup [^>]*scale="75"', name)
                    self.assertRegex(xml, rf'<pane [^>]*ySplit="{2 if extra else 1}"[^>]*state="frozen"', name)
                    self.assertEqual("<autoFilter ref=" in xml, not extra, name)
                    header = unescape(re.search(r"<oddHeader>(.*?)</oddHeader>", xml).group(1))
                    self.assertIn(municipality, header)
                    self.assertIn(f"&C{name}", header)
                    self.assertRegex(header, r"&R令和\d+年度$")
                    self.assertIn("&P", unescape(re.search(r"<oddFooter>(.*?)</oddFooter>", xml).group(1)))
                    quoted = re.escape(f"'{name}'!")
                    titles = re.search(rf'name="_xlnm.Print_Titles" localSheetId="{i}"[^>]*>([^<]*)<', book.workbook)
                    if name == "概要":  # two short tables on one page: nothing repeated
                        self.assertIsNone(titles)
                    else:  # each table's own header row
                        self.assertIsNotNone(titles, name)
                        row = 2 if extra else 1  # label columns too when printed over pages across
                        self.assertRegex(titles.group(1), rf"^(?:{quoted}\$A:\$[A-Z]+,)?{quoted}\${row}:\${row}$")
                    self.assertRegex(book.workbook, rf'name="_xlnm.Print_Area" localSheetId="{i}"[^>]*>{quoted}\$A\$1:\$[A-Z]+\$\d+<')
                self.assertIn("游ゴシック", book.styles)
                self.assertNotIn("<dataValidation", book.text())  # none in this workbook

    def test_internal_edition_says_so_in_its_name_and_every_page_header(self):
        self.assertFalse((self.internal / WORKBOOK).exists())
        book = Book(self.internal / "excel" / "審議会資料_庁内用.xlsx")
        for name in book.names:
            header = unescape(re.search(r"<oddHeader>(.*?)</oddHeader>", book.sheets[name]).group(1))
            self.assertIn(f"&C{name}（庁内用）", header)

    def test_formulas_carry_their_values(self):
        for ds, out in self.out.items():
            with self.subTest(dataset=ds.name):
                book = Book(out / WORKBOOK)
                formulas = 0
                for name in book.names:
                    for ref, (t, value, formula, _) in book.cells(name).items():
                        if formula is not None:
                            formulas += 1
                            self.assertIsNotNone(value, f"{name}!{ref} ={formula} has no cached value")
                self.assertGreater(formulas, 0)
                # 財源内訳: each SUM's cached value is the sum of the cells it covers.
                cells = book.cells("財源内訳")
                sums = [(ref, v, f) for ref, (_, v, f, _) in cells.items() if f and f.startswith("SUM(")]
                if not any(c[1] == "合計" for c in cells.values()):
                    continue  # no 重層区分 in this dataset
                self.assertTrue(sums)
                for ref, value, formula in sums:
                    col, first, last = re.match(r"SUM\(([A-Z]+)(\d+):[A-Z]+(\d+)\)", formula).groups()
                    total = sum(float(cells[f"{col}{r}"][1]) for r in range(int(first), int(last) + 1)
                                if f"{col}{r}" in cells and cells[f"{col}{r}"][0] == "n" and cells[f"{col}{r}"][1] is not None)
                    self.assertAlmostEqual(float(value), total, places=2, msg=f"財源内訳!{ref}")
                # 号別の合計 (its own sheet) sums 財源内訳's rows by 号.
                by_go = book.cells("号別の合計")
                self.assertTrue(any(f.startswith("SUMIF('財源内訳'!$") for _, (_, _, f, _) in by_go.items() if f))

    def test_dates_are_real_dates_in_japanese_era_format(self):
        ds = SRC / "inputs"
        book = Book(self.out[ds] / WORKBOOK)
        formats = dict(re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]+)"', book.styles))
        ggge = {i for i, code in formats.items() if "ggge" in unescape(code)}
        self.assertTrue(ggge, formats)
        self.assertTrue(any(unescape(formats[i]).endswith('ggge"年"m"月"d"日"') for i in ggge))
        xfs = re.findall(r"<xf [^>]*>", re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", book.styles, re.S).group(1))
        date_styles = {i for i, xf in enumerate(xfs) if re.search(r'numFmtId="(\d+)"', xf).group(1) in ggge}
        sessions = read_input_csv(ds / "meeting_sessions.csv")
        cells = book.cells("開催実績")
        dates = [(int(v), s) for ref, (t, v, f, s) in cells.items()
                 if split_ref(ref)[0] == "A" and split_ref(ref)[1] <= len(sessions) + 1 and split_ref(ref)[1] > 1]
        self.assertEqual(len(dates), len(sessions))
        for serial, style in dates:
            self.assertIn(style, date_styles)
        serials = [d for d, _ in dates]
        self.assertEqual(serials, sorted(serials))  # in date order
        self.assertIn(excel_serial(datetime.date(2026, 5, 21)), serials)  # 2026-05-21 as written in the inputs

    def test_text_that_looks_like_a_formula_stays_text(self):
        with tempfile.TemporaryDirectory(prefix="kyosei-inject-") as tmp:
            ds = Path(tmp) / "inputs"
            shutil.copytree(SRC / "inputs", ds)
            path = ds / "services.csv"
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
            name = rows[0].index("事業名")
            for row, text in zip(rows[1:], INJECTIONS):
                row[name] = text
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\n").writerows(rows)
            path.write_text(buf.getvalue(), encoding="utf-8")
            out = Path(tmp) / "out"
            r = run_kyosei("build", ds, "-o", out, "-q")
            self.assertEqual(r.returncode, 0, r.stderr)
            book = Book(out / WORKBOOK)
            for sheet in ("棚卸一覧", "財源内訳"):
                found = {v: (t, f) for _, (t, v, f, _) in book.cells(sheet).items() if v in INJECTIONS}
                expected = INJECTIONS if sheet == "棚卸一覧" else [x for x in INJECTIONS if x in found]
                self.assertEqual(sorted(found), sorted(expected), sheet)
                for text, (t, f) in found.items():
                    self.assertIn(t, ("s", "inlineStr"), f"{sheet}: {text}")
                    self.assertIsNone(f, f"{sheet}: {text}")
            self.assertNotIn("<f>", book.sheets["棚卸一覧"])
            for text in INJECTIONS:
                self.assertNotIn(f"<f>{text.lstrip('=')}", book.text())
            records, _ = csv_records((out / "csv" / "棚卸一覧.csv").read_bytes().decode("utf-8-sig"))
            names = [rec[records[0].index("事業名")] for rec in records[1:5]]
            self.assertEqual(names, ["'" + t for t in INJECTIONS])  # Excel opens them as text

    # ------------------------------------------------------------ audience

    def test_council_audience_names_no_staff_internal_does(self):
        def blob(out):
            parts = []
            for p in sorted(out.rglob("*")):
                if p.suffix == ".csv":
                    parts.append(p.read_bytes().decode("utf-8-sig"))
                elif p.suffix == ".xlsx":
                    with zipfile.ZipFile(p) as z:
                        parts += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
            return "\n".join(parts)

        for ds, out in self.out.items():
            with self.subTest(dataset=ds.name):
                names = staff_names(ds)
                self.assertTrue(names)
                text = blob(out / "excel") + blob(out / "csv")
                for n in names:
                    self.assertNotIn(n, text)
                self.assertIn("職員1", text)
        internal = blob(self.internal / "excel") + blob(self.internal / "csv")
        for n in staff_names(SRC / "inputs"):
            self.assertIn(n, internal)

    def test_confidential_agendas_only_for_internal_use(self):
        ds = SRC / "inputs"
        meetings = {m["ID"]: m for m in read_input_csv(ds / "meetings.csv")}
        sessions = read_input_csv(ds / "meeting_sessions.csv")
        secret = {s["議題"] for s in sessions if meetings[s["会議ID"]]["守秘義務"] == "あり" and s["議題"]}
        public = {s["議題"] for s in sessions if meetings[s["会議ID"]]["守秘義務"] == "なし" and s["議題"]}
        self.assertTrue(secret and public)

        def agendas(out):
            records, _ = csv_records((out / "csv" / "開催実績.csv").read_bytes().decode("utf-8-sig"))
            return {r[records[0].index("議題")] for r in records[1:]}

        council, internal = agendas(self.out[ds]), agendas(self.internal)
        self.assertFalse(secret & council)
        self.assertTrue(public <= council)
        self.assertTrue(secret <= internal)
        self.assertNotIn(next(iter(secret)), Book(self.out[ds] / WORKBOOK).text())

    # ------------------------------------------------------------ CSV

    def test_csv_files_utf8_bom_crlf_with_every_table(self):
        for ds, out in self.out.items():
            with self.subTest(dataset=ds.name):
                folder = out / "csv"
                for name in CSV_FILES:
                    self.assertTrue((folder / f"{name}.csv").is_file(), name)
                for path in sorted(folder.glob("*.csv")):
                    raw = path.read_bytes()
                    self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), path.name)
                    records, crlf = csv_records(raw[3:].decode("utf-8"))
                    self.assertTrue(crlf, path.name)
                    self.assertTrue(records and all(len(r) == len(records[0]) for r in records), path.name)
                services = read_input_csv(ds / "services.csv")
                records, _ = csv_records((folder / "棚卸一覧.csv").read_bytes()[3:].decode("utf-8"))
                self.assertEqual(len(records), len(services) + 1)
                self.assertEqual(records[0][:2], ["ID", "事業名"])
                self.assertEqual([r[0] for r in records[1:]], [unicodedata.normalize("NFKC", s["ID"]).strip() for s in services])
                sessions = read_input_csv(ds / "meeting_sessions.csv") if (ds / "meeting_sessions.csv").exists() else []
                records, _ = csv_records((folder / "開催実績.csv").read_bytes()[3:].decode("utf-8"))
                self.assertEqual(len(records), len(sessions) + 1)
                for r in records[1:]:
                    self.assertRegex(r[0], r"^\d{4}-\d{2}-\d{2}$")

    def test_cp932_export(self):
        with tempfile.TemporaryDirectory(prefix="kyosei-cp932-") as tmp:
            out = Path(tmp) / "out"
            r = run_kyosei("build", SRC / "examples" / "cp932-excel", "-o", out, "-q", "--encoding", "cp932")
            self.assertEqual(r.returncode, 0, r.stderr)
            for path in sorted((out / "csv").glob("*.csv")):
                raw = path.read_bytes()
                self.assertFalse(raw.startswith(b"\xef\xbb\xbf"), path.name)
                _, crlf = csv_records(raw.decode("cp932"))
                self.assertTrue(crlf, path.name)
            header = (out / "csv" / "棚卸一覧.csv").read_bytes().decode("cp932").split("\r\n")[0]
            self.assertTrue(header.startswith("ID,事業名,"))

    def test_cp932_export_of_an_unmappable_character_fails_and_leaves_the_output(self):
        with tempfile.TemporaryDirectory(prefix="kyosei-cp932-bad-") as tmp:
            ds = Path(tmp) / "inputs"
            shutil.copytree(SRC / "inputs", ds)
            path = ds / "services.csv"
            text = path.read_text(encoding="utf-8-sig")
            rows = read_input_csv(path)
            target = rows[2]["事業名"]
            path.write_text(text.replace(target, "𠮷田の" + target + "😀", 1), encoding="utf-8")
            line = next(i + 1 for i, l in enumerate(text.splitlines()) if l.startswith(rows[2]["ID"] + ","))
            out = Path(tmp) / "out"
            r = run_kyosei("build", ds, "-o", out, "-q")
            self.assertEqual(r.returncode, 0, r.stderr)
            before = snapshot_tree(out)
            r = run_kyosei("build", ds, "-o", out, "--encoding", "cp932")
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn(f"services.csv:{line}:事業名: エラー:", r.stderr)
            self.assertIn("「𠮷」（U+20BB7）", r.stderr)
            self.assertIn("「😀」（U+1F600）", r.stderr)
            self.assertIn("csv/棚卸一覧.csv の", r.stderr)
            self.assertEqual(snapshot_tree(out), before)
            self.assertEqual(leftover_temp_folders(Path(tmp)), [])

    def test_option_values_are_checked(self):
        for args in (["--audience", "public"], ["--encoding", "latin1"], ["--audience"]):
            with self.subTest(args=args):
                r = run_kyosei("build", SRC / "inputs", "-o", self.tmp / "never", *args)
                self.assertEqual(r.returncode, 2)
                self.assertFalse((self.tmp / "never").exists())


@unittest.skipUnless(shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdfinfo"),
                     "LibreOffice (libreoffice-calc-nogui) and poppler-utils are needed")
class CouncilWorkbookInLibreOffice(unittest.TestCase):
    def test_libreoffice_prints_every_sheet_on_a4(self):
        with tempfile.TemporaryDirectory(prefix="kyosei-council-lo-") as tmp:
            tmp = Path(tmp)
            out = tmp / "out"
            r = run_kyosei("build", SRC / "inputs", "-o", out, "-q")
            self.assertEqual(r.returncode, 0, r.stderr)
            env = dict(os.environ, HOME=str(tmp))
            r = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(out / WORKBOOK)],
                               capture_output=True, text=True, env=env, timeout=300)
            pdf = tmp / "審議会資料.pdf"
            self.assertTrue(pdf.exists(), r.stdout + r.stderr)
            info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True).stdout
            pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
            self.assertGreaterEqual(pages, len(SHEETS))
            sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
            self.assertEqual(len(sizes), pages)
            seen = set()
            for page, (w, h) in enumerate(sizes, start=1):
                self.assertAlmostEqual(max(w, h), 842, delta=3)  # A4
                self.assertAlmostEqual(min(w, h), 595, delta=3)
                text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                                      capture_output=True, text=True).stdout
                header = text.strip().splitlines()[0].split()
                self.assertEqual(header[0], "架空市")  # municipality name in the page header
                self.assertRegex(header[-1], r"^令和\d+年度$")
                sheet = header[1]
                self.assertTrue(sheet in SHEETS or sheet in EXTRAS, sheet)
                self.assertEqual(w > h, landscape_of(sheet), f"page {page} ({sheet})")
                # The footer "n / N" (pdftotext may order a chart's axis labels after it).
                self.assertTrue(any(re.search(rf"(^|\s){page} / {pages}$", l.strip()) for l in text.strip().splitlines()[-3:]),
                                f"page {page}: no footer {page} / {pages}")
                seen.add(sheet)
            self.assertEqual(seen & set(SHEETS), set(SHEETS))
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
            self.assertIn("令和8年5月21日", text)  # a session date, shown in 和暦 from a real date
            self.assertIn("令和8年度（2026年度）", text)
            for word in ("事業名", "分野別の常勤換算", "月別の開催回数", "号別の合計"):
                self.assertIn(word, text)


if __name__ == "__main__":
    unittest.main()
