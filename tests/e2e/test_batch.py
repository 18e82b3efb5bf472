"""kyosei build-all (issue 13): many municipality folders in one run, in
parallel, each built as by `kyosei build`; one bad folder does not stop the
others; --shard K/N; and `build --jobs 1` against `--jobs 2` byte for byte."""
from __future__ import annotations

import csv
import os
import re
import shutil
import signal
import subprocess
import time
import unittest
from pathlib import Path

from kyosei_test_support import kyosei_bin, run_kyosei, snapshot_tree, source_dir, temp_dir, read_page


def check_digit(five: str) -> int:
    r = sum(int(d) * w for d, w in zip(five, (6, 5, 4, 3, 2))) % 11
    return (11 - r) % 10


def code_of(five: str) -> str:
    return five + str(check_digit(five))


def make_municipality(parent: Path, folder: str, five: str) -> Path:
    """A copy of the example inputs with its own 団体コード."""
    target = parent / folder
    shutil.copytree(source_dir() / "inputs", target)
    toml = target / "municipality.toml"
    text = toml.read_text(encoding="utf-8")
    text = re.sub(r'^code = ".*"$', f'code = "{code_of(five)}"', text, count=1, flags=re.M)
    toml.write_text(text, encoding="utf-8")
    return target


# Three municipalities: first five digits 01100, 13101, 47201 -> modulo 2
# they fall into shards 1/2 (even) and 2/2 (odd): 01100 -> 0, 13101 -> 1, 47201 -> 1.
MUNICIPALITIES = [("sapporo", "01100"), ("chiyoda", "13101"), ("naha", "47201")]


