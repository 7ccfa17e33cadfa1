"""Smoke test of the built application folder, run by `make bundle` (not by `make test`).

    python packaging/smoke_test.py dist/scrutiny-desktop [--keep DIR]

Runs the bundle's executable as a user would, with a clean environment: no virtual
environment, no PYTHONPATH, only HOME=<temporary folder>, PATH=/usr/bin:/bin and
QT_QPA_PLATFORM=offscreen (on Windows the few variables Windows itself needs).

1. --version answers;
2. `import` the example meeting into the default book (HOME's data folder);
3. `list` and `export` it as JSON, full PDF and public PDF, public Word and web page;
4. the PDFs embed every font (pdffonts when installed, else the PDF's own font files);
5. Linux, when a private mount namespace is available (unshare): the PDF export still
   works with the system's fonts hidden, so the bundled DejaVu fonts are the ones used;
6. `open BOOK --screenshot out.png`: the PNG is 1280x800 and not blank;
7. the window started with no arguments (on the default book) is still running after
   a few seconds, and is then closed;
8. Linux: `ldd` finds every library each bundled library needs (Wayland's and the GL
   libraries excepted: PyInstaller takes those from the system on purpose);
9. Linux: the desktop entry and icons are there, install-desktop-entry.sh installs them
   into a throw-away HOME, and both entries pass desktop-file-validate (when installed).

Needs nothing but the standard library; the PNG is read with zlib and struct.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "example-meeting.json"
WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")


class Failed(Exception):
    pass


def clean_env(home: Path) -> dict[str, str]:
    env = {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    if WINDOWS:
        keep = ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "TEMP", "TMP", "COMSPEC")
        env |= {k: os.environ[k] for k in keep if k in os.environ}
        env |= {"USERPROFILE": str(home), "APPDATA": str(home / "AppData" / "Roaming")}
        env["PATH"] = os.environ.get("SYSTEMROOT", r"C:\Windows") + r"\System32"
    else:
        env["PATH"] = "/usr/bin:/bin"
    return env


def default_book(home: Path) -> Path:
    """Where scrutiny_desktop.paths.default_book_path() points with this HOME."""
    if WINDOWS:
        base = home / "AppData" / "Roaming"
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = home / ".local" / "share"
    return base / "scrutiny-desktop" / "meetings.sqlite"


def run(cmd: list[str], env: dict[str, str], timeout: float = 120) -> str:
    shown = " ".join(str(c) for c in cmd)
    t0 = time.monotonic()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    took = time.monotonic() - t0
    if proc.returncode != 0:
        raise Failed(f"{shown}: exit {proc.returncode}\n{proc.stdout}{proc.stderr}")
    print(f"  ok  {shown}  ({took:.1f} s)")
    if proc.stderr.strip():
        print("      stderr: " + proc.stderr.strip().replace("\n", "\n              "))
    return proc.stdout


# --- PNG -----------------------------------------------------------------------------


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the unfiltered rows of an 8-bit RGB or RGBA, non-interlaced PNG."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise Failed(f"{path} is not a PNG")
    pos, idat, ihdr = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            ihdr = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", ihdr)
    if depth != 8 or colour not in (2, 6) or interlace:
        raise Failed(f"{path}: unexpected PNG type (depth {depth}, colour {colour})")
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        ftype = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:
            line = bytearray((x + p) & 0xFF for x, p in zip(line, prev, strict=True))
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                upleft = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + _paeth(left, prev[i], upleft)) & 0xFF
        elif ftype != 0:
            raise Failed(f"{path}: bad PNG filter {ftype}")
        rows.append(bytes(line))
        prev = line
    return width, height, rows


def check_screenshot(png: Path) -> None:
    if not png.is_file():
        raise Failed(f"no screenshot at {png}")
    width, height, rows = read_png(png)
    if (width, height) != (1280, 800):
        raise Failed(f"screenshot is {width}x{height}, not 1280x800")
    bpp = len(rows[0]) // width
    counts: dict[bytes, int] = {}
    for row in rows:
        for i in range(0, len(row), bpp):
            px = row[i : i + 3]
            counts[px] = counts.get(px, 0) + 1
    commonest = max(counts.values()) / (width * height)
    print(
        f"  ok  {png.name}: {width}x{height}, {len(counts)} distinct colours, "
        f"commonest colour covers {commonest:.0%}"
    )
    if len(counts) < 32 or commonest > 0.95:
        raise Failed(f"{png} looks blank ({len(counts)} colours, {commonest:.0%} one colour)")


# --- PDF -----------------------------------------------------------------------------


def check_pdf_fonts(pdf: Path) -> None:
    if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
        raise Failed(f"{pdf} is not a PDF")
    if shutil.which("pdffonts"):
        out = subprocess.run(
            ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
        ).stdout
        lines = out.splitlines()[2:]
        if not lines:
            raise Failed(f"{pdf}: pdffonts lists no fonts")
        # columns: name type encoding emb sub uni object ID; "emb" is the 4th from the end
        not_embedded = [ln for ln in lines if ln.split()[-5] != "yes"]
        if not_embedded:
            raise Failed(f"{pdf}: fonts not embedded:\n" + "\n".join(not_embedded))
        names = sorted({ln.split()[0] for ln in lines})
        print(f"  ok  {pdf.name}: {len(lines)} fonts, all embedded: {', '.join(names)}")
    else:
        body = pdf.read_bytes()
        fonts = len(re.findall(rb"/FontFile2", body))
        if not fonts:
            raise Failed(f"{pdf}: no embedded TrueType font")
        print(f"  ok  {pdf.name}: {fonts} embedded TrueType fonts (pdffonts not installed)")


def fonts_hidden_export(exe: Path, book: Path, out: Path, env: dict[str, str]) -> None:
    """Export with /usr/share/fonts hidden, so only the bundle's fonts can be found."""
    if not LINUX or not shutil.which("unshare") or not Path("/usr/share/fonts").is_dir():
        print("  --  fonts-hidden export skipped (needs Linux and unshare)")
        return
    mask = "mount -t tmpfs none /usr/share/fonts && mount -t tmpfs none /usr/local/share/fonts 2>/dev/null; "
    script = mask + 'exec /usr/bin/env -i "$@"'
    args = [f"{k}={v}" for k, v in env.items()]
    args += [str(exe), "export", str(book), "latest", "--format", "pdf", "-o", str(out)]
    for prefix in (["unshare", "--mount"], ["unshare", "--mount", "--map-root-user"]):
        probe = subprocess.run(
            [*prefix, "sh", "-c", "mount -t tmpfs none /usr/share/fonts && ls /usr/share/fonts"],
            capture_output=True,
            text=True,
        )
        if probe.returncode == 0 and not probe.stdout.strip():
            break
    else:
        print("  --  fonts-hidden export skipped (no private mount namespace here)")
        return
    run([*prefix, "sh", "-c", script, "sh", *args], env=dict(os.environ))
    check_pdf_fonts(out)
    print("  ok  the bundled DejaVu fonts are found with the system's fonts hidden")


