"""The preamble preloaded: a XeLaTeX format of every package the PDF loads, made once.

Most of a XeLaTeX run of a CV is reading its preamble's packages (0.5 s of this CV's
0.85 s). TeX Live's ``mylatexformat`` dumps a document's preamble, up to
``\\endofdump``, into a format; a run that starts from it skips to that point and reads
only the fonts and the body. XeTeX cannot dump system fonts: Sphinx's ``fontpkg`` moves
after the dump point, and while the format is made ``sphinxcv.cls`` has Latin Modern's
TFM twin stand in for it. Runs with and without the format read the same preamble in the
same order, and give the same PDF, pixel for pixel.

A format is made once for each preamble (with the ``.sty`` and ``.cls`` files beside the
.tex), engine version and TeX installation, and kept in ``$XDG_CACHE_HOME/sphinx-cv``
(``~/.cache/sphinx-cv``), so that a build into an empty folder reuses it. Each .tex gets a
copy beside it and a ``%&`` first line naming it; without the format (not made, or the
folder copied elsewhere) XeLaTeX says so and reads the whole preamble.

TeX Live gzips the formats it dumps; XeTeX (through zlib) reads an uncompressed one as
well. The cache keeps them uncompressed, about 35 MB instead of 10 for this CV's: a XeLaTeX
run of this CV takes 0.31 s instead of 0.38 (loading the format, 0.12 s instead of 0.25).
latexmk's checksum of the larger file takes back half of the two runs' gain: the PDF is
about 0.07 s faster.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from .prefetch import Once

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LOGGER = logging.getLogger(__name__)

DUMP_POINT = "\\csname endofdump\\endcsname  % sphinx-cv: a format preloads what is above\n"
"""Where mylatexformat stops dumping (``\\relax`` in a run without the format)."""
KEPT = 8
"""Formats kept in the cache (about 35 MB each), the most recently used."""
CACHE_VERSION = b"2"
"""Part of every format's key: changed when the formats sphinx-cv makes change (2: kept
uncompressed), so that an update remakes those of an older one."""
TIMEOUT = 300
"""Seconds for making a format: a bound for a stuck TeX, not a speed goal."""


def fonts_after_dump_point(app: Sphinx) -> None:
    """``builder-inited``: the fonts after the dump point, at the start of the preamble."""
    if not _has_dump_point(app):
        return
    tex_installation.start()  # for the format's key, asked while the pages are read
    context = app.builder.context  # type: ignore[attr-defined]
    context["preamble"] = DUMP_POINT + context["fontpkg"] + "\n" + context["preamble"]
    context["fontpkg"] = ""


def preload_preambles(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: a format for each .tex, named on its first line."""
    if exception is not None or not _has_dump_point(app) or shutil.which("xelatex") is None:
        return
    for entry in app.config.latex_documents:
        texfile = Path(app.outdir, entry[1])  # not Sphinx's str-like path: str.replace
        if texfile.is_file():
            preload(texfile)


def _has_dump_point(app: Sphinx) -> bool:
    return (
        app.builder.format == "latex"
        and app.config.latex_engine == "xelatex"
        and app.config.cv_pdf_preload
        and app.config.latex_theme == "cv"  # sphinxcv.cls stands in for the fonts
    )


def preload(texfile: Path) -> Path | None:
    """Name *texfile*'s format on its first line (made first if need be); the format's
    path beside it, or ``None`` when it has no dump point or the format cannot be made."""
    text = texfile.read_text(encoding="utf-8")
    name = f"{texfile.stem}-preamble"
    body = text.removeprefix(f"%&{name}\n")
    beside = texfile.with_name(f"{name}.fmt")
    if DUMP_POINT not in body:
        return None
    cached = cache_dir() / f"{format_key(texfile, body)}.fmt"
    try:
        if not cached.is_file():
            make_format(texfile, body, cached)
        os.utime(cached)  # recently used: kept
        _copy(cached, beside)
    except (OSError, subprocess.SubprocessError) as error:
        why = error.output if isinstance(error, subprocess.CalledProcessError) else error
        LOGGER.info(
            "sphinx-cv: XeLaTeX reads %s's whole preamble on each run: %s", texfile.name, why
        )
        beside.unlink(missing_ok=True)
        if text != body:
            texfile.write_text(body, encoding="utf-8")
        return None
    if text != f"%&{name}\n{body}":
        texfile.write_text(f"%&{name}\n{body}", encoding="utf-8")
    return beside


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sphinx-cv" / "formats"


