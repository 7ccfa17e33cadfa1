"""Build the self-contained application folder dist/scrutiny-desktop/ with PyInstaller.

    python packaging/build.py [--fonts DIR] [--no-smoke]

Run it with the project's virtual environment's Python, which must have the project
and PyInstaller installed; `make bundle` does exactly that on Linux and macOS (and on
Windows under Git Bash). The same script works on Windows, macOS and Linux and builds
for the platform it runs on (PyInstaller does not cross-compile).

Steps: find the four DejaVu Sans faces, run PyInstaller on packaging/scrutiny-desktop.spec,
add the desktop entry and its installer on Linux, run packaging/smoke_test.py on the
result (unless --no-smoke), and print the folder's size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
NAME = "scrutiny-desktop"
FACES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
)


def font_dir(given: str | None) -> Path:
    """--fonts, else $SCRUTINY_FONT_DIR, else wherever the application itself finds them."""
    chosen = given or os.environ.get("SCRUTINY_FONT_DIR")
    if chosen:
        folder = Path(chosen)
        missing = [f for f in FACES if not (folder / f).is_file()]
        if missing:
            sys.exit(f"build: {folder} lacks {', '.join(missing)}")
        return folder
    sys.path.insert(0, str(ROOT))
    from scrutiny_desktop.export.fonts import FONT_DIRS, FontsMissing, find_font_dir

    # Besides the application's own list: where per-user font installers put them
    # (Homebrew's font-dejavu cask on macOS; "Install for me" on Windows).
    extra = [Path.home() / "Library" / "Fonts", Path("C:/Windows/Fonts")]
    if os.environ.get("LOCALAPPDATA"):
        extra.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    try:
        return find_font_dir((*FONT_DIRS, *extra))
    except FontsMissing as e:
        sys.exit(
            f"build: {e}.\nUnpack the DejaVu fonts (https://dejavu-fonts.github.io/, "
            "dejavu-fonts-ttf-*.zip) and pass --fonts FOLDER/ttf."
        )


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fonts", help="folder holding DejaVuSans*.ttf (default: found)")
    parser.add_argument("--no-smoke", action="store_true", help="skip the smoke test")
    args = parser.parse_args(argv)

    fonts = font_dir(args.fonts)
    print(f"build: fonts from {fonts}", flush=True)
    dist, work = ROOT / "dist", ROOT / "build" / "pyinstaller"
    env = dict(os.environ, SCRUTINY_FONT_DIR=str(fonts))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(PACKAGING / f"{NAME}.spec"),
        ],
        check=True,
        cwd=ROOT,
        env=env,
    )
    app = dist / NAME
    if sys.platform.startswith("linux"):
        shutil.copy2(PACKAGING / "linux" / f"{NAME}.desktop", app / f"{NAME}.desktop")
        installer = app / "install-desktop-entry.sh"
        shutil.copy2(PACKAGING / "linux" / "install-desktop-entry.sh", installer)
        installer.chmod(0o755)
    print(f"build: {app} ({folder_size(app) / 2**20:.0f} MiB)", flush=True)

    if not args.no_smoke:
        smoke = subprocess.run([sys.executable, str(PACKAGING / "smoke_test.py"), str(app)])
        if smoke.returncode != 0:
            print("build: the smoke test failed", file=sys.stderr)
            return smoke.returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
