"""The bad-input corpus (tests/bad/, see its README.md).

Each case is the valid dataset tests/bad/base/ with some files replaced or
removed. Error cases must make `kyosei build` exit 2 with exactly the
diagnostics listed in the case's expected.txt, and leave a previous output
folder byte for byte as it was. Warning-only cases must pass `check` (exit 0)
and fail `check --strict` / `build --strict` (exit 2, output untouched).
"""
from __future__ import annotations

import collections
import concurrent.futures
import os
import re
import shutil
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kyosei_test_support as kts  # noqa: E402

BAD = kts.source_dir() / "tests" / "bad"
BASE = BAD / "base"
CONTROL_FILES = {"expected.txt", "remove.txt", "encrypt.txt", "known-bug.txt", ".generated"}
CASE_NAME = re.compile(r"^\d{3}-[a-z0-9-]+$")
MIN_CASES = 200
# An expected.txt line: the place and severity, then optionally ": " and
# text the diagnostic's message must contain.
EXPECTED_LINE = re.compile(r"^(?P<prefix>[^:]+(:\d+(:[^:]+)?)?: (エラー|警告))(: (?P<message>.+))?$")


def case_dirs() -> list[Path]:
    return sorted(p for p in BAD.iterdir() if p.is_dir() and p.name != "base")


def cases_to_run() -> list[Path]:
    """All cases; every Nth with KYOSEI_BAD_STRIDE=N (the sanitizer run)."""
    return case_dirs()[::max(1, int(os.environ.get("KYOSEI_BAD_STRIDE", "1")))]


def read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def make_dataset(case: Path, target: Path) -> None:
    """base + the case's files - remove.txt; encrypt.txt targets are made now."""
    kts.copy_tree(BASE, target)
    for src in sorted(case.rglob("*")):
        rel = src.relative_to(case)
        if src.is_dir() or (len(rel.parts) == 1 and rel.name in CONTROL_FILES):
            continue
        dst = target / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
    for rel in read_lines(case / "remove.txt"):
        p = target / rel
        if p.is_dir():
            shutil.rmtree(p)
        else:
            p.unlink()
    for rel in read_lines(case / "encrypt.txt"):
        kts.encrypt_pdf(BASE / "documents" / "第1回会議資料.pdf", target / rel)


