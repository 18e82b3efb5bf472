"""kyosei prefecture (issue 14): the roll-up of every municipality for the 都道府県.

- examples/prefecture/: exit 2 because 架空谷町 has errors, which are printed
  as 「親/フォルダ/ファイル:行:列」; the roll-up is still written, with
  架空谷町 marked 不備 and left out of the totals.
- A small prefecture written here, whose 都道府県 share of the 交付金 is
  computed by hand below (exact fractions, floor to the yen per row) and
  compared with the CSV and the workbook; the component matrix against the
  services written here.
- The privacy scan: no staff 氏名 and no confidential 議題 anywhere in the
  prefecture site, and a name typed into a 概要 makes the command refuse.
- The workbook opened with openpyxl (strings never formulas, print titles,
  A4) and printed with LibreOffice (smallest font ≥ 8 pt by pdftotext -bbox).
- --previous: the year-over-year sheet.
"""
import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from fractions import Fraction
from pathlib import Path

from kyosei_test_support import run_kyosei, source_dir, snapshot_tree, read_page

SRC = source_dir()
EXAMPLE = SRC / "examples" / "prefecture"
WORKBOOK = Path("excel") / "都道府県集計.xlsx"
EM_BOX = 1.2  # word box height / font size in pdftotext -bbox (see the print test)

try:
    import openpyxl  # Debian python3-openpyxl (scripts/setup.sh test_pkgs)
except ImportError:  # pragma: no cover
    openpyxl = None


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path} has no UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))


# --- a small prefecture, written by the test -------------------------------

AREAS = "ID,名称,層,上位圏域,人口,高齢化率\nA0,全域,1,,,\n"

MEETINGS = ("ID,会議名,種別,開催形態,守秘義務,所管課,予定回数,構成機関,圏域,目的\n"
            "M1,支援会議,支援会議,随時,あり,福祉課,4,福祉課;社会福祉協議会,,個別の支援の検討\n"
            "M2,推進委員会,計画策定委員会,定例,なし,福祉課,2,福祉課,,計画の進行管理\n")

SECRET_AGENDA = "世帯員の借金と通院中断への対応方針について"
SESSIONS = ("会議ID,開催日,出席者数,出席機関,検討事例数,議題,資料\n"
            f"M1,2026-05-12,6,福祉課;社会福祉協議会,2,{SECRET_AGENDA},\n"
            "M2,2026-06-01,10,福祉課,,計画の進み具合の報告,\n")


def municipality_toml(name, code, population, welfare_office, status, start=None, fy=2026):
    lines = [f'name = "{name}"', f'code = "{code}"', 'prefecture = "検証県"', f"fiscal_year = {fy}",
             f"population = {population}", f"welfare_office = {'true' if welfare_office else 'false'}",
             f'jusou_status = "{status}"']
    if start:
        lines.append(f"jusou_start_year = {start}")
    lines += ["", "[plan]", f'title = "{name}地域福祉計画"', "start_year = 2025", "end_year = 2029", "",
              "[site]", f'title = "{name}のとりくみ"', f'contact = "{name} 福祉課"']
    return "\n".join(lines) + "\n"


def services_csv(rows):
    head = "ID,事業名,分野,関連分野,機能,重層区分,所管課,実施方法,実施主体,圏域,拠点数,事業費,按分,開始年度,対象,概要,公開\n"
    body = "".join(f"{i},{name},{field},,相談支援,{codes},福祉課,直営,,,,{cost},{alloc},,,{summary},\n"
                   for i, name, field, codes, cost, alloc, summary in rows)
    return head + body


def staff_csv(name):
    return ("ID,氏名,所属,所属区分,役割,配分,常勤換算,資格,担当圏域,担当事業,着任年月\n"
            f"P1,{name},福祉課,市町村,相談支援包括化推進員;生活支援コーディネーター,0.5;0.5,1,社会福祉士,A0,,2024-04\n"
            "P2,,社会福祉協議会,社協,地域福祉コーディネーター,,0.5,,A0,,\n")


