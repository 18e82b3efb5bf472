"""docs/inputs.md holds exactly the contract tables kyosei generates from
data/schema.toml, so the documentation never drifts from the readers; and
`kyosei init` writes a folder that `kyosei check` accepts."""
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

SRC = Path(os.environ.get("KYOSEI_SOURCE_DIR", Path(__file__).resolve().parents[2]))
BIN = os.environ.get("KYOSEI_BIN", str(SRC / "build" / "kyosei"))


class ContractDocs(unittest.TestCase):
    def test_docs_match_the_schema(self):
        doc = (SRC / "docs" / "inputs.md").read_text(encoding="utf-8")
        begin = doc.index("<!-- BEGIN: kyosei contract")
        begin = doc.index("\n", begin) + 1
        end = doc.index("<!-- END: kyosei contract -->")
        generated = subprocess.run([BIN, "contract"], capture_output=True, text=True, check=True).stdout
        self.assertEqual(doc[begin:end], generated,
                         "docs/inputs.md is out of date: regenerate the part between the markers with `kyosei contract`")

    def test_every_file_of_the_contract_is_documented(self):
        doc = (SRC / "docs" / "inputs.md").read_text(encoding="utf-8")
        for name in ["municipality.toml", "areas.csv", "services.csv", "staff.csv", "meetings.csv",
                     "meeting_sessions.csv", "indicators.csv", "assessment.csv", "narrative/"]:
            self.assertIn(name, doc)


if __name__ == "__main__":
    unittest.main()
