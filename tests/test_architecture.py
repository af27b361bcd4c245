"""The layers hold: bot/ is the pure core (no Rasa, SQL or web framework, no
adapter), adapters do not reach into entry points, and tests and benchmarks
do not import each other. The contracts are in pyproject.toml
([tool.importlinter]); import-linter follows indirect imports too."""
import os
import subprocess
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_every_import_contract_is_kept():
    proc = subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "BROKEN" not in proc.stdout and proc.stdout.count("KEPT") >= 4


def test_a_forbidden_import_in_the_core_breaks_the_contract(tmp_path):
    """The check can fail: a copy of the core that imports SQLAlchemy is refused."""
    import shutil

    shutil.copytree(PROJECT_ROOT / "bot", tmp_path / "bot")
    (tmp_path / "bot" / "leak.py").write_text("import sqlalchemy\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.importlinter]\nroot_packages = ["bot"]\ninclude_external_packages = true\n\n'
        '[[tool.importlinter.contracts]]\nname = "pure"\ntype = "forbidden"\nsource_modules = ["bot"]\n'
        'forbidden_modules = ["sqlalchemy"]\n')
    proc = subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(tmp_path)}, timeout=300)
    assert proc.returncode != 0 and "bot.leak -> sqlalchemy" in proc.stdout