# Each municipality: folder, toml args, services (ID, 事業名, 分野, 重層区分, 事業費, 按分, 概要), staff name.
TOWNS = [
    ("01_検証市", ("検証市", "999407", 120000, True, "実施", 2023), [
        ("S1", "地域包括支援センター", "高齢", "1イ", "10000001", "", ""),
        ("S2", "障害者相談支援", "障害", "1ロ", "3333333", "", ""),
        ("S3", "多機関協働事業", "地域福祉", "5;6", "7777777", "", ""),
        ("S4", "参加支援とアウトリーチ", "地域福祉", "2;4", "9000000", "2:5000001;4:3999999", ""),
        ("S5", "自立相談支援", "生活困窮", "1ニ", "5000000", "", ""),
        ("S6", "介護予防の通いの場", "高齢", "3イ", "1234567", "", ""),
        ("S7", "子育ての相談と広場", "子ども", "1ハ;3ニ", "2000000", "", ""),
    ], "検証 花子"),
    ("02_検証町", ("検証町", "999504", 8000, False, "移行準備"), [
        ("T1", "地域包括支援センター", "高齢", "1イ", "4000003", "", ""),
        ("T2", "福祉事務所未設置町村による相談事業", "生活困窮", "1ニ", "2500000", "", ""),
        ("T3", "生活支援体制整備", "高齢", "3ロ", "2000003", "", ""),
        ("T4", "利用者支援", "子ども", "1ハ", "600001", "", ""),
    ], "試験 次郎"),
    ("03_検証村", ("検証村", "999601", 2500, False, "未実施"), [
        ("V1", "地域包括支援センター", "高齢", "1イ", "", "", ""),
        ("V2", "地域子育て支援拠点", "子ども", "3ニ", "900000", "", ""),
    ], "点検 三郎"),
]

# The prefecture's ratios by component for FY2026 (data/jusou_funding.csv,
# 004 L686-694), written out by hand: 6 is granted with 5.
PREF_RATIO = {"1イ": Fraction(1925, 10000), "1ロ": Fraction(25, 100), "1ハ": Fraction(1, 6), "1ニ": Fraction(0),
              "2": Fraction(1, 4), "3イ": Fraction(125, 1000), "3ロ": Fraction(1925, 10000), "3ハ": Fraction(25, 100),
              "3ニ": Fraction(1, 3), "3柱": Fraction(0), "4": Fraction(1, 4), "5": Fraction(1, 4)}
GO = {"1イ": 1, "1ロ": 1, "1ハ": 1, "1ニ": 1, "2": 2, "3イ": 3, "3ロ": 3, "3ハ": 3, "3ニ": 3, "3柱": 3, "4": 4, "5": 5}


def hand_share(services):
    """号 -> yen: each row floor(amount × ratio); several codes need 按分 (else no money); 6 inside 5."""
    by_go = {}
    for _, _, _, codes, cost, alloc, _ in services:
        keys = [c for c in codes.split(";") if c]
        funded = [c for c in keys if not (c == "6" and "5" in keys)]
        if alloc:
            parts = [(a.split(":")[0], int(a.split(":")[1])) for a in alloc.split(";")]
        elif len(funded) == 1 and cost:
            parts = [(funded[0], int(cost))]
        else:
            continue  # 按分が必要 / 事業費未把握
        for code, amount in parts:
            yen = (amount * PREF_RATIO[code]).numerator // (amount * PREF_RATIO[code]).denominator
            by_go[GO[code]] = by_go.get(GO[code], 0) + yen
    return by_go


def write_prefecture(root: Path, towns=TOWNS, broken=True):
    for folder, args, services, staff_name in towns:
        d = root / folder
        d.mkdir(parents=True)
        (d / "municipality.toml").write_text(municipality_toml(*args), encoding="utf-8")
        (d / "areas.csv").write_text(AREAS, encoding="utf-8")
        (d / "services.csv").write_text(services_csv(services), encoding="utf-8")
        (d / "staff.csv").write_text(staff_csv(staff_name), encoding="utf-8")
        (d / "meetings.csv").write_text(MEETINGS, encoding="utf-8")
        (d / "meeting_sessions.csv").write_text(SESSIONS, encoding="utf-8")
    if broken:
        d = root / "04_不備町"
        shutil.copytree(root / towns[1][0], d)
        toml = (d / "municipality.toml").read_text(encoding="utf-8")
        (d / "municipality.toml").write_text(toml.replace('name = "検証町"', 'name = "不備町"').replace("999504", "999300"),
                                             encoding="utf-8")
        s = (d / "services.csv").read_text(encoding="utf-8").replace("4000003", "400万3円")
        (d / "services.csv").write_text(s, encoding="utf-8")
        (root / "05_未提出村").mkdir()


