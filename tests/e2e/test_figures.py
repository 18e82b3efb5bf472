"""One figure, one value (issue 9 §2): for every dataset in inputs/ and
examples/, build, then read the same figure from every output that shows
it — the plan Markdown, the council workbook (xlsx XML), the CSV export and
the public site's pages — and check that they agree:

- each service's 職員 (people and 常勤換算), which also must be what staff.csv
  gives with 配分 (the FTE given to roles, split over 担当事業);
- staffing by 分野 of role (実人数, 常勤換算);
- each meeting's 開催回数;
- the number of organisations (「Nの団体・法人」) and the organisations
  listed, one per name even when 実施主体 holds several (「A;B」);
- the funding totals by 号 and overall;
- the staff totals (実人数, 常勤換算): the site's home page against the plan's
  計, the workbook's 概要 and staff.csv; each area page's 常勤換算 against
  staff.csv (担当圏域, 配分), its rows against its 合計, and all areas
  against the plan's 計 less 役割に配分されていない分;
- and, on a copy of inputs/ with a role not in data/roles.csv, that role's
  label: 「役割一覧にない役割」 in the plan, the workbook and the area pages.

Tables are found by their headers, so a figure is compared wherever a table
with those headers appears.
"""
from __future__ import annotations

import csv
import html
import html.parser
import io
import re
import unicodedata
import unittest
import zipfile
from collections import defaultdict
from pathlib import Path

from kyosei_test_support import run_kyosei, source_dir, temp_dir, read_page


def datasets() -> list[Path]:
    root = source_dir()
    return [root / "inputs"] + sorted(p for p in (root / "examples").iterdir() if (p / "municipality.toml").is_file())


def read_input_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = [unicodedata.normalize("NFKC", h).strip() for h in rows[0]]
    return [{h: (r[i] if i < len(r) else "").strip() for i, h in enumerate(header)} for r in rows[1:] if any(c.strip() for c in r)]


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip()


def split_multi(s: str) -> list[str]:
    return [p.strip() for p in re.split(r"[;；、]", s) if p.strip()]


# ------------------------------------------------------------------ tables

Table = tuple[list[str], list[list[str]]]  # headers, rows


def markdown_tables(text: str) -> list[Table]:
    out = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].startswith("|") and i + 1 < len(lines) and re.match(r"^\|[\s:|-]+\|$", lines[i + 1]):
            headers = cells_of(lines[i])
            rows = []
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(cells_of(lines[i]))
                i += 1
            out.append((headers, rows))
        else:
            i += 1
    return out


def cells_of(line: str) -> list[str]:
    parts = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [plain(p) for p in parts]


def plain(s: str) -> str:
    s = re.sub(r"\\(.)", r"\1", s.strip())
    return s.replace("**", "").strip()


