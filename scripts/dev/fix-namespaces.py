#!/usr/bin/env python3
"""Renames namespaces so that they follow project and folder, and fixes every reference to them.

Rule: a .cs file in src/<Project>/<A>/<B>/ declares `namespace AlgoSpace.<Project>.<A>.<B>;`
(src/Grains/Kernel -> AlgoSpace.Grains.Kernel, src/Grains.Interfaces/Kernel ->
AlgoSpace.Grains.Interfaces.Kernel). Projects outside src/ keep their namespaces; their references are fixed.

Usage:  python3 scripts/dev/fix-namespaces.py [--no-format]
        then: dotnet build AlgoSpace.sln -c Release -v q

Why rules and not a list of files: it is meant to be re-run after other work is merged. It reads the
namespaces the tree declares now, so on a tree that already follows the rule it changes nothing.

What it rewrites, in src/, tests/, bench/, tools/ (.cs) and the RootNamespace of src/ projects:
  - the `namespace` line of each file under src/ that does not follow the rule;
  - `using X;`, `using static X.T;` and `using A = X.T;` for every renamed namespace X. One old namespace
    can become two (AlgoSpace.Kernel was declared by Grains and Grains.Interfaces): a file gets a using for
    each new namespace its project can see (from the ProjectReference graph);
  - usings for what a file saw without one before: the types of its own old namespace and of the old
    namespace's parents (AlgoSpace.Components.Data saw AlgoSpace.Components and AlgoSpace). Usings nobody
    needs are removed afterwards by `dotnet format` (IDE0005 is a warning in .editorconfig);
  - qualified names, full (`AlgoSpace.Components.Journal.IComponentJournal`) or partial
    (`Journal.IComponentJournal`, `Components.Calls.X`), in code, crefs and strings (log categories such as
    "AlgoSpace.Kernel.KernelGrain" that tests look for), each to the namespace that declares that type;
  - strings that are exactly an old namespace, optionally with ".*" (LogEventAreas' scopes): they name
    where log messages are declared, so an old namespace declared by two projects maps to the one that is
    not an interfaces project (see IMPLEMENTATION_FIRST).
"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SOURCE_DIRS = ["src", "tests", "bench", "tools"]
PREFIX = "AlgoSpace"
# Log messages and log categories live in implementation projects, so for a string naming a namespace
# that two projects shared, the implementation's wins (project folder names, most preferred first).
IMPLEMENTATION_FIRST = ["Grains", "Silo", "Client", "Grains.Interfaces"]

NAMESPACE_LINE = re.compile(r"^namespace\s+([\w.]+)\s*;", re.M)
TYPE_DECL = re.compile(
    r"^\s*(?:(?:public|internal|private|protected|file|static|sealed|abstract|partial|readonly|ref|unsafe|new)\s+)*"
    r"(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?|delegate\s+[\w<>\[\]?,. ]+?)\s+(\w+)",
    re.M,
)


def cs_files(top):
    for base, dirs, files in os.walk(os.path.join(ROOT, top)):
        dirs[:] = [d for d in dirs if d not in ("bin", "obj", ".git")]
        for name in files:
            if name.endswith(".cs"):
                yield os.path.join(base, name)


def projects():
    """Every .csproj of the source folders: {project dir: (csproj path, set of referenced project dirs)}."""
    found = {}
    for top in SOURCE_DIRS:
        for base, dirs, files in os.walk(os.path.join(ROOT, top)):
            dirs[:] = [d for d in dirs if d not in ("bin", "obj")]
            for name in files:
                if name.endswith(".csproj"):
                    path = os.path.join(base, name)
                    refs = {
                        os.path.dirname(os.path.normpath(os.path.join(base, r.get("Include").replace("\\", "/"))))
                        for r in ET.parse(path).getroot().iter("ProjectReference")
                    }
                    found[base] = (path, refs)
    return found


def visible_projects(all_projects):
    """Project dir -> itself and every project it references, directly or not."""
    result = {}
    for start in all_projects:
        seen, stack = set(), [start]
        while stack:
            current = stack.pop()
            if current in seen or current not in all_projects:
                continue
            seen.add(current)
            stack.extend(all_projects[current][1])
        result[start] = seen
    return result


def project_of(path, all_projects):
    best = None
    for directory in all_projects:
        if path.startswith(directory + os.sep) and (best is None or len(directory) > len(best)):
            best = directory
    return best


def target_namespace(path, project_dir):
    """The namespace the rule gives a file under src/: AlgoSpace.<project folder>.<folders>."""
    folders = os.path.relpath(os.path.dirname(path), project_dir).split(os.sep)
    parts = [PREFIX, os.path.basename(project_dir)] + [f for f in folders if f != "."]
    return ".".join(parts)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def survey(all_projects):
    """What to rename: old namespace -> {project dir: new namespace}, and (old namespace, type) -> new namespace."""
    renames, types = {}, {}
    for path in cs_files("src"):
        project = project_of(path, all_projects)
        if project is None:
            continue
        text = read(path)
        declared = NAMESPACE_LINE.search(text)
        if declared is None:
            continue
        old, new = declared.group(1), target_namespace(path, project)
        if old == new:
            continue
        renames.setdefault(old, {})[project] = new
        for name in TYPE_DECL.findall(text):
            types[(old, name)] = new
    return renames, types


def ancestors(namespace):
    parts = namespace.split(".")
    return [".".join(parts[:i]) for i in range(len(parts), 0, -1)]


def rewrite(text, path, project, renames, types, visible):
    seen_projects = visible.get(project, set()) if project else set()

    def targets(old):
        """The new namespaces an old one became that this file's project can see."""
        return sorted({new for p, new in renames.get(old, {}).items() if p in seen_projects})

    def for_strings(old):
        choices = renames[old]
        for name in IMPLEMENTATION_FIRST:
            for p, new in choices.items():
                if os.path.basename(p) == name:
                    return new
        return sorted(choices.values())[0]

    declared = NAMESPACE_LINE.search(text)
    old_ns = declared.group(1) if declared else None
    new_ns = old_ns
    if declared and project and os.path.relpath(project, ROOT).split(os.sep)[0] == "src" and old_ns in renames:
        new_ns = renames[old_ns].get(project, old_ns)
        text = text[: declared.start(1)] + new_ns + text[declared.end(1):]

    # Plain usings of a renamed namespace: one using for each namespace it became.
    def using_line(m):
        news = targets(m.group(2))
        return "\n".join(f"{m.group(1)}using {n};" for n in news) if news else m.group(0)

    text = re.sub(r"^([ \t]*)using\s+([\w.]+)\s*;", lambda m: using_line(m) if m.group(2) in renames else m.group(0), text, flags=re.M)

    # Qualified type names, each to the namespace that declares the type.
    for (old, name), new in types.items():
        if name not in text:
            continue
        segments = old.split(".")
        # The full name, then each shorter tail of it (Components.Calls.X, Calls.X) as code may have written it.
        for start in range(len(segments)):
            qualified = ".".join(segments[start:] + [name])
            if qualified not in text:
                continue
            # Not after a dot (then it is already longer, or a member access), nor in a using or namespace line.
            pattern = r"(?<![\w.@])(?<!using )(?<!namespace )" + re.escape(qualified) + r"\b"
            text = re.sub(pattern, new + "." + name, text)

    # Strings that name an old namespace (log-area scopes, category prefixes).
    def namespace_string(m):
        return '"' + for_strings(m.group(1)) + (m.group(2) or "") + '"'

    # The bare prefix is left alone: "AlgoSpace" as a string is a product name (meters, loggers), not the root namespace.
    named = [o for o in sorted(renames, key=len, reverse=True) if o != PREFIX]
    if named:
        text = re.sub(r'"(' + "|".join(re.escape(o) for o in named) + r')(\.\*)?"', namespace_string, text)

    # What the file saw without a using: its old namespace and that namespace's parents.
    if old_ns and old_ns.split(".")[0] == PREFIX:
        implicit = set()
        for ancestor in ancestors(old_ns):
            implicit.update(targets(ancestor))
        implicit -= set(ancestors(new_ns))
        present = set(re.findall(r"^using\s+([\w.]+)\s*;", text, flags=re.M))
        missing = sorted(implicit - present)
        if missing:
            text = add_usings(text, missing)
    return text