class PrefectureHandComputed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="kyosei-pref-")
        cls.tmp = Path(cls._tmp.name)
        cls.parent = cls.tmp / "検証県"
        write_prefecture(cls.parent)
        cls.out = cls.tmp / "out"
        cls.result = run_kyosei("prefecture", cls.parent, "-o", cls.out, timeout=300)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def test_exit_2_names_the_broken_municipality_and_still_writes(self):
        self.assertEqual(self.result.returncode, 2, self.result.stderr)
        self.assertRegex(self.result.stderr, r"04_不備町/services\.csv:2:事業費: エラー: ")
        self.assertIn("05_未提出村（未提出）", self.result.stderr)
        self.assertIn("04_不備町（不備）", self.result.stderr)
        self.assertTrue((self.out / WORKBOOK).exists())
        self.assertTrue((self.out / "site" / "index.html").exists())

    def test_status_sheet_marks_invalid_and_missing(self):
        rows = {r["フォルダ"]: r for r in read_csv(self.out / "csv" / "提出状況.csv")}
        self.assertEqual(rows["04_不備町"]["状態"], "不備")
        self.assertIn("services.csv:2:事業費", rows["04_不備町"]["誤りの箇所（ファイル:行:列）"])
        self.assertEqual(rows["05_未提出村"]["状態"], "未提出")
        for f in ("01_検証市", "02_検証町", "03_検証村"):
            self.assertEqual(rows[f]["状態"], "提出済み")

    def test_prefecture_share_matches_hand_computation(self):
        rows = {r["自治体名"]: r for r in read_csv(self.out / "csv" / "都道府県負担.csv")}
        total = 0
        for folder, args, services, _ in TOWNS:
            expected = hand_share(services)
            row = rows[args[0]]
            for go in range(1, 6):
                self.assertEqual(int(row[f"第{go}号"]), expected.get(go, 0), f"{args[0]} 第{go}号")
            self.assertEqual(int(row["都道府県負担 計"]), sum(expected.values()))
            total += sum(expected.values())
        # 1イ 10,000,001 × 19.25/100 = 1,925,000.19… → 1,925,000 and so on: the sum is stated exactly.
        self.assertEqual(total, 1925000 + 833333 + 1944444 + 1250000 + 999999 + 154320 + 770000 + 385000 + 100000 + 300000)
        self.assertEqual(int(rows["合計（3市町村）"]["都道府県負担 計"]), total)
        self.assertNotIn("不備町", rows)
        regime = read_csv(self.out / "csv" / "号・経費区分別.csv")
        self.assertEqual(sum(int(r["都道府県負担"]) for r in regime if not r["号"].startswith("合計")), total)
        kinds = {r["経費区分（根拠）"] for r in regime}
        self.assertIn("義務的経費（106条の9 第2号）", kinds)
        self.assertIn("裁量的経費（106条の9 第3号）", kinds)
        self.assertIn("法定負担なし", kinds)

    def test_component_matrix(self):
        rows = {r["自治体名"]: r for r in read_csv(self.out / "csv" / "構成事業.csv")}
        keys = ["1イ", "1ロ", "1ハ", "1ニ", "2", "3イ", "3ロ", "3ハ", "3ニ", "3柱", "4", "5", "6"]
        for folder, args, services, _ in TOWNS:
            named = {c for s in services for c in s[3].split(";") if c}
            for k in keys:
                mark = rows[args[0]][k]
                if k in named:
                    self.assertTrue(mark.startswith("○"), f"{args[0]} {k}: {mark}")
                else:
                    self.assertEqual(mark, "—", f"{args[0]} {k}")
        self.assertEqual(rows["検証町"]["1ニ"], "○（代替）")  # no 福祉事務所: the substitute program
        self.assertEqual(rows["検証市"]["必須の数"], "9/12")  # 3ロ, 3ハ and 3柱 are not named
        total = rows["実施の数（3市町村中）"]
        self.assertEqual(total["1イ"], "3")
        self.assertEqual(total["3柱"], "0")

    def test_roles_lists_towns_without_office_and_without_1ni(self):
        rows = {r["自治体名"]: r for r in read_csv(self.out / "csv" / "都道府県の役割.csv")}
        self.assertEqual(set(rows), {"検証町", "検証村"})
        self.assertIn("自立相談支援", rows["検証村"]["該当"])
        self.assertNotIn("自立相談支援", rows["検証町"]["該当"])

    def test_site_privacy_scan(self):
        site = self.out / "site"
        secrets = ["検証花子", "試験次郎", "点検三郎", SECRET_AGENDA]
        pages = 0
        for path in site.rglob("*"):
            if path.is_file() and path.suffix in (".html", ".js", ".css"):
                text = re.sub(r"\s", "", read_page(path))
                for s in secrets:
                    self.assertNotIn(s, text, f"{path}")
                pages += 1
        self.assertGreaterEqual(pages, 8)
        page = read_page(site / "municipalities" / "index.html")
        self.assertIn("不備", page)
        self.assertIn("未提出", page)
        self.assertIn('lang="ja"', page)
        self.assertIn('href="../assets/style.css"', page)

    def test_site_pages_are_linked_and_structured(self):
        site = self.out / "site"
        from urllib.parse import unquote
        pages = sorted(site.rglob("*.html"))
        self.assertIn(site / "components.html", pages)
        for page in pages:
            html = read_page(page)
            self.assertEqual(html.count("<h1>"), 1, page)
            self.assertIn('<html lang="ja">', html)
            self.assertEqual(html.count("<table"), html.count("<caption>"), page)
            self.assertNotIn("<script", html)  # no scripts on the prefecture site
            for href in re.findall(r'href="([^"#]+)"', html):
                target = (page.parent / unquote(href)).resolve()
                self.assertTrue(target.exists(), f"{page}: {href}")
        # every municipality, also 不備 and 未提出, has a page reachable from the list
        listing = read_page(site / "municipalities" / "index.html")
        self.assertEqual(listing.count('<th scope="row"><a href='), 5)

    def test_csv_neutralises_formula_text(self):
        with tempfile.TemporaryDirectory(prefix="kyosei-pref-f-") as tmp:
            parent = Path(tmp) / "p"
            towns = [(TOWNS[0][0], ("=1+2市",) + TOWNS[0][1][1:], TOWNS[0][2], TOWNS[0][3])]
            write_prefecture(parent, towns, broken=False)
            r = run_kyosei("prefecture", parent, "-o", Path(tmp) / "o", "-q", timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr)
            rows = read_csv(Path(tmp) / "o" / "csv" / "市町村別概要.csv")
            self.assertEqual(rows[0]["自治体名"], "'=1+2市")
            if openpyxl:
                wb = openpyxl.load_workbook(Path(tmp) / "o" / WORKBOOK)
                cell = wb["市町村別概要"]["A2"]
                self.assertEqual(cell.data_type, "s")
                self.assertEqual(cell.value, "=1+2市")

    def test_privacy_guard_refuses_a_name_in_the_site(self):
        with tempfile.TemporaryDirectory(prefix="kyosei-pref-p-") as tmp:
            parent = Path(tmp) / "p"
            towns = [(TOWNS[0][0], ("検証 花子市",) + TOWNS[0][1][1:], TOWNS[0][2], TOWNS[0][3])]
            write_prefecture(parent, towns, broken=False)
            out = Path(tmp) / "o"
            r = run_kyosei("prefecture", parent, "-o", out, timeout=300)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn("01_検証市/staff.csv:2", r.stderr)
            self.assertFalse(out.exists())

    def test_previous_year(self):
        with tempfile.TemporaryDirectory(prefix="kyosei-pref-y-") as tmp:
            prev = Path(tmp) / "prev"
            towns = [list(t) for t in TOWNS[:2]]
            towns[0][2] = [s for s in TOWNS[0][2] if s[0] != "S6"]  # 3イ came this year
            write_prefecture(prev, [tuple(t) for t in towns], broken=False)
            out = Path(tmp) / "o"
            r = run_kyosei("prefecture", self.parent, "-o", out, "--previous", prev, "-q", timeout=300)
            self.assertEqual(r.returncode, 2, r.stderr)
            rows = {x["自治体名"]: x for x in read_csv(out / "csv" / "前年度比較.csv")}
            self.assertEqual(rows["検証市"]["増えた区分"], "3イ")
            self.assertEqual(rows["検証村"]["前年度の重層"], "前年度なし")
            self.assertTrue((out / "site" / "change.html").exists())

    def test_parent_that_is_not_a_parent(self):
        with tempfile.TemporaryDirectory(prefix="kyosei-pref-n-") as tmp:
            out = Path(tmp) / "o"
            for parent in (SRC / "inputs", Path(tmp)):  # one municipality's folder; a folder without subfolders
                r = run_kyosei("prefecture", parent, "-o", out)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertFalse(out.exists())
            r = run_kyosei("prefecture", Path(tmp) / "ない", "-o", out)
            self.assertEqual(r.returncode, 2)

    def test_deterministic(self):
        out2 = self.tmp / "out2"
        r = run_kyosei("prefecture", self.parent, "-o", out2, "-q", timeout=300)
        self.assertEqual(r.returncode, 2)
        a, b = snapshot_tree(self.out), snapshot_tree(out2)
        self.assertEqual(a, b)


