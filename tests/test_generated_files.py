"""The shared command line of the data-file generators (cli/generated.py)."""
import sys

from cli.generated import write_or_check


def test_check_fails_on_a_stale_file_and_passes_once_written(tmp_path, monkeypatch, capsys):
    target = tmp_path / "out.yml"
    target.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["gen", "--check"])
    assert write_or_check(target, lambda: "new\n", "gen", "gen.py") == 1
    assert "out of date" in capsys.readouterr().err
    monkeypatch.setattr(sys, "argv", ["gen"])
    assert write_or_check(target, lambda: "new\n", "gen", "gen.py") == 0
    monkeypatch.setattr(sys, "argv", ["gen", "--check"])
    assert write_or_check(target, lambda: "new\n", "gen", "gen.py") == 0
    assert target.read_text(encoding="utf-8") == "new\n"
