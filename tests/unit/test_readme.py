"""Every command line in the README runs as written (in order, in a fresh folder)."""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import DATA, ROOT

README = ROOT / "README.md"


def _cli_examples() -> list[str]:
    """The ``scrutiny-desktop ...`` lines of the README's sh blocks, in order."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(), flags=re.S)
    lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
    return [
        line
        for line in lines
        if line.startswith("scrutiny-desktop ")
        and " open" not in line
        and not line.startswith("scrutiny-desktop open")
    ]


def test_the_readme_has_an_example_for_every_subcommand():
    from scrutiny_desktop.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    used = {shlex.split(line)[1] for line in _cli_examples()}
    assert set(sub.choices) - {"open"} <= used


def test_every_cli_example_in_the_readme_runs(tmp_path: Path):
    shutil.copy(DATA / "seed-meeting.json", tmp_path / "meeting.json")
    exe = Path(sys.executable).parent / "scrutiny-desktop"
    env = dict(os.environ, HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    examples = _cli_examples()
    assert len(examples) >= 10
    for line in examples:
        argv = [str(exe), *shlex.split(line)[1:]]
        done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, env=env)
        assert done.returncode == 0, f"{line}\n{done.stderr}"