def add_usings(text, namespaces):
    lines = "".join(f"using {n};\n" for n in namespaces)
    usings = list(re.finditer(r"^using\s+[^\n]*;\n", text, flags=re.M))
    declared = NAMESPACE_LINE.search(text)
    top_level = [u for u in usings if declared is None or u.start() < declared.start()]
    if top_level:
        end = top_level[-1].end()
        return text[:end] + lines + text[end:]
    position = declared.start() if declared else 0
    return text[:position] + lines + "\n" + text[position:]


def fix_root_namespaces(all_projects):
    """RootNamespace of each src/ project = AlgoSpace.<project folder>, so new files get the right namespace."""
    for directory, (path, _) in all_projects.items():
        if os.path.relpath(directory, ROOT).split(os.sep)[0] != "src":
            continue
        text = read(path)
        wanted = f"<RootNamespace>{PREFIX}.{os.path.basename(directory)}</RootNamespace>"
        updated = re.sub(r"<RootNamespace>[^<]*</RootNamespace>", wanted, text)
        if updated != text:
            write(path, updated)
            print(f"  {os.path.relpath(path, ROOT)}: {wanted}")


def main():
    all_projects = projects()
    visible = visible_projects(all_projects)
    renames, types = survey(all_projects)
    if not renames:
        print("Every namespace under src/ already follows project and folder; nothing to do.")
        fix_root_namespaces(all_projects)
        return 0
    for old in sorted(renames):
        print(f"  {old} -> {', '.join(sorted(renames[old].values()))}")
    changed = 0
    for top in SOURCE_DIRS:
        for path in cs_files(top):
            text = read(path)
            updated = rewrite(text, path, project_of(path, all_projects), renames, types, visible)
            if updated != text:
                write(path, updated)
                changed += 1
    fix_root_namespaces(all_projects)
    print(f"{changed} files rewritten.")
    if "--no-format" not in sys.argv:
        # Sorts the added usings and removes the ones a file does not need (IDE0005, see .editorconfig).
        print("dotnet format AlgoSpace.sln (a few minutes) ...")
        return subprocess.call(["dotnet", "format", "AlgoSpace.sln", "-v", "q"], cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
