"""The kyosei command line: help, version, usage errors, init/check/build,
the output folder's safety rules and --strict."""
from __future__ import annotations

import os
import re
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kyosei_test_support as kts  # noqa: E402

BASE = kts.source_dir() / "tests" / "bad" / "base"


class Cli(unittest.TestCase):
    def setUp(self):
        self._tmp = kts.temp_dir("kyosei-cli-")
        self.tmp = self._tmp.__enter__()

    def tearDown(self):
        self._tmp.__exit__(None, None, None)

    def init_dataset(self, name: str = "inputs") -> Path:
        ds = self.tmp / name
        r = kts.run_kyosei("init", ds)
        self.assertEqual(r.returncode, 0, r.stderr)
        return ds

    # ---------------------------------------------------------------- help

    def test_help(self):
        for flag in ("--help", "-h", "help"):
            with self.subTest(flag=flag):
                r = kts.run_kyosei(flag)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn("使い方", r.stdout)
                for word in ("check", "build", "init", "--strict", "終了コード"):
                    self.assertIn(word, r.stdout)

    def test_help_after_command(self):
        r = kts.run_kyosei("build", "--help")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("使い方", r.stdout)

    def test_no_arguments_shows_usage_and_fails(self):
        r = kts.run_kyosei()
        self.assertEqual(r.returncode, 2)
        self.assertIn("使い方", r.stdout + r.stderr)

    def test_version(self):
        for flag in ("--version", "-V"):
            with self.subTest(flag=flag):
                r = kts.run_kyosei(flag)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertRegex(r.stdout, r"^kyosei \d+\.\d+\.\d+")

    # -------------------------------------------------------- usage errors

    def test_unknown_command(self):
        r = kts.run_kyosei("publish", BASE)
        self.assertEqual(r.returncode, 2)
        self.assertIn("publish", r.stderr)
        self.assertIn("--help", r.stderr)

    def test_unknown_option(self):
        for option, args in (("--fast", ("check", "--fast", BASE)), ("--out=x", ("build", BASE, "--out=x"))):
            with self.subTest(option=option):
                r = kts.run_kyosei(*args, cwd=self.tmp)
                self.assertEqual(r.returncode, 2)
                self.assertIn(option, r.stderr)
        self.assertFalse((self.tmp / "x").exists())

    def test_option_without_value(self):
        for flag in ("-o", "--output", "--previous"):
            with self.subTest(flag=flag):
                r = kts.run_kyosei("build", BASE, flag)
                self.assertEqual(r.returncode, 2)
                self.assertIn(flag, r.stderr)

    def test_two_input_folders(self):
        r = kts.run_kyosei("check", BASE, BASE)
        self.assertEqual(r.returncode, 2)

    def test_init_without_folder(self):
        r = kts.run_kyosei("init", cwd=self.tmp)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(list(self.tmp.iterdir()), [])

    # ---------------------------------------------------- init/check/build

    def test_init_check_build(self):
        ds = self.init_dataset()
        for name in ("municipality.toml", "areas.csv", "services.csv", "staff.csv", "meetings.csv",
                     "meeting_sessions.csv", "indicators.csv", "assessment.csv"):
            self.assertTrue((ds / name).is_file(), name)
        r = kts.run_kyosei("check", ds)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(kts.parse_diagnostics(r.stderr, ds), [])
        self.assertIn("問題はありません", r.stdout)
        out = self.tmp / "out"
        r = kts.run_kyosei("build", ds, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue((out / ".kyosei-output").is_file())
        self.assertTrue((out / "site" / "index.html").is_file())
        self.assertEqual(kts.leftover_temp_folders(self.tmp, "out"), [])

    def test_init_into_existing_empty_folder(self):
        (self.tmp / "empty").mkdir()
        self.init_dataset("empty")
        self.assertTrue((self.tmp / "empty" / "municipality.toml").is_file())

    def test_init_refuses_non_empty_folder(self):
        target = self.tmp / "mine"
        target.mkdir()
        (target / "メモ.txt").write_text("大事なメモ\n", encoding="utf-8")
        before = kts.snapshot_tree(target)
        r = kts.run_kyosei("init", target)
        self.assertEqual(r.returncode, 2)
        self.assertIn("空ではない", r.stderr)
        self.assertEqual(kts.snapshot_tree(target), before)

    def test_init_refuses_a_file(self):
        target = self.tmp / "file.txt"
        target.write_text("x\n", encoding="utf-8")
        r = kts.run_kyosei("init", target)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(target.read_text(encoding="utf-8"), "x\n")

    def test_default_folders(self):
        # Without arguments: inputs/ in, out/ out, relative to the working folder.
        self.init_dataset("inputs")
        r = kts.run_kyosei("check", cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = kts.run_kyosei("build", "-q", cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue((self.tmp / "out" / ".kyosei-output").is_file())

    def test_quiet(self):
        r = kts.run_kyosei("check", "-q", BASE)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "")
        r = kts.run_kyosei("build", "--quiet", BASE, "-o", self.tmp / "out")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "")

    def test_trailing_slash_on_folders(self):
        r = kts.run_kyosei("build", str(BASE) + "/", "-o", str(self.tmp / "out") + "/", "-q")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue((self.tmp / "out" / ".kyosei-output").is_file())
        self.assertEqual(kts.leftover_temp_folders(self.tmp, "out"), [])

    # ------------------------------------------------------ missing folders

    def test_check_missing_folder(self):
        r = kts.run_kyosei("check", self.tmp / "ない")
        self.assertEqual(r.returncode, 2)
        self.assertIn("ない", r.stderr)

    def test_build_missing_folder_writes_nothing(self):
        r = kts.run_kyosei("build", self.tmp / "ない", "-o", self.tmp / "out")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()), [])

    def test_check_a_file_instead_of_a_folder(self):
        f = self.tmp / "services.csv"
        f.write_text("ID\n", encoding="utf-8")
        r = kts.run_kyosei("check", f)
        self.assertEqual(r.returncode, 2)

    # ------------------------------------------------------- output folder

    def test_build_refuses_foreign_folder(self):
        out = self.tmp / "documents"
        out.mkdir()
        (out / "議事録.docx").write_bytes(b"user data\x00\x01")
        before = kts.snapshot_tree(out)
        r = kts.run_kyosei("build", BASE, "-o", out)
        self.assertEqual(r.returncode, 2)
        self.assertIn("上書きしません", r.stderr)
        self.assertEqual(kts.snapshot_tree(out), before)
        self.assertEqual(kts.leftover_temp_folders(self.tmp, "documents"), [])

    def test_build_refuses_a_file_as_output(self):
        out = self.tmp / "out"
        out.write_text("not a folder\n", encoding="utf-8")
        r = kts.run_kyosei("build", BASE, "-o", out)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(out.read_text(encoding="utf-8"), "not a folder\n")
        self.assertEqual(kts.leftover_temp_folders(self.tmp, "out"), [])

    def test_build_into_empty_existing_folder(self):
        out = self.tmp / "out"
        out.mkdir()
        r = kts.run_kyosei("build", BASE, "-o", out, "-q")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue((out / ".kyosei-output").is_file())

    def test_rebuild_replaces_previous_output(self):
        out = self.tmp / "out"
        r = kts.run_kyosei("build", BASE, "-o", out, "-q")
        self.assertEqual(r.returncode, 0, r.stderr)
        first = kts.snapshot_tree(out)
        (out / "古いファイル.txt").write_text("stale\n", encoding="utf-8")
        # A file kyosei did not write is never deleted silently (issue 12):
        # the build stops, and --backup moves it aside.
        r = kts.run_kyosei("build", BASE, "-o", out, "-q")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertTrue((out / "古いファイル.txt").exists())
        r = kts.run_kyosei("build", BASE, "-o", out, "-q", "--backup")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertFalse((out / "古いファイル.txt").exists(), "the old output should be replaced as a whole")
        self.assertEqual(set(kts.snapshot_tree(out)), set(first))
        self.assertEqual(kts.leftover_temp_folders(self.tmp, "out"), [])

    def test_failed_build_keeps_previous_output(self):
        out = self.tmp / "out"
        self.assertEqual(kts.run_kyosei("build", BASE, "-o", out, "-q").returncode, 0)
        before = kts.snapshot_tree(out)
        bad = self.tmp / "bad"
        kts.copy_tree(BASE, bad)
        (bad / "services.csv").unlink()
        r = kts.run_kyosei("build", bad, "-o", out)
        self.assertEqual(r.returncode, 2)
        self.assertIn("変更していません", r.stderr)
        self.assertEqual(kts.snapshot_tree(out), before)
        self.assertEqual(kts.leftover_temp_folders(self.tmp, "out"), [])

    # ------------------------------------------------------------ --strict

    def with_warning(self) -> Path:
        ds = self.tmp / "warn"
        kts.copy_tree(BASE, ds)
        staff = (ds / "staff.csv").read_text(encoding="utf-8")
        (ds / "staff.csv").write_text(staff.replace("自立相談支援員", "なんでも相談員"), encoding="utf-8")
        return ds

    def test_strict_turns_warnings_into_failure(self):
        ds = self.with_warning()
        r = kts.run_kyosei("check", ds)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([d.prefix for d in kts.parse_diagnostics(r.stderr, ds)], ["staff.csv:3:役割: 警告"])
        r = kts.run_kyosei("check", "--strict", ds)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("--strict", r.stderr)

    def test_build_with_warnings(self):
        ds = self.with_warning()
        out = self.tmp / "out"
        r = kts.run_kyosei("build", "--strict", ds, "-o", out)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertFalse(out.exists())
        r = kts.run_kyosei("build", ds, "-o", out, "-q")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("staff.csv:3:役割: 警告", r.stderr)
        self.assertTrue((out / ".kyosei-output").is_file())

    # ---------------------------------------------------------- --previous

    def test_previous(self):
        prev = self.init_dataset("prev")
        out = self.tmp / "out"
        r = kts.run_kyosei("build", BASE, "--previous", prev, "-o", out, "-q")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue((out / ".kyosei-output").is_file())

    def test_previous_missing_or_invalid(self):
        out = self.tmp / "out"
        r = kts.run_kyosei("build", BASE, "--previous", self.tmp / "ない", "-o", out)
        self.assertEqual(r.returncode, 2)
        self.assertFalse(out.exists())
        prev = self.init_dataset("prev")
        (prev / "areas.csv").unlink()
        r = kts.run_kyosei("build", BASE, "--previous", prev, "-o", out)
        self.assertEqual(r.returncode, 2)
        self.assertIn(str(prev) + "/areas.csv: エラー", r.stderr)
        self.assertFalse(out.exists())


if __name__ == "__main__":
    unittest.main()