class _HtmlTables(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: list[Table] = []
        self._stack: list[tuple[list[str], list[list[str]]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._header_row = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._stack.append(([], []))
        elif tag == "tr" and self._stack:
            self._row = []
            self._header_row = True
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            if tag == "td":
                self._header_row = False

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._stack:
            headers, rows = self._stack[-1]
            if self._header_row and not headers:
                headers.extend(self._row)
            else:
                rows.append(self._row)
            self._row = None
        elif tag == "table" and self._stack:
            self.tables.append(self._stack.pop())

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def html_tables(text: str) -> list[Table]:
    p = _HtmlTables()
    p.feed(text)
    return p.tables


def csv_table(path: Path) -> Table:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    return rows[0], rows[1:]


def xlsx_tables(path: Path) -> dict[str, list[list[str]]]:
    """Sheet name -> its rows (cell texts, cached values for formulas)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")}
    names = re.findall(r'<sheet name="([^"]+)"', parts["xl/workbook.xml"])
    strings = [html.unescape(re.sub(r"<[^>]+>", "", si))
               for si in re.findall(r"<si>(.*?)</si>", parts.get("xl/sharedStrings.xml", ""), re.S)]
    out = {}
    for i, name in enumerate(names):
        rows: dict[int, dict[int, str]] = defaultdict(dict)
        for m in re.finditer(r'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', parts[f"xl/worksheets/sheet{i + 1}.xml"], re.S):
            col, row, attrs, body = m.group(1), int(m.group(2)), m.group(3), m.group(4) or ""
            v = re.search(r"<v>(.*?)</v>", body)
            if not v:
                continue
            value = html.unescape(v.group(1))
            if re.search(r't="s"', attrs):
                value = strings[int(value)]
            c = 0
            for ch in col:
                c = c * 26 + ord(ch) - 64
            rows[row][c] = value
        out[html.unescape(name)] = [[r.get(c, "") for c in range(1, max(r) + 1)] for _, r in sorted(rows.items()) if r]
    return out


def tables_in_sheet(rows: list[list[str]], must: list[str]) -> list[Table]:
    """Every table of a sheet whose header row holds all of `must`."""
    out = []
    for i, r in enumerate(rows):
        if all(h in r for h in must):
            body = []
            for r2 in rows[i + 1:]:
                if not any(c.strip() for c in r2) or all(h in r2 for h in must):
                    break
                body.append(r2)
            out.append((r, body))
    return out


# ------------------------------------------------------------------ values

def number(s: str) -> str:
    """「1,234円」「4回」「6.4人」「3.60」 -> a canonical number text; others as they are."""
    t = s.replace(",", "").replace("円以内（上限額）", "").replace("以内（上限額）", "")
    t = re.sub(r"(円|回|人|件)$", "", t.strip())
    try:
        v = float(t)
    except ValueError:
        return s.strip()
    return str(int(v)) if v.is_integer() else f"{v:.2f}".rstrip("0").rstrip(".")


def rows_by(table: Table, key: str, value: str) -> dict[str, str]:
    headers, rows = table
    k, v = headers.index(key), headers.index(value)
    return {r[k]: r[v] for r in rows if len(r) > max(k, v)}


class Figures(unittest.TestCase):
    """Builds every dataset once, then compares."""

    @classmethod
    def setUpClass(cls):
        cls._tmp = temp_dir("kyosei-figures-")
        cls.tmp = cls._tmp.__enter__()
        cls.outs = {}
        for ds in datasets():
            out = cls.tmp / ds.name
            r = run_kyosei("build", ds, "-o", out, "-q", timeout=300)
            assert r.returncode == 0, r.stderr
            cls.outs[ds] = out

    @classmethod
    def tearDownClass(cls):
        cls._tmp.__exit__(None, None, None)

    # Every table of every output, with where it came from.
    def all_tables(self, out: Path) -> list[tuple[str, Table]]:
        found = []
        for md in sorted((out / "plan").rglob("*.md")):
            found += [(str(md.relative_to(out)), t) for t in markdown_tables(read_page(md))]
        for page in sorted((out / "site").rglob("*.html")):
            found += [(str(page.relative_to(out)), t) for t in html_tables(read_page(page))]
        for c in sorted((out / "csv").glob("*.csv")):
            found.append((str(c.relative_to(out)), csv_table(c)))
        return found

    def workbook(self, out: Path) -> dict[str, list[list[str]]]:
        return xlsx_tables(out / "excel" / "審議会資料.xlsx")

    def agree(self, values: dict[str, dict[str, str]], what: str):
        """values: key -> {place: value}; every place must give the same value."""
        for key, places in values.items():
            self.assertEqual(len(set(places.values())), 1, f"{what} {key}: {places}")

    def test_service_staff(self):
        for ds, out in self.outs.items():
            with self.subTest(dataset=ds.name):
                services = read_input_csv(ds / "services.csv")
                name_of = {nfkc(s["ID"]): s["事業名"] for s in services}
                # The oracle, from staff.csv: the 常勤換算 given to roles (配分),
                # split equally over the person's 担当事業.
                expected: dict[str, list] = defaultdict(lambda: [0, 0.0])
                for p in read_input_csv(ds / "staff.csv"):
                    ids = list(dict.fromkeys(split_multi(nfkc(p.get("担当事業", "")))))
                    if not ids:
                        continue
                    fte = float(nfkc(p.get("常勤換算", "")) or 1)
                    shares = [float(x) for x in split_multi(nfkc(p.get("配分", "")))]
                    assigned = fte * (sum(shares) if shares else 1.0)
                    for i in ids:
                        expected[name_of.get(i, i)][0] += 1
                        expected[name_of.get(i, i)][1] += assigned / len(ids)
                seen: dict[str, dict[str, str]] = defaultdict(dict)
                for where, t in self.all_tables(out):
                    if "事業名" in t[0] and "職員" in t[0]:
                        for name, cell in rows_by(t, "事業名", "職員").items():
                            seen[name][where] = cell
                self.assertTrue(seen, "no table of service staff")
                self.agree(seen, "職員")
                for name, places in seen.items():
                    cell = next(iter(places.values()))
                    if cell in ("未把握", "委託先等の職員（名簿外・未把握）"):
                        self.assertNotIn(name, expected, name)
                        continue
                    m = re.fullmatch(r"(?:名簿)?(\d+)人（常勤換算([\d.]+)人）(?:＋委託先等の職員（名簿外）)?", cell)
                    self.assertIsNotNone(m, cell)
                    self.assertEqual(int(m.group(1)), expected[name][0], name)
                    self.assertAlmostEqual(float(m.group(2)), expected[name][1], delta=0.006, msg=name)

    def test_staffing_by_field(self):
        for ds, out in self.outs.items():
            with self.subTest(dataset=ds.name):
                seen: dict[str, dict[str, str]] = defaultdict(dict)

                def add(where, t, field_col, people_col, fte_col):
                    headers, rows = t
                    f, p, e = headers.index(field_col), headers.index(people_col), headers.index(fte_col)
                    for r in rows:
                        if len(r) <= max(f, p, e) or r[f] in ("計", "合計", "役割に配分されていない分"):
                            continue
                        field = r[f].replace("（分野横断の役割）", "")
                        seen[field][where] = number(r[p]) + " / " + number(r[e])

                for where, t in self.all_tables(out):
                    if {"役割の分野", "実人数", "常勤換算"} <= set(t[0]):
                        add(where, t, "役割の分野", "実人数", "常勤換算")
                    elif where.endswith("人員配置_分野別の常勤換算.csv"):
                        add(where, t, "分野", "実人数", "常勤換算")
                for t in tables_in_sheet(self.workbook(out).get("人員配置", []), ["分野", "常勤換算", "実人数"]):
                    add("審議会資料.xlsx 人員配置", t, "分野", "実人数", "常勤換算")
                self.assertGreaterEqual(min((len(p) for p in seen.values()), default=0), 2, seen)
                self.agree(seen, "分野別の職員")

    def test_meetings_held(self):
        for ds, out in self.outs.items():
            with self.subTest(dataset=ds.name):
                meetings = read_input_csv(ds / "meetings.csv")
                id_of = {m["会議名"]: m["ID"] for m in meetings}
                seen: dict[str, dict[str, str]] = defaultdict(dict)
                for where, t in self.all_tables(out):
                    if "会議名" in t[0] and "開催回数" in t[0]:
                        for name, held in rows_by(t, "会議名", "開催回数").items():
                            if name and name not in ("計", "合計"):
                                seen[id_of.get(name, name)][where] = number(held)
                for t in tables_in_sheet(self.workbook(out).get("会議体", []), ["ID", "会議名", "開催回数"]):
                    for mid, held in rows_by(t, "ID", "開催回数").items():
                        if mid in id_of.values():
                            seen[mid]["審議会資料.xlsx 会議体"] = number(held)
                # Each meeting's page: 「開催実績（N回）」.
                for page in (out / "site" / "meetings").glob("*.html"):
                    m = re.search(r"開催実績（(\d+)回）", read_page(page))
                    if m and page.stem in id_of.values():
                        seen[page.stem][str(page.relative_to(out))] = m.group(1)
                self.assertEqual(set(seen), set(id_of.values()))
                self.agree(seen, "開催回数")

    def test_organisations(self):
        items = read_input_csv(source_dir() / "data" / "plan" / "welfare_plan_items.csv")
        methods = {m for it in items for m in split_multi(it["methods"])}
        for ds, out in self.outs.items():
            with self.subTest(dataset=ds.name):
                # The oracle: every organisation named in 実施主体 of a service
                # run by others (data/plan/welfare_plan_items.csv methods), once.
                expected = []
                for s in read_input_csv(ds / "services.csv"):
                    if nfkc(s.get("実施方法", "")) in methods:
                        for name in split_multi(s.get("実施主体", "")):
                            if name not in expected:
                                expected.append(name)
                checked = 0
                for path in sorted(list((out / "plan").rglob("*.md")) + list((out / "site" / "plan").rglob("*.html"))):
                    text = read_page(path)
                    tables = markdown_tables(text) if path.suffix == ".md" else html_tables(text)
                    for m in re.finditer(r"(\d+)の団体・法人", text):
                        after = text[m.end():]
                        t = next(t for t in (markdown_tables(after) if path.suffix == ".md" else html_tables(after))
                                 if t[0] and t[0][0] == "実施主体")
                        names = [r[0] for r in t[1]]
                        self.assertEqual(int(m.group(1)), len(names), path)
                        if "/site/" not in str(path):  # the site shows public services only
                            self.assertEqual(names, expected, path)
                        self.assertEqual(len(set(names)), len(names), path)  # one row per organisation
                        for n in names:
                            self.assertFalse(re.search(r"[;；]", n), f"{path}: 実施主体 printed raw: {n}")
                        checked += 1
                    del tables
                # Every 実施主体 cell of the plan's service tables and of the
                # inventory CSV lists the organisations, never 「A;B」.
                for where, t in self.all_tables(out):
                    if "実施主体" in t[0]:
                        for r in t[1]:
                            cell = r[t[0].index("実施主体")] if len(r) > t[0].index("実施主体") else ""
                            self.assertFalse(re.search(r"[;；]", cell), f"{where}: {cell}")
                self.assertGreater(checked, 0)

    def test_funding_totals(self):
        for ds, out in self.outs.items():
            with self.subTest(dataset=ds.name):
                seen: dict[str, dict[str, str]] = defaultdict(dict)
                cols = ["事業費", "国", "都道府県", "市町村等"]

                def add(where, t, label_col):
                    headers, rows = t
                    k = headers.index(label_col)
                    for r in rows:
                        if len(r) <= k or not r[k]:
                            continue
                        label = r[k]
                        label = "合計" if label in ("合計", "計") else label
                        seen[label][where] = " / ".join(number(r[headers.index(c)]) for c in cols)

                # The plans' tables name the 号 in their first column (「第1号」),
                # the workbook and the CSV in 区分 beside the number.
                for where, t in self.all_tables(out):
                    if where.endswith("財源内訳_号別の合計.csv"):
                        add(where, t, "区分")
                    elif t[0] and t[0][0] == "号" and all(c in t[0] for c in cols):
                        add(where, t, "区分" if "区分" in t[0] else "号")
                # The 号 totals are their own sheet (号別の合計) since the print rework.
                for t in tables_in_sheet(self.workbook(out).get("号別の合計", []), ["号", "区分", "事業費", "国", "市町村等"]):
                    if t[0][0] == "号":
                        add("審議会資料.xlsx 財源内訳", t, "区分")
                if not seen:
                    continue  # a municipality without the 重層事業 has no breakdown
                self.assertTrue(any(len(p) >= 2 for p in seen.values()), seen)
                self.agree(seen, "財源の合計")

    def test_staff_totals(self):
        for ds, out in self.outs.items():
            with self.subTest(dataset=ds.name):
                staff = read_input_csv(ds / "staff.csv")
                areas = {nfkc(a["ID"]): a for a in read_input_csv(ds / "areas.csv")}
                top = next(i for i, a in areas.items() if nfkc(a["層"]) == "1")
                # The oracle, from staff.csv: the roster's 実人数 and 常勤換算,
                # and per 圏域 the 常勤換算 given to roles (配分; a person
                # without a role counts whole), split over the person's
                # 担当圏域 (none or none known: the 層1 area).
                total = 0.0
                by_area: dict[str, float] = defaultdict(float)
                for p in staff:
                    fte = float(nfkc(p.get("常勤換算", "")) or 1)
                    total += fte
                    shares = [float(x) for x in split_multi(nfkc(p.get("配分", "")))]
                    counted = fte * (sum(shares) if shares and split_multi(p.get("役割", "")) else 1.0)
                    mine = [a for a in dict.fromkeys(split_multi(nfkc(p.get("担当圏域", "")))) if a in areas] or [top]
                    for a in mine:
                        by_area[a] += counted / len(mine)
                expected = f"{len(staff)} / {number(f'{total:.2f}')}"

                # The same total wherever it is shown.
                seen: dict[str, str] = {}
                unassigned = 0.0
                for where, t in self.all_tables(out):
                    headers, rows = t
                    if where == "site/index.html":
                        for r in rows:
                            if r and r[0] == "コーディネーター等の配置":
                                m = re.fullmatch(r"([\d,]+)人（常勤換算 ([\d.]+)人）", r[1])
                                self.assertIsNotNone(m, r[1])
                                seen[where] = number(m.group(1)) + " / " + number(m.group(2))
                    if {"役割の分野", "実人数", "常勤換算"} <= set(headers) and where.endswith(".md"):
                        f, n, e = (headers.index(c) for c in ("役割の分野", "実人数", "常勤換算"))
                        for r in rows:
                            if r[f] == "計":
                                seen[where] = number(r[n]) + " / " + number(r[e])
                            elif r[f] == "役割に配分されていない分":
                                unassigned = float(number(r[e]))
                overview = {r[0]: r[1] for r in self.workbook(out).get("概要", []) if len(r) >= 2}
                seen["審議会資料.xlsx 概要"] = (number(overview["コーディネーター等（実人数）"]) + " / " +
                                            number(overview["常勤換算の合計"]))
                self.assertIn("site/index.html", seen)
                self.assertTrue(any(w.endswith(".md") for w in seen), seen)
                self.agree({"職員の合計": seen}, "職員の合計")
                self.assertEqual(next(iter(seen.values())), expected, seen)

                # Each area page: its 合計 is staff.csv's, and its rows add up to it.
                area_sum = 0.0
                for a in areas:
                    page = out / "site" / "areas" / f"{a}.html"
                    tables = [t for t in html_tables(read_page(page))
                              if t[0] == ["分野", "常勤換算", "グラフ"]]
                    if not tables:
                        self.assertAlmostEqual(by_area.get(a, 0.0), 0.0, delta=1e-9, msg=a)
                        continue
                    rows = {r[0]: float(number(r[1])) for r in tables[0][1]}
                    shown = rows.pop("合計")
                    self.assertAlmostEqual(shown, by_area[a], delta=0.006, msg=a)
                    self.assertAlmostEqual(sum(rows.values()), shown, delta=0.006 * (len(rows) + 1), msg=a)
                    area_sum += shown
                # All areas together: the plan's 計 less what no role was given.
                self.assertAlmostEqual(area_sum, total - unassigned, delta=0.006 * (len(areas) + 1))



class UnknownRoleLabel(unittest.TestCase):
    """A role that data/roles.csv does not list has one label everywhere
    (base/wording.h kUnknownRoleField): the plan's and the workbook's
    「役割一覧にない役割」, on the site's area pages too (they said 「その他」)."""

    LABEL = "役割一覧にない役割"

    def test_one_label_in_plan_workbook_and_area_pages(self):
        import shutil
        with temp_dir("kyosei-unknown-role-") as tmp:
            ds = tmp / "in"
            shutil.copytree(source_dir() / "inputs", ds)
            staff = ds / "staff.csv"
            text = staff.read_text(encoding="utf-8-sig")
            # P02: 1.0 人, one role, 担当圏域 A10;A20 -> 0.5 on each area page.
            lines = text.split("\n")
            i = next(n for n, l in enumerate(lines) if l.startswith("P02,"))
            self.assertIn(",多機関協働事業の担当者,,1,", lines[i])
            lines[i] = lines[i].replace(",多機関協働事業の担当者,,1,", ",独自の見守り担当,,1,")
            staff.write_text("\n".join(lines), encoding="utf-8")
            out = tmp / "out"
            r = run_kyosei("build", ds, "-o", out, "-q", timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr)

            area_rows = {}
            for page in sorted((out / "site" / "areas").glob("*.html")):
                for headers, rows in html_tables(read_page(page)):
                    if headers[:2] == ["分野", "常勤換算"]:
                        area_rows[page.name] = {r[0]: r[1] for r in rows if r}
            self.assertTrue(area_rows, "no area page with a 分野 table")
            for name, rows in area_rows.items():
                self.assertNotIn("その他", rows, name)
            with_label = {n: number(rows[self.LABEL]) for n, rows in area_rows.items() if self.LABEL in rows}
            self.assertEqual(len(with_label), 2, with_label)  # A10 and A20
            self.assertEqual(set(with_label.values()), {"0.5"}, with_label)

            drafts = [p for p in sorted((out / "plan").rglob("*.md")) if self.LABEL in read_page(p)]
            self.assertTrue(drafts, "no plan draft names " + self.LABEL)
            sheet = xlsx_tables(out / "excel" / "審議会資料.xlsx").get("人員配置", [])
            self.assertTrue(any(self.LABEL in c for row in sheet for c in row), "人員配置 sheet")

if __name__ == "__main__":
    unittest.main()
