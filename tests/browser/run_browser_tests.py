"""Browser tests of the public site (registered in tests/tests.cmake as
browser_site). Builds the site of inputs/, of every example and of the XSS
dataset tests/xss/ into a temporary folder, then runs site_checks.mjs in
Debian's chromium (playwright-core + axe-core from tests/browser/node_modules,
installed by `npm ci --prefix tests/browser`; scripts/setup.sh test does it):

- axe-core (wcag2a, wcag2aa, best-practice) on every page of inputs/ and each
  example, at 1280 and 390 px: 0 violations, no CSP violation, no script
  error, no request leaving the site, nothing scrolling sideways at 390 px;
- the XSS dataset: no payload script runs on any page;
- Japanese search from file://: アウトリーチ, 包括, 子ども食堂 find every page
  whose text contains them (computed here from the built HTML);
- resident queries (RESIDENT_QUERIES: other spellings, kana readings, a
  wrong character) each find the pages listed, among the first results,
  with the match marked in a short snippet;
- screenshots of the top page, the 相談先 page, a leaflet, a service page
  and search results at 1280 and 390 pixels,
  and the axe results as accessibility_results.toml, under tests/artifacts/
  (git-ignored; KYOSEI_ARTIFACTS overrides).

Exit 0 when everything passed, 1 otherwise (2 when it cannot run at all).
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

SRC = Path(os.environ.get("KYOSEI_SOURCE_DIR", Path(__file__).resolve().parents[2]))
BIN = os.environ.get("KYOSEI_BIN", str(SRC / "build" / "kyosei"))
HERE = SRC / "tests" / "browser"
ARTIFACTS = Path(os.environ.get("KYOSEI_ARTIFACTS", SRC / "tests" / "artifacts"))
QUERIES = ["アウトリーチ", "包括", "子ども食堂"]
# What residents type, and the pages of inputs/ each must find among its
# first 10 results. None of these spellings is what the page says.
RESIDENT_QUERIES = [
    ("引きこもり", ["services/S035.html", "help/index.html"]),        # page: ひきこもり
    ("子供", ["services/S016.html", "services/S019.html"]),            # 子ども / こども
    ("障がい", ["services/S010.html", "services/S011.html"]),          # 障害
    ("こそだて", ["services/S017.html"]),                               # 子育て
    ("そうだん", ["services/S021.html"]),                               # 相談
    ("しょうがい 就労", ["services/S038.html"]),                        # 障害者就労支援センター
    ("かいご", ["services/S006.html"]),                                 # 介護
    ("かいこ", ["services/S006.html"]),                                 # one wrong kana: かいご
    ("ひきこもり相談支授事業", ["services/S035.html"]),                 # 授 for 援
    ("一人暮らし", ["services/S008.html"]),                             # ひとり暮らし too
    ("お年寄り 見守り", ["services/S008.html"]),                        # 高齢者
    ("家賃", ["services/S027.html"]),
    ("ヤングケアラー", ["services/S018.html"]),
    ("不登校", ["services/S044.html"]),
    ("すまい", ["services/S041.html"]),                                 # 住まい
    ("ﾋｷｺﾓﾘ", ["services/S035.html"]),                                 # half-width katakana
]
CHROMIUM = "/usr/bin/chromium"


def cannot_run(why: str) -> None:
    print(f"ブラウザーの試験を実行できません: {why}", file=sys.stderr)
    sys.exit(2)


class MainText(html.parser.HTMLParser):
    """The <h1> and the text inside <main>: what the search index holds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth > 0:
            self.parts.append(data)


def compact(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def expected_hits(site: Path, query: str) -> list[str]:
    """Pages (but the site map and the search page) whose main text has the query."""
    out = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel in ("search.html", "sitemap.html"):
            continue
        if rel.startswith("help/") and rel != "help/index.html":
            continue  # the 圏域 leaflets repeat help/index.html and are not indexed
        p = MainText()
        p.feed(page.read_text(encoding="utf-8"))
        if compact(query) in compact("".join(p.parts)):
            out.append(rel)
    return out


def build(dataset: Path, out: Path) -> Path:
    r = subprocess.run([BIN, "build", str(dataset), "-o", str(out), "-q"], capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)
        cannot_run(f"{dataset} のビルドに失敗しました（終了コード {r.returncode}）")
    return out / "site"


def main() -> int:
    if not Path(BIN).exists():
        cannot_run(f"kyosei がありません: {BIN}")
    node = shutil.which("node")
    if not node:
        cannot_run("node がありません（Debian: apt-get install nodejs npm）")
    if not Path(CHROMIUM).exists():
        cannot_run(f"{CHROMIUM} がありません（Debian: apt-get install chromium）")
    if not (HERE / "node_modules" / "playwright-core").exists() or not (HERE / "node_modules" / "axe-core").exists():
        cannot_run("playwright-core と axe-core がありません（npm ci --prefix tests/browser）")

    with tempfile.TemporaryDirectory(prefix="kyosei-browser-") as tmp:
        tmp = Path(tmp)
        datasets = [SRC / "inputs"] + sorted(p for p in (SRC / "examples").iterdir() if (p / "municipality.toml").exists())
        sites = [{"name": ds.name, "dir": str(build(ds, tmp / ds.name))} for ds in datasets]
        sites.append({"name": "xss", "dir": str(build(SRC / "tests" / "xss", tmp / "xss"))})
        inputs_site = Path(sites[0]["dir"])

        search = []
        for q in QUERIES:
            expect = expected_hits(inputs_site, q)
            if not expect:
                print(f"NG 検索「{q}」: inputs のサイトにこのことばを含むページがありません（試験の前提が崩れています）")
                return 1
            search.append({"site": "inputs", "query": q, "expect": expect, "marked": True})
        for q, expect in RESIDENT_QUERIES:
            search.append({"site": "inputs", "query": q, "expect": expect, "top": 10, "marked": True})
        first_service = sorted((inputs_site / "services").glob("S*.html"))[0].relative_to(inputs_site).as_posix()
        config = {
            "sites": sites,
            "axe": [s["name"] for s in sites if s["name"] != "xss"],
            "xss": ["xss"],
            "search": search,
            "screenshots": {"site": "inputs", "pages": ["index.html", first_service, "services/index.html",
                                                         "help/index.html", "help/A21.html", "services/S021.html",
                                                         "search.html?q=" + "こそだて"],
                            "dir": str(ARTIFACTS / "screenshots")},
            "results_out": {"site": "inputs", "path": str(ARTIFACTS / "accessibility_results.toml")},
        }
        config_path = tmp / "config.json"
        config_path.write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
        r = subprocess.run([node, str(HERE / "site_checks.mjs"), str(config_path)], cwd=HERE)
        return 0 if r.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
