"""End-to-end: the Excel input template and its import (issue 6 part 4).

For inputs/ and every example: `kyosei template` → `kyosei import` →
`kyosei check` succeeds, and the imported files describe the same data
(cell by cell after NFKC, per file, whatever the column order or encoding;
municipality.toml has the same keys and values). The template's XML is read
here with zipfile: drop-downs for enumerated columns, input messages, the
hidden 選択肢 sheet. A workbook edited here (one cell pointed at a new shared
string) is reported at its sheet and cell; formula-looking text survives as
text; LibreOffice opens the template, and a workbook it re-saves imports to
the same files."""
import csv
import html
import io
import os
import re
import shutil
import subprocess
import tomllib
import unicodedata
import unittest
import zipfile
from pathlib import Path

from kyosei_test_support import parse_diagnostics, run_kyosei, source_dir, temp_dir

SRC = source_dir()
DATASETS = [SRC / "inputs"] + sorted(p for p in (SRC / "examples").iterdir() if (p / "municipality.toml").exists())
SCHEMA = tomllib.loads((SRC / "data" / "schema.toml").read_text(encoding="utf-8"))
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


def read_table(path):
    """(header, rows) of a CSV in any encoding kyosei reads; rows as dicts
    keyed by the NFKC header, blank lines skipped."""
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    records = [r for r in csv.reader(io.StringIO(text, newline="")) if any(c != "" for c in r)]
    header = [nfkc(h).strip() for h in records[0]]
    rows = [{h: nfkc(r[i]) if i < len(r) else "" for i, h in enumerate(header) if h} for r in records[1:]]
    return header, rows


def flatten(doc, prefix=""):
    out = {}
    for k, v in doc.items():
        if isinstance(v, dict):
            out.update(flatten(v, prefix + k + "."))
        else:
            out[prefix + k] = v
    return out


def column_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class Workbook:
    """The parts of an .xlsx needed here: sheet name -> XML part, shared strings."""

    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        wb = self.zip.read("xl/workbook.xml").decode()
        rels = self.zip.read("xl/_rels/workbook.xml.rels").decode()
        targets = dict(re.findall(r'<Relationship Id="([^"]+)" Type="[^"]+" Target="([^"]+)"', rels))
        self.sheets = {}
        self.states = {}
        for attrs in re.findall(r"<sheet ([^>]*)/>", wb):
            a = dict(re.findall(r'([\w:]+)="([^"]*)"', attrs))
            name = html.unescape(a["name"])
            self.sheets[name] = "xl/" + targets[a["r:id"]].lstrip("/").removeprefix("xl/")
            self.states[name] = a.get("state", "visible")
        sst = self.zip.read("xl/sharedStrings.xml").decode()
        self.strings = [html.unescape("".join(re.findall(r"<t[^>]*>([^<]*)</t>", si)))
                        for si in re.findall(r"<si>(.*?)</si>", sst, re.S)]

    def xml(self, sheet):
        return self.zip.read(self.sheets[sheet]).decode()

    def cell(self, sheet, ref):
        m = re.search(r'<c r="%s"([^>]*?)(?:/>|>(.*?)</c>)' % ref, self.xml(sheet), re.S)
        if not m:
            return None
        v = re.search(r"<v>([^<]*)</v>", m.group(2) or "")
        if 't="s"' in m.group(1):
            return self.strings[int(v.group(1))]
        return v.group(1) if v else None


def sheet_name(spec):
    return f"{spec['name'].removesuffix('.csv')}（{spec['title']}）"


