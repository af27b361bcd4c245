"""The chat widget's sources and packages: npm dependencies pinned to exact
versions with integrity hashes from the npm registry, build outputs kept out
of git, and no code path that turns text into markup."""
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"
MARKUP_SINKS = re.compile(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment")


def test_dependencies_are_exact_versions_locked_with_integrity_hashes():
    package = json.loads((WEB / "package.json").read_text())
    lock = json.loads((WEB / "package-lock.json").read_text())
    declared = {**package.get("dependencies", {}), **package.get("devDependencies", {})}
    assert {"linkifyjs", "esbuild", "axe-core"} <= set(declared)
    for name, version in declared.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name}@{version} is not an exact version"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, name
    for path, entry in lock["packages"].items():
        if not path:
            continue  # the project itself
        assert entry.get("integrity", "").startswith("sha512-"), path
        assert entry.get("resolved", "https://registry.npmjs.org/").startswith("https://registry.npmjs.org/"), path


def test_node_modules_and_the_bundle_are_not_committed():
    ignored = (ROOT / ".gitignore").read_text().split()
    assert "web/node_modules/" in ignored and "web/dist/" in ignored


def test_no_widget_source_inserts_markup():
    for source in (WEB / "src").glob("*.js"):
        for number, line in enumerate(source.read_text().splitlines(), 1):
            if not line.lstrip().startswith("//"):
                assert not MARKUP_SINKS.search(line), f"{source.name}:{number}: {line.strip()}"