class PrefectureExample(unittest.TestCase):
    def test_example_prefecture(self):
        with tempfile.TemporaryDirectory(prefix="kyosei-pref-ex-") as tmp:
            out = Path(tmp) / "out"
            r = run_kyosei("prefecture", EXAMPLE, "-o", out, timeout=600)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertRegex(r.stderr, r"架空谷町/services\.csv:3:事業費: エラー: ")
            self.assertRegex(r.stderr, r"架空谷町/staff\.csv:3:常勤換算: エラー: ")
            rows = {x["自治体名"]: x for x in read_csv(out / "csv" / "提出状況.csv")}
            self.assertEqual(rows["架空谷町"]["状態"], "不備")
            self.assertEqual(sum(1 for x in rows.values() if x["状態"] == "提出済み"), 5)
            matrix = {x["自治体名"]: x for x in read_csv(out / "csv" / "構成事業.csv")}
            self.assertEqual(matrix["架空町"]["1ニ"], "○（代替）")
            self.assertEqual(matrix["架空村"]["1ニ"], "—")
            self.assertIn("実施の数（5市町村中）", matrix)
            site = read_page(out / "site" / "index.html")
            self.assertIn("集計に含めた市町村は 5 です", site)


@unittest.skipUnless(openpyxl, "python3-openpyxl is needed")
class PrefectureWorkbook(unittest.TestCase):
    def test_workbook_opens_with_print_settings(self):
        with tempfile.TemporaryDirectory(prefix="kyosei-pref-wb-") as tmp:
            parent = Path(tmp) / "p"
            write_prefecture(parent)
            out = Path(tmp) / "o"
            run_kyosei("prefecture", parent, "-o", out, "-q", timeout=300)
            wb = openpyxl.load_workbook(out / WORKBOOK)
            for name in ("提出状況", "市町村別概要", "構成事業", "号別", "都道府県負担", "職員配置", "会議体", "自己点検",
                         "都道府県の役割", "同規模比較"):
                self.assertIn(name, wb.sheetnames)
            for ws in wb.worksheets:
                self.assertEqual(ws.page_setup.paperSize, 9, ws.title)  # A4
                self.assertIn(ws.print_title_rows, ("1:1", "$1:$1"), ws.title)
                for row in ws.iter_rows():
                    for c in row:
                        if isinstance(c.value, str) and c.value.startswith("="):
                            self.assertRegex(c.value, r"^=(SUM|SUMIF)\(", f"{ws.title}!{c.coordinate}")
            ws = wb["都道府県負担"]
            self.assertIn("令和8年度", ws.oddHeader.right.text)


