"""End-to-end: the progress self-assessment outputs (issue 4, output half).

`kyosei build inputs` writes plan/自己点検レポート.md and .html, the site page
assessment/index.html and excel/自己点検シート.xlsx. Checked here on the
files as written: the report's sections, answered / unanswered counts
against inputs/assessment.csv and the item bank, FND-06a with P04's row, the
SVG charts parsed as XML with their data tables, the workbook's XML (the
0,1,2,3 drop-down, the findings column), `kyosei import-assessment` round
trip (no edit → the same answers as inputs/assessment.csv), an edited cell
imported as the new value, and an invalid value (5) refused at its sheet and
cell with exit 2."""
import csv
import io
import re
import shutil
import tomllib
import unicodedata
import unittest
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from kyosei_test_support import run_kyosei, source_dir, temp_dir, read_page

SRC = source_dir()
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
SVG = "{http://www.w3.org/2000/svg}"


def nfkc(s):
    return unicodedata.normalize("NFKC", s).strip()


def answers_of(path):
    """項目ID -> (評価, 根拠, 回答部署) of an assessment.csv."""
    text = Path(path).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    return {nfkc(r["項目ID"]): (nfkc(r["評価"]), nfkc(r.get("根拠") or ""), nfkc(r.get("回答部署") or ""))
            for r in rows if (r.get("項目ID") or "").strip()}


def bank_ids():
    items = tomllib.loads((SRC / "data" / "assessment" / "items.toml").read_text(encoding="utf-8"))["item"]
    return [i["id"] for i in items]


def shared_strings(z):
    root = ET.fromstring(z.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in root.findall("m:si", NS)]