def format_key(texfile: Path, body: str) -> str:
    """What a format depends on: the preamble to the dump point, the TeX files beside
    it, the engine and the TeX installation."""
    digest = hashlib.sha256(CACHE_VERSION + b"\0" + body[: body.index(DUMP_POINT)].encode())
    for path in sorted([*texfile.parent.glob("*.sty"), *texfile.parent.glob("*.cls")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(tex_installation().encode())
    return digest.hexdigest()[:24]


@Once
def tex_installation() -> str:
    """The engine's version, and the base format's and the file database's dates (a TeX
    update rewrites both)."""
    version = _output(["xelatex", "--version"]).partition("\n")[0]
    files = [
        _output(["kpsewhich", "-engine=xetex", "-progname=xelatex", "xelatex.fmt"]),
        _output(["kpsewhich", "-var-value=TEXMFDIST"]) + "/ls-R",
    ]
    stats = [f"{p}:{s.st_mtime_ns}:{s.st_size}" for p in files if (s := _stat(Path(p)))]
    return "\n".join([version, *stats])


def make_format(texfile: Path, body: str, cached: Path) -> None:
    """Dump *texfile*'s preamble (*body*'s) with mylatexformat into *cached*.

    Raises :class:`subprocess.CalledProcessError` with the end of TeX's log when it fails.
    """
    with tempfile.TemporaryDirectory(dir=texfile.parent, prefix=".preload-") as tmp:
        folder = Path(tmp).name  # relative to the .tex, a name TeX reads as it is
        (Path(tmp) / "preamble.tex").write_text(body, encoding="utf-8")
        command = ["xelatex", "-ini", "-interaction=nonstopmode", "-halt-on-error"]
        command += ["-jobname=preamble", f"-output-directory={folder}", "&xelatex"]
        command += ["mylatexformat.ltx", f"{folder}/preamble.tex"]
        done = subprocess.run(
            command, cwd=texfile.parent, capture_output=True, text=True, timeout=TIMEOUT
        )
        if done.returncode != 0:
            log = Path(tmp) / "preamble.log"
            tail = log.read_text(errors="replace")[-300:] if log.is_file() else done.stdout
            raise subprocess.CalledProcessError(done.returncode, command, tail)
        cached.parent.mkdir(parents=True, exist_ok=True)
        _copy(_uncompressed(Path(tmp) / "preamble.fmt"), cached)
    _forget_old(cached.parent)


def _uncompressed(fmt: Path) -> Path:
    """*fmt* as it is if TeX did not gzip it, else its uncompressed twin beside it."""
    with fmt.open("rb") as dumped:
        if dumped.read(2) != b"\x1f\x8b":  # gzip's magic number
            return fmt
    plain = fmt.with_suffix(".raw")
    with gzip.open(fmt, "rb") as compressed, plain.open("wb") as target:
        shutil.copyfileobj(compressed, target, 1 << 20)
    return plain


def _copy(source: Path, target: Path) -> None:
    """A hard link (on one file system) or a copy, then a rename: a TeX run started
    meanwhile never reads half a format. Nothing to do where *target* is *source* already."""
    if target.is_file() and os.path.samefile(source, target):
        return
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    partial.unlink(missing_ok=True)
    try:
        os.link(source, partial)
    except OSError:
        shutil.copyfile(source, partial)
    os.replace(partial, target)


def _forget_old(folder: Path) -> None:
    formats = sorted(folder.glob("*.fmt"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in formats[KEPT:]:
        old.unlink(missing_ok=True)


def _output(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def setup_preload(app: Sphinx) -> None:
    app.add_config_value("cv_pdf_preload", True, "", frozenset({bool}), "preload the preamble")
    app.connect("builder-inited", fonts_after_dump_point)
    app.connect("build-finished", preload_preambles, priority=800)  # after sphinxcv.sty