class BadInputs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = kts.temp_dir("kyosei-bad-")
        cls.tmp = cls._tmp.__enter__()
        # One real previous output, built once and copied for every case.
        cls.base_out = cls.tmp / "base-out" / "out"
        r = kts.run_kyosei("build", BASE, "-o", cls.base_out, "--quiet")
        if r.returncode != 0:
            cls._tmp.__exit__(None, None, None)
            raise AssertionError(f"building tests/bad/base failed ({r.returncode}):\n{r.stderr}")
        cls.base_snapshot = kts.snapshot_tree(cls.base_out)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.__exit__(None, None, None)

    def test_base_is_valid(self):
        r = kts.run_kyosei("check", BASE)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(kts.parse_diagnostics(r.stderr, BASE), [], r.stderr)
        self.assertIn(".kyosei-output", self.base_snapshot)

    def test_accepted_variants(self):
        """What the contract accepts must check clean: CP932 with CRLF, UTF-8
        with BOM, headers matched after NFKC and trimming, full-width digits
        and commas, 、 and ； as separators, a trailing % on a percent."""
        with kts.temp_dir() as tmp:
            ds = tmp / "inputs"
            kts.copy_tree(BASE, ds)
            services = (BASE / "services.csv").read_text(encoding="utf-8")
            services = (services.replace('"30,000,000"', '"３０，０００，０００"')
                        .replace("T10;T11,,", "T10、T11,,")
                        .replace("相談支援;多機関協働", "相談支援；多機関協働")
                        .replace(",1,,,2012,", ",１,,,令和8,"))
            (ds / "services.csv").write_bytes(services.replace("\n", "\r\n").encode("cp932"))
            areas = (BASE / "areas.csv").read_text(encoding="utf-8")
            areas = areas.replace("ID,名称,", "ＩＤ , 名称,").replace(",35.2\n", ",35.2%\n")
            (ds / "areas.csv").write_bytes(b"\xef\xbb\xbf" + areas.encode("utf-8"))
            r = kts.run_kyosei("check", ds)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(kts.parse_diagnostics(r.stderr, ds), [], r.stderr)

    def test_empty_rows_are_ignored(self):
        """Excel saves formatted but empty rows as ",,,,,"; they are skipped
        like blank lines."""
        with kts.temp_dir() as tmp:
            ds = tmp / "inputs"
            kts.copy_tree(BASE, ds)
            staff = (BASE / "staff.csv").read_text(encoding="utf-8")
            (ds / "staff.csv").write_text(staff + ",,,,,,,,,,\n,,,,,,,,,,\n", encoding="utf-8")
            r = kts.run_kyosei("check", ds)
            self.assertEqual(kts.parse_diagnostics(r.stderr, ds), [], r.stderr)

    def test_encrypted_pdf_without_qpdf(self):
        """The stdlib fallback of encrypt_pdf makes a PDF kyosei refuses too."""
        with kts.temp_dir() as tmp:
            ds = tmp / "inputs"
            kts.copy_tree(BASE, ds)
            sessions = (BASE / "meeting_sessions.csv").read_text(encoding="utf-8")
            (ds / "meeting_sessions.csv").write_text(sessions.replace(",1年のふりかえり,", ",1年のふりかえり,鍵.pdf"),
                                                     encoding="utf-8")
            (ds / "documents" / "鍵.pdf").write_bytes(kts._rc4_encrypted_pdf(b"user", b"owner"))
            r = kts.run_kyosei("check", ds)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertEqual([d.prefix for d in kts.parse_diagnostics(r.stderr, ds)],
                             ["meeting_sessions.csv:6:資料: エラー"], r.stderr)
            self.assertIn("パスワード", r.stderr)

    def test_corpus_layout(self):
        cases = case_dirs()
        self.assertGreaterEqual(len(cases), MIN_CASES)
        for case in cases:
            with self.subTest(case=case.name):
                self.assertRegex(case.name, CASE_NAME)
                expected = read_lines(case / "expected.txt")
                self.assertTrue(expected, "expected.txt lists no diagnostic")
                for line in expected:
                    self.assertRegex(line, EXPECTED_LINE)
                for rel in read_lines(case / "remove.txt"):
                    self.assertTrue((BASE / rel).exists(), f"remove.txt names {rel}, which base does not have")

    def test_cases(self):
        # The runs are independent, so they go in parallel; the checks of
        # each case then run in order, one subTest per case.
        cases = cases_to_run()
        workers = max(1, min(8, os.cpu_count() or 1))
        with concurrent.futures.ThreadPoolExecutor(workers) as pool:
            runs = dict(zip(cases, pool.map(self.run_case, cases)))
        for case in cases:
            with self.subTest(case=case.name):
                known_bug = read_lines(case / "known-bug.txt")
                try:
                    self.check_case(case, runs[case])
                except AssertionError:
                    if known_bug:
                        self.skipTest("known reader bug: " + " ".join(known_bug))
                    raise
                if known_bug:
                    self.fail("this case passes now: delete its known-bug.txt")

    def run_case(self, case: Path) -> dict:
        """Makes the dataset and the previous output, runs kyosei; returns
        what check_case needs. Runs in a worker thread: no assertions here."""
        work = self.tmp / case.name
        inputs = work / "inputs"
        out = work / "out"
        make_dataset(case, inputs)
        kts.copy_tree(self.base_out, out)
        lines = read_lines(case / "expected.txt")
        expected = collections.Counter(EXPECTED_LINE.match(l).group("prefix") if EXPECTED_LINE.match(l) else l
                                       for l in lines)
        messages = [(m.group("prefix"), m.group("message")) for m in map(EXPECTED_LINE.match, lines)
                    if m and m.group("message")]
        warnings_only = all(p.endswith(": 警告") for p in expected)
        run = {"inputs": inputs, "expected": expected, "messages": messages, "warnings_only": warnings_only,
               "snapshot_before": kts.snapshot_tree(out)}
        if warnings_only:
            run["check"] = kts.run_kyosei("check", inputs)
            run["check_strict"] = kts.run_kyosei("check", "--strict", inputs)
            run["build_args"] = ["build", "--strict", inputs, "-o", out]
        else:
            run["build_args"] = ["build", inputs, "-o", out]
        run["build"] = kts.run_kyosei(*run["build_args"])
        run["snapshot_after"] = kts.snapshot_tree(out)
        run["leftovers"] = kts.leftover_temp_folders(work, "out")
        shutil.rmtree(work)
        return run

    def check_case(self, case: Path, run: dict):
        inputs, expected = run["inputs"], run["expected"]
        self.assertEqual(run["snapshot_before"], self.base_snapshot)
        if run["warnings_only"]:
            r = run["check"]
            self.assertEqual(r.returncode, 0, f"check should pass with warnings only\n{r.stderr}")
            self.assert_diagnostics(r.stderr, inputs, expected)
            r = run["check_strict"]
            self.assertEqual(r.returncode, 2, f"check --strict should fail on warnings\n{r.stderr}")
            self.assert_diagnostics(r.stderr, inputs, expected)
        r = run["build"]
        self.assertEqual(r.returncode, 2, f"{' '.join(map(str, run['build_args'][:2]))} should exit 2\n{r.stderr}")
        self.assert_diagnostics(r.stderr, inputs, expected)
        diags = kts.parse_diagnostics(r.stderr, inputs)
        for prefix, message in run["messages"]:
            self.assertTrue(any(d.prefix == prefix and message in d.line for d in diags),
                            f"no diagnostic {prefix} saying 「{message}」\n--- stderr:\n{r.stderr}")
        self.assertEqual(r.stdout.strip(), "", "a failed build should not list written outputs")
        self.assertEqual(run["snapshot_after"], self.base_snapshot, "the previous output folder changed")
        self.assertEqual(run["leftovers"], [], "a temporary output folder was left behind")

    def assert_diagnostics(self, stderr: str, inputs: Path, expected: collections.Counter):
        diags = kts.parse_diagnostics(stderr, inputs)
        actual = collections.Counter(d.prefix for d in diags)
        missing = expected - actual
        unexpected = actual - expected
        self.assertFalse(missing or unexpected,
                         f"\n  missing:    {sorted(missing.elements())}"
                         f"\n  unexpected: {sorted(unexpected.elements())}\n--- stderr:\n{stderr}")
        for d in diags:
            self.assertTrue(d.line.startswith(str(inputs) + "/"), f"diagnostic without the input folder: {d.line}")
            if d.prefix.endswith(": エラー"):
                # The contract: every error says what value would be right.
                self.assertRegex(d.line, r"。期待される値: \S", f"error without 期待される値: {d.line}")
        errors = sum(1 for d in diags if d.prefix.endswith(": エラー"))
        self.assertEqual(kts.summary_counts(stderr), (errors, len(diags) - errors), stderr)


if __name__ == "__main__":
    unittest.main()