class AssessmentOutputs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = temp_dir()
        cls.tmp = cls._tmp.__enter__()
        cls.out = cls.tmp / "out"
        r = run_kyosei("build", SRC / "inputs", "-o", cls.out, "-q", timeout=600)
        assert r.returncode == 0, r.stderr
        cls.md = (cls.out / "plan" / "自己点検レポート.md").read_text(encoding="utf-8")
        cls.html = read_page(cls.out / "plan" / "自己点検レポート.html")
        cls.book = cls.out / "excel" / "自己点検シート.xlsx"

    @classmethod
    def tearDownClass(cls):
        cls._tmp.__exit__(None, None, None)

    # ---------------------------------------------------------------- report
    def test_report_sections_and_counts(self):
        for heading in ("## 概要", "## 領域別の評価", "## 視点別の評価",
                        "## 重層的支援体制整備事業の構成事業（点数とは別の軸）", "## 自動判定",
                        "### 重大", "### 注意", "### 情報", "## 回答と自動判定を並べて確かめたい項目",
                        "## 未回答の項目", "## 項目ごとの回答"):
            self.assertIn(heading + "", self.md)
        ids = bank_ids()
        answered = [i for i in answers_of(SRC / "inputs" / "assessment.csv") if i in ids]
        unanswered = [i for i in ids if i not in answered]
        self.assertIn(f"- 回答: {len(answered)}項目／未回答: {len(unanswered)}項目", self.md)
        section = self.md.split("## 未回答の項目", 1)[1].split("\n## ", 1)[0]
        for i in unanswered:
            self.assertRegex(section, rf"(?m)^- {re.escape(i)} ")
        # Each viewpoint row carries answered/total.
        self.assertRegex(self.md, r"\| V0 [^|]+ \| (\d\.\d|未回答) \| \d+／\d+ \|")

    def test_finding_06a_with_p04_row(self):
        block = self.md.split("#### 一人への役割の集中", 1)  # FND-06a, by name (rule codes are not published)
        self.assertEqual(len(block), 2, "FND-06a is not in the report")
        self.assertNotIn("FND-", self.md)
        body = block[1].split("\n#### ", 1)[0]
        self.assertIn("判定のきまり:", body)
        self.assertIn("関わる点検項目: C5", body)
        self.assertRegex(body, r"名簿 \d+行目 P04 ")  # the input by its name, not its file name
        self.assertNotIn("架空 太郎", self.md)

    def test_html_charts_parse_and_tables(self):
        svgs = re.findall(r"<svg .*?</svg>", self.html, re.S)
        self.assertEqual(len(svgs), 2)
        for svg in svgs:
            root = ET.fromstring(svg)
            self.assertEqual(root.get("role"), "img")
            title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
            self.assertIsNotNone(title)
            self.assertIsNotNone(desc)
            self.assertEqual(root.get("aria-labelledby"), f"{title.get('id')} {desc.get('id')}")
        self.assertEqual(self.html.count('<table class="chart-data" tabindex="0">'), 2)
        self.assertIn('<th scope="col">視点</th>', self.html)
        self.assertIn('<th scope="col">領域</th>', self.html)
        self.assertNotIn("<script", self.html)
        self.assertNotIn("<link", self.html)

    def test_site_page(self):
        page = read_page(self.out / "site" / "assessment" / "index.html")
        self.assertIn("<svg", page)
        self.assertIn('<table class="chart-data" tabindex="0">', page)
        self.assertIn("一人への役割の集中", page)
        self.assertNotIn("FND-", page)
        staff = list(csv.DictReader(io.StringIO((SRC / "inputs" / "staff.csv").read_text(encoding="utf-8-sig"))))
        for s in staff:
            self.assertNotIn(s["氏名"], page)
        self.assertNotIn("P04", page)  # no per-person rows on the public site

    # ----------------------------------------------------------------- Excel
    def test_workbook_xml(self):
        with zipfile.ZipFile(self.book) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
            strings = shared_strings(z)
            wb = z.read("xl/workbook.xml").decode("utf-8")
        self.assertIn('name="自己点検"', wb)
        self.assertRegex(sheet, r'<dataValidation type="list"[^>]*sqref="F2:F\d+"')
        self.assertIn("<formula1>\"0,1,2,3\"</formula1>", sheet)
        self.assertIn("<pane ", sheet)  # frozen header
        self.assertIn('orientation="landscape"', sheet)
        for h in ("項目ID", "領域", "観点", "点検項目", "評価0〜3の目安", "評価", "根拠", "回答部署", "関連する指摘"):
            self.assertIn(h, strings)
        self.assertTrue(any(s.startswith("注意 一人への役割の集中") for s in strings))
        self.assertTrue(any(s.startswith("0：") and "\n3：" in s for s in strings))

    def import_to(self, book, name):
        out = self.tmp / name
        r = run_kyosei("import-assessment", book, "-o", out)
        return r, out

    def test_import_round_trip(self):
        r, out = self.import_to(self.book, "roundtrip.csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(answers_of(out), answers_of(SRC / "inputs" / "assessment.csv"))

    def edited(self, name, level):
        """A copy of the workbook with the first answered 評価 cell set to
        level; returns (path, row, item ID)."""
        with zipfile.ZipFile(self.book) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
        m = re.search(r'<c r="F(\d+)"( s="\d+")?( t="n")?><v>(\d)</v></c>', sheet)
        self.assertIsNotNone(m)
        new = str((int(m.group(4)) + 1) % 4) if level is None else str(level)
        sheet = sheet[:m.start()] + m.group(0).replace(f"<v>{m.group(4)}</v>", f"<v>{new}</v>") + sheet[m.end():]
        parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
        path = self.tmp / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for n, b in parts.items():
                z.writestr(n, b)
        row = int(m.group(1))
        # The row's 項目ID: column A of that row, a shared string.
        ids = re.search(rf'<c r="A{row}"[^>]*t="s"[^>]*><v>(\d+)</v></c>', sheet)
        with zipfile.ZipFile(self.book) as z:
            item = shared_strings(z)[int(ids.group(1))]
        return path, row, item, new

    def test_edited_answer_imports_new_value(self):
        path, _, item, new = self.edited("edited.xlsx", None)
        r, out = self.import_to(path, "edited.csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        got, want = answers_of(out), answers_of(SRC / "inputs" / "assessment.csv")
        self.assertEqual(got[item][0], new)
        self.assertNotEqual(want[item][0], new)
        del got[item], want[item]
        self.assertEqual(got, want)

    def test_invalid_value_is_refused_at_its_cell(self):
        path, row, _, _ = self.edited("invalid.xlsx", 5)
        r, out = self.import_to(path, "invalid.csv")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(f"invalid.xlsx:自己点検!F{row}", r.stderr)
        self.assertIn("エラー", r.stderr)
        self.assertFalse(out.exists())


if __name__ == "__main__":
    unittest.main()
