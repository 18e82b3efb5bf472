"""Browser test of the public site's Japanese typography (registered in
tests/tests.cmake as browser_typography): builds the site of inputs/ and of
every example, then runs typography_checks.mjs in Debian's chromium —
numbers, amounts, dates and words never broken across lines at 1280 and
390 px (measured with Range rectangles), no page scrolling sideways,
tel: links, a phone header that leaves the content on screen — and saves
screenshots under tests/artifacts/typography/ (KYOSEI_ARTIFACTS overrides
tests/artifacts). Exit 0 when everything passed, 1 otherwise, 2 when it
cannot run (no node, chromium or `npm ci --prefix tests/browser`)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SRC = Path(os.environ.get("KYOSEI_SOURCE_DIR", Path(__file__).resolve().parents[2]))
BIN = os.environ.get("KYOSEI_BIN", str(SRC / "build" / "kyosei"))
HERE = SRC / "tests" / "browser"
ARTIFACTS = Path(os.environ.get("KYOSEI_ARTIFACTS", SRC / "tests" / "artifacts")) / "typography"
SCREENSHOTS = ["index.html", "services/S001.html", "plan/jusou/09.html", "areas/A10.html", "meetings/index.html"]


def cannot_run(why):
    print(f"ブラウザーの試験を実行できません: {why}", file=sys.stderr)
    sys.exit(2)


def main():
    if not Path(BIN).exists():
        cannot_run(f"kyosei がありません: {BIN}")
    if not shutil.which("node") or not Path("/usr/bin/chromium").exists():
        cannot_run("node と chromium が必要です（Debian: apt-get install nodejs npm chromium）")
    if not (HERE / "node_modules" / "playwright-core").exists():
        cannot_run("playwright-core がありません（npm ci --prefix tests/browser）")
    datasets = [SRC / "inputs"] + sorted(p for p in (SRC / "examples").iterdir() if (p / "municipality.toml").exists())
    with tempfile.TemporaryDirectory(prefix="kyosei-typography-") as tmp:
        tmp = Path(tmp)
        sites = []
        for ds in datasets:
            out = tmp / ds.name
            r = subprocess.run([BIN, "build", str(ds), "-o", str(out), "-q"], capture_output=True, text=True)
            if r.returncode != 0:
                print(r.stderr, file=sys.stderr)
                cannot_run(f"{ds} のビルドに失敗しました")
            sites.append({"name": ds.name, "dir": str(out / "site")})
        config = tmp / "config.json"
        config.write_text(json.dumps({"sites": sites, "artifacts": str(ARTIFACTS), "screenshots": SCREENSHOTS},
                                     ensure_ascii=False), encoding="utf-8")
        return subprocess.run(["node", str(HERE / "typography_checks.mjs"), str(config)], cwd=HERE).returncode


if __name__ == "__main__":
    sys.exit(main())