@unittest.skipUnless(shutil.which("soffice") and shutil.which("pdftotext"), "LibreOffice and poppler-utils are needed")
class PrefectureWorkbookPrinted(unittest.TestCase):
    def test_printed_font_is_at_least_8pt(self):
        with tempfile.TemporaryDirectory(prefix="kyosei-pref-lo-") as tmp:
            tmp = Path(tmp)
            parent = tmp / "p"
            write_prefecture(parent)
            out = tmp / "o"
            run_kyosei("prefecture", parent, "-o", out, "-q", timeout=300)
            env = dict(os.environ, HOME=str(tmp))
            r = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(out / WORKBOOK)],
                               capture_output=True, text=True, env=env, timeout=300)
            pdf = tmp / "都道府県集計.pdf"
            self.assertTrue(pdf.exists(), r.stdout + r.stderr)
            html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
            heights = [float(y2) - float(y1) for y1, y2 in re.findall(r'<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)"', html)]
            self.assertGreater(len(heights), 100)
            # pdftotext's word box is the font's ascent + descent: 1.2 em for the
            # workbook font as LibreOffice prints it (11 pt text unscaled gives
            # 13.2 pt boxes, checked here), so the smallest font is min / 1.2.
            self.assertAlmostEqual(max(heights), 11 * EM_BOX, delta=2.5)
            self.assertGreaterEqual(min(heights) / EM_BOX, 8.0)
            pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)"', html)
            for w, h in pages:
                self.assertAlmostEqual(max(float(w), float(h)), 842, delta=3)
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
            self.assertIn("検証県", text)
            self.assertIn("令和8年度", text)


if __name__ == "__main__":
    unittest.main()
