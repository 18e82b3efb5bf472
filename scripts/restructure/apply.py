"""The work of apply.sh (see there)."""
import fnmatch
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Folders compiled into the binary (cmake/embed.cmake); some of their files
# are copied into the outputs.
EMBEDDED = ("data/", "templates/", "site/")


def git(*args, root):
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def read_rules(path):
    rules = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            if len(words) != 2:
                sys.exit(f"{path}:{n}: expected 'GLOB FOLDER', got: {line.strip()}")
            rules.append((words[0], words[1]))
    return rules


def main():
    dry = "--dry-run" in sys.argv[1:]
    commit = "--commit" in sys.argv[1:]
    unknown = [a for a in sys.argv[1:] if a not in ("--dry-run", "--commit")]
    if unknown:
        sys.exit(f"apply.sh: unknown argument {unknown[0]} (usage: apply.sh [--dry-run] [--commit])")
    root = git("rev-parse", "--show-toplevel", root=HERE).strip()
    tracked = git("ls-files", "-z", root=root).split("\0")
    tracked = [t for t in tracked if t]

    # 1. The moves.
    families = read_rules(os.path.join(HERE, "write_families.txt"))
    moves, warnings = [], []
    for path in tracked:
        d, name = os.path.split(path)
        if d != "generator/write":
            continue
        family = next((fam for glob, fam in families if fnmatch.fnmatchcase(name, glob)), None)
        if family is None:
            warnings.append(f"warning: {path}: no rule in scripts/restructure/write_families.txt; left in write/")
        elif family != ".":
            moves.append((path, f"generator/write/{family}/{name}"))
    for glob, dest in read_rules(os.path.join(HERE, "other_moves.txt")):
        for path in tracked:
            if fnmatch.fnmatchcase(path, glob):
                moves.append((path, f"{dest}/{os.path.basename(path)}"))
    for _, new in moves:
        if os.path.exists(os.path.join(root, new)):
            sys.exit(f"apply.sh: {new} exists already; nothing was changed")

    # 2. What mentions them: "write/site_page.h" (relative to generator/, as
    # includes are written) and so also "generator/write/site_page.h".
    mapping = {}
    for old, new in moves:
        mapping[old[len("generator/"):]] = new[len("generator/"):]
    edits, notes = {}, []
    if mapping:
        pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(o) for o in sorted(mapping, key=len, reverse=True))
                             + r")(?![\w.])")
        for path in tracked:
            if path.startswith(("tests/golden/", "scripts/restructure/")) or not os.path.isfile(os.path.join(root, path)):
                continue
            embedded = path.startswith(EMBEDDED)
            if not path.endswith((".h", ".cc", ".cmake", ".txt", ".md", ".py", ".sh", ".toml", ".js")):
                continue
            with open(os.path.join(root, path), encoding="utf-8", errors="surrogateescape") as f:
                text = f.read()
            new_text, count = pattern.subn(lambda m: mapping[m.group(1)], text)
            if count and embedded:
                notes.append(f"note: {path} mentions a moved file; not rewritten: it is compiled into the "
                             "binary and may be copied into outputs, which must stay byte-identical")
            elif count:
                edits[path] = (new_text, count)

    for w in warnings + notes:
        print(w)
    if not moves:
        print("apply.sh: nothing to move; generator/write/ is in families already")
    by_family = {}
    for old, new in moves:
        by_family.setdefault(os.path.dirname(new), []).append(os.path.basename(old))
    for folder in sorted(by_family):
        print(f"{folder}/: {len(by_family[folder])} files ({', '.join(sorted(by_family[folder]))})")
    if edits:
        print(f"references rewritten: {sum(c for _, c in edits.values())} in {len(edits)} files")
    if dry or not moves and not edits:
        return 0

    dirty = git("status", "--porcelain", "--untracked-files=no", root=root)
    if dirty.strip():
        sys.exit("apply.sh: the checkout has uncommitted changes; commit or stash them first. Nothing was changed.")
    for old, new in moves:
        os.makedirs(os.path.join(root, os.path.dirname(new)), exist_ok=True)
        git("mv", old, new, root=root)
    for path, (text, _) in edits.items():
        path = next((new for old, new in moves if old == path), path)
        with open(os.path.join(root, path), "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(text)
        git("add", path, root=root)
    print(f"moved {len(moves)} files; changes are staged")

    check = subprocess.run([sys.executable, os.path.join(root, "tests", "check_layers.py"), root])
    if commit:
        git("commit", "-q", "-m", "Restructure: generator/write/ in one folder per output family "
            "(scripts/restructure/apply.sh; files moved, includes rewritten, no other change)", root=root)
        print("committed")
    return check.returncode


if __name__ == "__main__":
    sys.exit(main())