class TemplateRoundTrip(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = temp_dir("kyosei-template-")
        cls.tmp = cls._tmp.__enter__()
        cls.books, cls.imported, cls.check = {}, {}, {}
        for ds in DATASETS:
            book = cls.tmp / f"{ds.name}.xlsx"
            r = run_kyosei("template", "-q", "-o", book, ds)
            if r.returncode != 0:
                raise AssertionError(f"template {ds} failed ({r.returncode}):\n{r.stderr}")
            out = cls.tmp / ds.name
            # PDFs and narratives are not in the workbook: they stay in the folder.
            for extra in ("documents", "narrative"):
                if (ds / extra).is_dir():
                    shutil.copytree(ds / extra, out / extra)
            r = run_kyosei("import", "-q", book, "-o", out)
            if r.returncode != 0:
                raise AssertionError(f"import {ds} failed ({r.returncode}):\n{r.stderr}")
            cls.books[ds], cls.imported[ds] = book, out
            cls.check[ds] = run_kyosei("check", out)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.__exit__(None, None, None)

    def test_imported_folder_passes_check(self):
        for ds in DATASETS:
            with self.subTest(dataset=ds.name):
                r = self.check[ds]
                self.assertEqual(r.returncode, 0, r.stderr)

    def test_imported_csvs_describe_the_same_data(self):
        for ds in DATASETS:
            out = self.imported[ds]
            for spec in SCHEMA["file"]:
                name = spec["name"]
                with self.subTest(dataset=ds.name, file=name):
                    original = ds / name
                    if not original.exists() or not read_table(original)[1]:
                        # Not provided (or header only): import writes no file.
                        self.assertFalse((out / name).exists() and read_table(out / name)[1])
                        continue
                    self.assertTrue((out / name).exists())
                    raw = (out / name).read_bytes()
                    self.assertFalse(raw.startswith(b"\xef\xbb\xbf"), "UTF-8 without BOM")
                    self.assertNotIn(b"\r\n", raw.replace(b'"', b"").split(b"\n")[0] + b"\n", "LF line ends")
                    raw.decode("utf-8")
                    h1, rows1 = read_table(original)
                    h2, rows2 = read_table(out / name)
                    self.assertEqual(len(rows1), len(rows2))
                    columns = set(h1) | set(h2)
                    columns.discard("")
                    for i, (a, b) in enumerate(zip(rows1, rows2), start=2):
                        for c in sorted(columns):
                            self.assertEqual(a.get(c, ""), b.get(c, ""), f"{name} record {i} column {c}")

    def test_municipality_has_the_same_keys_and_values(self):
        for ds in DATASETS:
            with self.subTest(dataset=ds.name):
                a = flatten(tomllib.loads((ds / "municipality.toml").read_text(encoding="utf-8")))
                b = flatten(tomllib.loads((self.imported[ds] / "municipality.toml").read_text(encoding="utf-8")))
                self.assertEqual(sorted(a), sorted(b))
                for k in a:
                    self.assertEqual(nfkc(str(a[k])), nfkc(str(b[k])), k)
                    self.assertEqual(type(a[k]) is bool, type(b[k]) is bool, k)

    def test_template_is_byte_identical_when_made_again(self):
        ds = DATASETS[0]
        again = self.tmp / "again.xlsx"
        r = run_kyosei("template", "-q", "-o", again, ds)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(again.read_bytes(), self.books[ds].read_bytes())

    def test_template_has_dropdowns_messages_and_hidden_choices(self):
        wb = Workbook(self.books[DATASETS[0]])
        names = list(wb.sheets)
        self.assertEqual(names[0], "説明")
        self.assertEqual(names[-1], "選択肢")
        self.assertEqual(wb.states["選択肢"], "hidden")
        self.assertTrue(all(wb.states[n] == "visible" for n in names[:-1]))
        self.assertIn("municipality（自治体プロフィール）", names)
        choices = wb.xml("選択肢")
        for spec in SCHEMA["file"]:
            sheet = sheet_name(spec)
            self.assertIn(sheet, names)
            xml = wb.xml(sheet)
            self.assertIn('<pane ySplit="1"', xml, "header row frozen")
            validations = re.findall(r"<dataValidation ([^>]*)>(?:<formula1>([^<]*)</formula1>)?", xml)
            by_range = {re.search(r'sqref="([^"]+)"', a).group(1): (a, f) for a, f in validations}
            for i, col in enumerate(spec["column"]):
                letter = column_letter(i)
                with self.subTest(sheet=sheet, column=col["name"]):
                    self.assertEqual(wb.cell(sheet, f"{letter}1"), col["name"])
                    attrs, formula = by_range[f"{letter}2:{letter}1048576"]
                    title = html.unescape(re.search(r'promptTitle="([^"]*)"', attrs).group(1))
                    prompt = html.unescape(re.search(r' prompt="([^"]*)"', attrs).group(1))
                    self.assertTrue(title.startswith(col["name"]))
                    self.assertLessEqual(len(title), 32)
                    self.assertLessEqual(len(prompt), 255)
                    self.assertIn(col["help"][:20], prompt)
                    self.assertIn(f"{letter}1", by_range, "the header cell shows the help too")
                    if col["type"] != "enum":
                        self.assertNotIn('type="list"', attrs)
                        continue
                    self.assertIn('type="list"', attrs)
                    m = re.fullmatch(r"選択肢!\$([A-Z]+)\$2:\$\1\$(\d+)", formula or "")
                    self.assertIsNotNone(m, formula)
                    if col.get("multi") or col.get("unknown") == "warning":
                        self.assertNotIn('showErrorMessage="1"', attrs, "several values with ; must be allowed")
                    else:
                        self.assertIn('showErrorMessage="1"', attrs)
                    listed = [wb.cell("選択肢", f"{m.group(1)}{r}") for r in range(2, int(m.group(2)) + 1)]
                    self.assertNotIn(None, listed)
                    self.assertIsNone(wb.cell("選択肢", f"{m.group(1)}{int(m.group(2)) + 1}"))
                    if "values" in col:
                        self.assertEqual(listed, col["values"])
                    else:
                        self.assertGreater(len(listed), 10)  # roles, 重層区分, assessment items
        self.assertIn("<sheetData>", choices)

    def test_cells_are_text_and_formula_looking_names_stay_text(self):
        src = DATASETS[0]
        ds = self.tmp / "injection-src"
        shutil.copytree(src, ds)
        records = list(csv.reader(io.StringIO((ds / "services.csv").read_text(encoding="utf-8"), newline="")))
        name_col = records[0].index("事業名")
        evil = ["=1+1", "@SUM(A1)", "+81-3-0000", "-2+3", '=HYPERLINK("http://x","y")']
        for i, text in enumerate(evil, start=1):
            records[i][name_col] = text
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(records)
        (ds / "services.csv").write_text(buf.getvalue(), encoding="utf-8")
        book = self.tmp / "injection.xlsx"
        r = run_kyosei("template", "-q", "-o", book, ds)
        self.assertEqual(r.returncode, 0, r.stderr)
        wb = Workbook(book)
        xml = wb.xml("services（既存事業・取組の棚卸）")
        self.assertNotIn("<f>", xml, "no formulas in the template")
        for i, text in enumerate(evil, start=2):
            self.assertEqual(wb.cell("services（既存事業・取組の棚卸）", f"{column_letter(name_col)}{i}"), text)
        out = self.tmp / "injection-out"
        shutil.copytree(src / "documents", out / "documents")
        r = run_kyosei("import", "-q", book, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        _, rows = read_table(out / "services.csv")
        self.assertEqual([row["事業名"] for row in rows[:len(evil)]], [nfkc(t) for t in evil])
        raw = (out / "services.csv").read_text(encoding="utf-8")
        self.assertIn('"=HYPERLINK(""http://x"",""y"")"', raw, "RFC 4180 quoting")

    def test_invalid_value_is_reported_at_its_sheet_and_cell(self):
        ds = DATASETS[0]
        book = self.tmp / "edited.xlsx"
        sheet = "services（既存事業・取組の棚卸）"
        wb = Workbook(self.books[ds])
        part = wb.sheets[sheet]
        column = column_letter([c["name"] for c in SCHEMA["file"][1]["column"]].index("分野"))
        ref = f"{column}5"
        # Point one cell at a new shared string, as if typed over the drop-down.
        with zipfile.ZipFile(self.books[ds]) as src, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "xl/sharedStrings.xml":
                    data = data.replace(b"</sst>", "<si><t>高齢者福祉</t></si></sst>".encode())
                elif item.filename == part:
                    new_index = len(wb.strings)
                    data, n = re.subn(rb'(<c r="%s"[^>]*t="s"[^>]*><v>)\d+(</v>)' % ref.encode(),
                                      rb"\g<1>%d\g<2>" % new_index, data)
                    self.assertEqual(n, 1)
                dst.writestr(item, data)
        out = self.tmp / "edited-out"
        r = run_kyosei("import", book, "-o", out)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(f"{book}:{sheet}!{ref}（分野）: エラー: 「高齢者福祉」は使えない値です", r.stderr)
        self.assertIn("何も書きませんでした", r.stderr)
        self.assertFalse(out.exists() and any(out.iterdir()), "nothing is written when there are errors")
        diags = parse_diagnostics(r.stderr, "/no-such-folder")
        self.assertTrue(any(d.prefix.startswith(f"{book}:{sheet}!{ref}") for d in diags))

    def test_missing_sheet_and_foreign_folder_are_refused(self):
        ds = DATASETS[0]
        book = self.tmp / "no-staff.xlsx"
        wb = Workbook(self.books[ds])
        with zipfile.ZipFile(self.books[ds]) as src, zipfile.ZipFile(book, "w") as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "xl/workbook.xml":
                    data = data.replace("staff（コーディネーター等の名簿）".encode(), "名簿".encode())
                dst.writestr(item, data)
        r = run_kyosei("import", book, "-o", self.tmp / "no-staff")
        self.assertEqual(r.returncode, 2)
        self.assertIn(f"{book}: エラー: 「staff（コーディネーター等の名簿）」シートがありません", r.stderr)
        self.assertIn(f"{book}:名簿: 警告: ", r.stderr)
        # A folder import did not write is not overwritten without --force.
        target = self.tmp / "foreign"
        shutil.copytree(ds, target)
        before = (target / "services.csv").read_bytes()
        r = run_kyosei("import", self.books[ds], "-o", target)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--force", r.stderr)
        self.assertEqual((target / "services.csv").read_bytes(), before)
        r = run_kyosei("import", "-q", self.books[ds], "-o", target, "--force")
        self.assertEqual(r.returncode, 0, r.stderr)
        # ... and a folder it wrote is updated again without --force.
        r = run_kyosei("import", "-q", self.books[ds], "-o", self.imported[ds])
        self.assertEqual(r.returncode, 0, r.stderr)
        # An existing workbook is not overwritten by template.
        r = run_kyosei("template", "-o", self.books[ds], ds)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--force", r.stderr)

    def test_empty_template_imports_with_errors_for_required_values(self):
        book = self.tmp / "empty.xlsx"
        r = run_kyosei("template", "-q", "-o", book)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run_kyosei("import", book, "-o", self.tmp / "empty")
        self.assertEqual(r.returncode, 2)
        self.assertRegex(r.stderr, re.escape(f"{book}:municipality（自治体プロフィール）!B") + r"\d+（name）: エラー: ")


@unittest.skipUnless(shutil.which("soffice"), "LibreOffice (soffice) is not installed: skipped")
class TemplateInLibreOffice(unittest.TestCase):
    def test_libreoffice_opens_the_template_and_its_resave_imports_the_same(self):
        ds = SRC / "inputs"
        with temp_dir("kyosei-template-lo-") as tmp:
            book = tmp / "入力様式.xlsx"
            r = run_kyosei("template", "-q", "-o", book, ds)
            self.assertEqual(r.returncode, 0, r.stderr)
            env = dict(os.environ, HOME=str(tmp))
            for target, outdir in (("pdf", tmp / "pdf"), ("xlsx", tmp / "resaved")):
                r = subprocess.run(["soffice", "--headless", "--convert-to", target, "--outdir", str(outdir), str(book)],
                                   capture_output=True, text=True, env=env, timeout=300)
                self.assertTrue((outdir / f"入力様式.{target}").exists(), r.stdout + r.stderr)
            if shutil.which("pdftotext"):
                text = subprocess.run(["pdftotext", str(tmp / "pdf" / "入力様式.pdf"), "-"],
                                      capture_output=True, text=True).stdout
                self.assertIn("入力様式", text)
            # Saved by another producer (its own styles and string table).
            a, b = tmp / "a", tmp / "b"
            for out, source in ((a, book), (b, tmp / "resaved" / "入力様式.xlsx")):
                shutil.copytree(ds / "documents", out / "documents")
                r = run_kyosei("import", "-q", source, "-o", out)
                self.assertEqual(r.returncode, 0, r.stderr)
            for spec in SCHEMA["file"]:
                if (a / spec["name"]).exists():
                    self.assertEqual((a / spec["name"]).read_bytes(), (b / spec["name"]).read_bytes(), spec["name"])


if __name__ == "__main__":
    unittest.main()