# --- the window ----------------------------------------------------------------------


def check_starts(exe: Path, env: dict[str, str], seconds: float = 6) -> None:
    """The window with no arguments (the default book) starts and stays up."""
    proc = subprocess.Popen([str(exe)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        print(
            f"  ok  {exe.name} (no arguments: the default book) still running after {seconds:.0f} s"
        )
        return
    out, err = proc.communicate()
    raise Failed(f"{exe} with no arguments exited with {proc.returncode}\n{out!r}\n{err!r}")


def check_libraries(app: Path) -> None:
    """Linux: every bundled library finds its dependencies (in the bundle or the system)."""
    if not LINUX or not shutil.which("ldd"):
        return
    internal = app / "_internal"
    env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": f"{internal}:{internal}/PySide6/Qt/lib"}
    # PyInstaller takes these from the system on purpose; every Wayland desktop has them.
    system = re.compile(r"^lib(wayland-[a-z]+|EGL|GL|GLX|OpenGL|vulkan)\.so")
    missing: set[str] = set()
    libraries = [p for p in internal.rglob("*.so*") if p.is_file()]
    for lib in libraries:
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            name = line.strip().split(" ")[0]
            if "not found" in line and not system.match(name):
                missing.add(f"{lib.relative_to(app)}: {name}")
    if missing:
        raise Failed("libraries not found:\n" + "\n".join(sorted(missing)))
    print(f"  ok  ldd: the {len(libraries)} bundled libraries find all they need")


def check_desktop_entry(app: Path) -> None:
    if not LINUX:
        return
    entry = app / "scrutiny-desktop.desktop"
    if not entry.is_file():
        raise Failed(f"no desktop entry at {entry}")
    for size in (16, 32, 48, 64, 128, 256):
        icon = app / "_internal" / "resources" / "icons" / f"scrutiny-desktop-{size}.png"
        if not icon.is_file():
            raise Failed(f"missing icon {icon}")
    # the installer, into a throw-away HOME
    home = Path(tempfile.mkdtemp(prefix="scrutiny-entry-"))
    try:
        env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
        run(["sh", str(app / "install-desktop-entry.sh")], env)
        installed = home / ".local" / "share" / "applications" / "scrutiny-desktop.desktop"
        text = installed.read_text()
        if f'Exec="{app}/scrutiny-desktop" open %f' not in text:
            raise Failed(f"{installed} does not run {app}/scrutiny-desktop:\n{text}")
        icon = home / ".local/share/icons/hicolor/256x256/apps/scrutiny-desktop.png"
        if not icon.is_file():
            raise Failed(f"the installer did not put the icon at {icon}")
        entries = [entry, installed]
        if shutil.which("desktop-file-validate"):
            for e in entries:
                proc = subprocess.run(
                    ["desktop-file-validate", str(e)], capture_output=True, text=True
                )
                if proc.returncode != 0 or proc.stdout.strip():
                    raise Failed(f"desktop-file-validate {e}:\n{proc.stdout}{proc.stderr}")
            print("  ok  the desktop entry, shipped and installed, passes desktop-file-validate")
        else:
            print("  ok  desktop entry installed (desktop-file-validate not installed)")
        print("  ok  icons 16-256 px in the bundle and in the icon theme")
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke-test the built application folder.")
    parser.add_argument("app", type=Path, help="dist/scrutiny-desktop")
    parser.add_argument("--keep", type=Path, help="copy the screenshot and PDFs here")
    args = parser.parse_args(argv)
    app: Path = args.app.resolve()
    exe = app / ("scrutiny-desktop-cli.exe" if WINDOWS else "scrutiny-desktop")
    gui = app / ("scrutiny-desktop.exe" if WINDOWS else "scrutiny-desktop")
    print(f"smoke test of {app}")
    try:
        if not exe.is_file():
            raise Failed(f"no executable at {exe}")
        data = app / "_internal"
        for f in (
            "resources/example-meeting.json",
            "resources/icons/scrutiny-desktop.svg",
            "scrutiny_desktop/data/meeting.schema.json",
            "scrutiny_desktop/writing/data/en_GB.dic",
            "scrutiny_desktop/writing/data/LICENCE-en_GB.txt",
            "scrutiny_desktop/export/templates/minutes.html.j2",
            *(
                f"resources/fonts/DejaVuSans{face}.ttf"
                for face in ("", "-Bold", "-Oblique", "-BoldOblique")
            ),
        ):
            if not (data / f).is_file():
                raise Failed(f"the bundle lacks {data / f}")
        print(
            "  ok  example meeting, schema, icon, the en-GB dictionary, the web page's "
            "template and the four DejaVu faces are in the bundle"
        )
        with tempfile.TemporaryDirectory(prefix="scrutiny-smoke-") as tmp:
            home = Path(tmp) / "home"
            home.mkdir()
            out = Path(tmp) / "out"
            out.mkdir()
            env = clean_env(home)
            book = default_book(home)
            book.parent.mkdir(parents=True, exist_ok=True)

            version = run([str(exe), "--version"], env).strip()
            print(f"      {version}")
            meeting = run([str(exe), "import", str(book), str(EXAMPLE)], env).strip()
            print(f"      imported meeting {meeting} into {book}")
            listing = run([str(exe), "list", str(book)], env).strip()
            print(f"      {listing}")
            run([str(exe), "export", str(book), "latest", "-o", str(out / "minutes.json")], env)
            for name, extra in (("minutes.pdf", []), ("minutes-public.pdf", ["--public"])):
                pdf = out / name
                run(
                    [
                        str(exe),
                        "export",
                        str(book),
                        "latest",
                        "--format",
                        "pdf",
                        *extra,
                        "-o",
                        str(pdf),
                    ],
                    env,
                )
                check_pdf_fonts(pdf)
            fonts_hidden_export(exe, book, out / "minutes-bundled-fonts.pdf", env)
            for fmt, start in (("docx", b"PK"), ("html", b"<!DOCTYPE html>")):
                made = out / f"minutes-public.{fmt}"
                args_ = ["export", str(book), "latest", "--format", fmt, "--public"]
                run([str(exe), *args_, "-o", str(made)], env)
                if not made.read_bytes().startswith(start):
                    raise Failed(f"{made} is not a {fmt} file")
                print(f"  ok  {made.name}: {made.stat().st_size:,} bytes")

            png = out / "screenshot.png"
            run([str(gui), "open", str(book), "--screenshot", str(png)], env)
            check_screenshot(png)
            check_starts(gui, env)
            check_libraries(app)
            check_desktop_entry(app)
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                for f in out.iterdir():
                    shutil.copy2(f, args.keep / f.name)
                print(f"      kept the outputs in {args.keep}")
    except (Failed, subprocess.TimeoutExpired) as e:
        print(f"smoke test FAILED: {e}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
