#!/usr/bin/env python3
"""The `layers` test: no file under generator/ includes a header of a layer
it may not use (generator/layers.txt).

    python3 tests/check_layers.py [SOURCE_DIR]     check the tree
    python3 tests/check_layers.py --self-test      check that a wrong include is found

Every violation is printed as file:line: the include, the file's layer and
the header's layer; the exit status is 1 when there is any. The build finds
most of them too (each library sees only its layers), but not in tests,
which are compiled into one binary that sees everything; this test covers
every file.

It also checks that reference data is reached through its one module:
outside read/ (which loads the files) and tests, no file calls a
builtin_* loader of model/ (builtin_schema, builtin_reference, …) but
reference_data() of model/reference_data.h; and no writer or command calls
builtin_findings_config or builtin_funding_rules (analyse/ owns them; a
writer reads Analysis::findings_config). And the shared words of
base/wording.h (未把握, 全域, 直営 …) are written there only: a string literal
that is exactly one of them, anywhere else outside tests, is reported.
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
REFERENCE_LOADER = re.compile(r"\bbuiltin_(schema|reference|plan_reference|municipality_keys)\s*\(\s*\)")
ANALYSE_LOADER = re.compile(r"\bbuiltin_(findings_config|funding_rules)\s*\(\s*\)")
WORD = re.compile(r'inline\s+constexpr\s+const\s+char\s*\*\s*(k\w+)\s*=\s*"([^"]+)"')
TEST_FILE = re.compile(r"(_test|_test_support|_fuzz|_perftest)\.(cc|h)$")


def read_layers(gen):
    layers, allows = {}, []  # name -> (folder, [deps]); [(file_or_folder, header)]
    order = []
    with open(os.path.join(gen, "layers.txt"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            if words[0] == "layer" and len(words) >= 3:
                layers[words[1]] = (words[2], words[3:])
                order.append(words[1])
            elif words[0] == "allow" and len(words) == 3:
                allows.append((words[1], words[2]))
            else:
                raise SystemExit(f"generator/layers.txt:{n}: unknown line: {line.strip()}")
    present = [n for n in order if os.path.isdir(os.path.join(gen, layers[n][0]))]

    def direct(name, seen=()):
        out = []
        for d in layers[name][1]:
            if d not in layers:
                raise SystemExit(f"generator/layers.txt: {name} names unknown layer {d}")
            out += [d] if d in present else direct(d)
        return out

    visible = {}
    for name in present:  # lowest first
        vis = {name}
        for d in direct(name):
            vis |= visible[d]
        visible[name] = vis
    return {n: layers[n][0] for n in present}, visible, allows


def owner(path, folders):
    """The layer whose folder is the longest prefix of path (relative to generator/)."""
    best = None
    for name, folder in folders.items():
        if path.startswith(folder + "/") and (best is None or len(folder) > len(folders[best])):
            best = name
    return best


def check(gen):
    folders, visible, allows = read_layers(gen)
    problems = []
    for root, _, files in os.walk(gen):
        for fn in sorted(files):
            if not fn.endswith((".h", ".cc")):
                continue
            rel = os.path.relpath(os.path.join(root, fn), gen).replace(os.sep, "/")
            mine = owner(rel, folders)
            if mine is None:
                problems.append(f"generator/{rel}: in no layer of generator/layers.txt")
                continue
            with open(os.path.join(root, fn), encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    header = m.group(1)
                    if not os.path.exists(os.path.join(gen, header)):
                        continue  # generated or not ours
                    theirs = owner(header, folders)
                    if theirs in visible[mine]:
                        continue
                    if any(header == h and (rel == a or rel.startswith(a.rstrip("/") + "/")) for a, h in allows):
                        continue
                    problems.append(f'generator/{rel}:{n}: #include "{header}": layer {mine} may not use layer {theirs}')
    return problems + check_reference_calls(gen)


def check_reference_calls(gen):
    """Calls of the builtin_* loaders outside the module that owns them, and
    shared words of base/wording.h written as literals elsewhere."""
    problems = []
    words = {}
    wording = os.path.join(gen, "base", "wording.h")
    if os.path.exists(wording):
        with open(wording, encoding="utf-8") as f:
            words = {text: name for name, text in WORD.findall(f.read())}
    for root, _, files in os.walk(gen):
        for fn in sorted(files):
            rel = os.path.relpath(os.path.join(root, fn), gen).replace(os.sep, "/")
            if not fn.endswith((".h", ".cc")) or TEST_FILE.search(fn) or rel.startswith("read/"):
                continue
            with open(os.path.join(root, fn), encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    code = line.split("//", 1)[0]
                    for lit in re.findall(r'"((?:[^"\\]|\\.)*)"', code):
                        if lit in words and rel != "base/wording.h" and not INCLUDE.match(line):
                            problems.append(f'generator/{rel}:{n}: "{lit}": use {words[lit]} (base/wording.h)')
                    if rel.startswith("model/") and rel.endswith(".h"):
                        continue  # the declarations
                    m = REFERENCE_LOADER.search(code)
                    if m:
                        problems.append(f"generator/{rel}:{n}: {m.group(0)}: use reference_data() (model/reference_data.h)")
                    m = ANALYSE_LOADER.search(code)
                    if m and not rel.startswith("analyse/"):
                        problems.append(f"generator/{rel}:{n}: {m.group(0)}: owned by analyse/; a writer reads the Analysis")
    return sorted(problems)


def self_test():
    with tempfile.TemporaryDirectory() as tmp:
        gen = os.path.join(tmp, "generator")
        for d in ("base", "read", "write/site", "write/plan"):
            os.makedirs(os.path.join(gen, d))
        with open(os.path.join(gen, "layers.txt"), "w", encoding="utf-8") as f:
            f.write("layer base base\nlayer read read base\nlayer write_plan write/plan read\n"
                    "layer write_site write/site write_plan\nallow read/b.cc write/plan/p.h\n")
        files = {
            "base/a.h": "",
            "base/wording.h": 'inline constexpr const char* kUnknown = "未把握";\n',
            "write/site/w.cc": 'auto a = "未把握";\nauto b = "一部未把握";\n',  # the word alone: wrong
            "read/r.h": '#include "base/a.h"\n',               # down: fine
            "read/b.cc": '#include "write/plan/p.h"\n',         # allowed exception
            "read/bad.cc": '#include "write/site/s.h"\n',       # up: wrong
            "write/plan/p.h": '#include "read/r.h"\n',
            "write/plan/q.cc": '#include "write/site/s.h"\n',   # sibling, not named: wrong
            "write/site/s.h": '#include "write/plan/p.h"\n',    # sibling it names: fine
            "read/loader.cc": "auto& s = builtin_schema();\n",  # the readers load: fine
            "write/site/t.cc": "// builtin_schema() in a comment: fine\n"
                               "auto& s = builtin_schema();\n",   # a writer loading: wrong
            "write/site/t_test.cc": "auto& s = builtin_reference();\n",  # a test: fine
            "write/plan/c.cc": "auto& c = builtin_findings_config();\n",  # a writer: wrong
        }
        for rel, text in files.items():
            with open(os.path.join(gen, rel), "w", encoding="utf-8") as f:
                f.write(text)
        got = check(gen)
        want = ['generator/read/bad.cc:1: #include "write/site/s.h": layer read may not use layer write_site',
                'generator/write/plan/q.cc:1: #include "write/site/s.h": layer write_plan may not use layer write_site',
                "generator/write/site/t.cc:2: builtin_schema(): use reference_data() (model/reference_data.h)",
                "generator/write/plan/c.cc:1: builtin_findings_config(): owned by analyse/; a writer reads the Analysis",
                'generator/write/site/w.cc:1: "未把握": use kUnknown (base/wording.h)']
        if sorted(got) != sorted(want):
            print("self-test failed; found:\n  " + "\n  ".join(got))
            return 1
        print("self-test: both wrong includes and both wrong loader calls and the shared word found, nothing else")
        return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    problems = check(os.path.join(src, "generator"))
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} include(s), loader call(s) or shared word(s) break the rules of generator/layers.txt")
        return 1
    print("every include follows generator/layers.txt; reference data is read through reference_data(); shared words come from base/wording.h")
    return 0


if __name__ == "__main__":
    sys.exit(main())