class BuildAllTest(unittest.TestCase):
    def setUp(self):
        self._tmp = temp_dir()
        self.tmp = Path(self._tmp.__enter__())
        self.parent = self.tmp / "all"
        self.parent.mkdir()
        for folder, five in MUNICIPALITIES:
            make_municipality(self.parent, folder, five)
        (self.parent / "README.txt").write_text("not a municipality", encoding="utf-8")
        (self.parent / "empty").mkdir()  # no municipality.toml: not a municipality

    def tearDown(self):
        self._tmp.__exit__(None, None, None)

    def test_builds_every_municipality_like_a_single_build(self):
        out = self.tmp / "out"
        r = run_kyosei("build-all", self.parent, "-o", out, "--jobs", "2", timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(p.name for p in out.iterdir()), sorted(f for f, _ in MUNICIPALITIES))
        # Not a terminal: one plain line per municipality, no bar.
        self.assertEqual(len(re.findall(r"^\[\d+/3\] \d{6} \S+ 完成$", r.stdout, re.M)), 3, r.stdout)
        self.assertNotIn("\r", r.stderr)
        # Each municipality's output is what `kyosei build` writes for it alone.
        single = self.tmp / "single"
        r1 = run_kyosei("build", self.parent / "naha", "-o", single, "-q", timeout=600)
        self.assertEqual(r1.returncode, 0, r1.stderr)
        self.assertEqual(snapshot_tree(out / "naha"), snapshot_tree(single))
        index = read_page(out / "chiyoda" / "site" / "index.html")
        self.assertIn("架空市", index)

    def test_one_bad_municipality_is_reported_and_the_others_are_built(self):
        out = self.tmp / "out"
        self.assertEqual(run_kyosei("build-all", self.parent, "-o", out, "-q", timeout=600).returncode, 0)
        before = snapshot_tree(out / "chiyoda")
        services = self.parent / "chiyoda" / "services.csv"
        with services.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        rows[1][rows[0].index("事業費")] = "12万"
        with services.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)
        shutil.rmtree(out / "naha")

        r = run_kyosei("build-all", self.parent, "-o", out, timeout=600)
        self.assertEqual(r.returncode, 2, r.stderr)
        # The place: the folder, file, line and column of the bad value.
        self.assertRegex(r.stderr, re.escape(str(self.parent / "chiyoda" / "services.csv")) + r":2:事業費: エラー: 「12万」")
        self.assertRegex(r.stderr, r"3 団体のうち 1 団体を作れませんでした")
        self.assertRegex(r.stderr, re.compile(r"^  " + code_of("13101") + r" chiyoda（.*入力の誤り）$", re.M))
        self.assertNotIn("sapporo（", r.stderr)
        # The bad one keeps its previous output; the others are (re)built.
        self.assertEqual(snapshot_tree(out / "chiyoda"), before)
        self.assertTrue((out / "naha" / "site" / "index.html").is_file())
        self.assertEqual(len(re.findall(r"完成$", r.stdout, re.M)), 2, r.stdout)

    def test_a_worker_that_dies_fails_only_its_municipality(self):
        """A worker killed while it builds a municipality (as a crash would
        end it): that one is reported with the signal and keeps no output;
        a new worker builds the rest; the next run builds it and removes
        what the killed build left."""
        out = self.tmp / "out"
        folders = {f: code_of(five) for f, five in MUNICIPALITIES}
        for attempt in range(5):  # the kill may land just after a build: then again
            shutil.rmtree(out, ignore_errors=True)
            killed = self.kill_the_worker_building_one(out)
            self.assertIsNotNone(killed, "no worker was ever seen building")
            rc, stdout, stderr = killed[1]
            if rc == 0:
                continue
            folder = killed[0]
            self.assertEqual(rc, 2, stderr)
            self.assertIn(f"{self.parent / folder}: {folders[folder]} {folder} は異常終了しました（シグナル 9）", stderr)
            self.assertRegex(stderr, r"3 団体のうち 1 団体を作れませんでした")
            for other in folders.keys() - {folder}:
                self.assertTrue((out / other / "site" / "index.html").is_file(), other)
            self.assertFalse((out / folder).exists())
            self.assertEqual(len(re.findall(r"完成$", stdout, re.M)), 2, stdout)
            break
        else:
            self.fail("every kill landed between two builds")
        r = run_kyosei("build-all", self.parent, "-o", out, "-q", timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(p.name for p in out.iterdir()), sorted(folders))

    def kill_the_worker_building_one(self, out: Path):
        """Starts build-all --jobs 1, SIGKILLs its worker as soon as a
        municipality's temporary folder appears; (folder, (rc, out, err))."""
        logs = self.tmp / "logs"
        logs.mkdir(exist_ok=True)
        with (logs / "out").open("w+") as so, (logs / "err").open("w+") as se:
            proc = subprocess.Popen([kyosei_bin(), "build-all", str(self.parent), "-o", str(out), "--jobs", "1"],
                                    stdout=so, stderr=se)
            folder = None
            deadline = time.monotonic() + 300
            while folder is None and proc.poll() is None and time.monotonic() < deadline:
                building = [p.name.split(".tmp-")[0] for p in out.glob("*.tmp-*")] if out.is_dir() else []
                if building:
                    folder = building[0]
                    for pid in self.children_of(proc.pid):
                        os.kill(pid, signal.SIGKILL)
                else:
                    time.sleep(0.005)
            rc = proc.wait(timeout=600)
            so.seek(0)
            se.seek(0)
            return None if folder is None else (folder, (rc, so.read(), se.read()))

    @staticmethod
    def children_of(pid: int) -> list[int]:
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
        return found

    def test_shards_split_by_code_and_cover_everything_once(self):
        built = []
        for k in (1, 2):
            out = self.tmp / f"shard{k}"
            r = run_kyosei("build-all", self.parent, "-o", out, "--shard", f"{k}/2", "-q", timeout=600)
            self.assertEqual(r.returncode, 0, r.stderr)
            built.append(sorted(p.name for p in out.iterdir()))
        self.assertEqual(built[0], ["sapporo"])
        self.assertEqual(built[1], ["chiyoda", "naha"])
        # The shard of a municipality depends on its code only: adding one
        # moves no other.
        make_municipality(self.parent, "extra", "01202")  # 1202 % 2 == 0
        out = self.tmp / "again"
        r = run_kyosei("build-all", self.parent, "-o", out, "--shard", "2/2", "-q", timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(p.name for p in out.iterdir()), ["chiyoda", "naha"])

    def test_bad_shard_and_missing_parent(self):
        for bad in ("3/2", "0/2", "1/0", "a/b", "2"):
            r = run_kyosei("build-all", self.parent, "-o", self.tmp / "x", "--shard", bad)
            self.assertEqual(r.returncode, 2, bad)
            self.assertIn("--shard", r.stderr)
        r = run_kyosei("build-all", self.tmp / "nowhere", "-o", self.tmp / "x")
        self.assertEqual(r.returncode, 2)
        self.assertIn("nowhere", r.stderr)
        self.assertFalse((self.tmp / "x").exists())


class JobsTest(unittest.TestCase):
    def test_jobs_1_and_jobs_2_write_the_same_bytes(self):
        with temp_dir() as tmp:
            outs = []
            for jobs in ("1", "2"):
                out = tmp / f"out{jobs}"
                r = run_kyosei("build", source_dir() / "inputs", "-o", out, "--jobs", jobs, "-q", timeout=600)
                self.assertEqual(r.returncode, 0, r.stderr)
                outs.append(snapshot_tree(out))
            self.assertGreater(len(outs[0]), 50)
            self.assertEqual(outs[0], outs[1])

    def test_bad_jobs(self):
        for bad in ("0", "-1", "x", "1000"):
            r = run_kyosei("build", source_dir() / "inputs", "-o", "/nonexistent/out", "--jobs", bad)
            self.assertEqual(r.returncode, 2, bad)
            self.assertIn("--jobs", r.stderr)


if __name__ == "__main__":
    unittest.main()
