"""Building a school's installer for the operating system this runs on.

1. The desktop app becomes a PyInstaller one-folder bundle (one-file bundles unpack to a temporary folder
   at every start, which antivirus tools flag): only the Qt modules the app uses, Qt's and the app's
   translations for kk/ru/en only, the journal's Alembic migrations, the package metadata (the version),
   and the school's preset (+ CA bundle) in `preset/`.
2. Around it: on Linux a .deb (dpkg-deb, with a desktop entry and icon; installs to /opt/dala-journal with
   /usr/bin/dala) and a .tar.gz; on Windows an Inno Setup installer (ISCC); on macOS an .app in a .dmg.
3. SHA256SUMS next to the outputs. SOURCE_DATE_EPOCH, when set, is every packaged file's time, so two
   builds of the same tree package identical archives.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.preset import PRESET_NAME
from installer import inno
from installer.preset import Preset

ROOT = Path(__file__).resolve().parent.parent
APP = "dala"
LANGUAGES = ("kk", "ru", "en")
# Qt modules the app never imports; PyInstaller's hooks would otherwise pull some in through plugins. QtTest
# stays: `dala --self-test` walks the teacher's path through the real windows with it (desktop.self_test_walk).
QT_EXCLUDED = ("QtNetwork", "QtQml", "QtQuick", "QtQuickWidgets", "QtOpenGL", "QtOpenGLWidgets", "QtSvg",
               "QtSvgWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtSql", "QtXml",
               "QtDBus", "QtConcurrent", "QtDesigner", "QtHelp", "QtUiTools")
# What the desktop app does not need: the server's side, the tests and their harness, Tk. (pydantic stays: the
# protocol's messages, core.protocol, are its models on both ends.)
PY_EXCLUDED = ("tkinter", "fastapi", "starlette", "uvicorn", "uvloop", "httptools", "watchfiles", "websockets",
               "psycopg", "schemathesis", "hypothesis", "pytest", "pytestqt", "limits", "server",
               "benchmarks", "tests", "harness", "IPython", "PyInstaller")
DEB_DEPENDS = ("libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
               "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0", "libxcb-xkb1")


class BuildError(Exception):
    """The build cannot go on; the message says what to do."""


@dataclass
class Result:
    bundle: Path
    outputs: list[Path] = field(default_factory=list)
    bundle_bytes: int = 0
    seconds: float = 0.0


def project_version() -> str:
    version: str = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    return version


def build(preset: Preset, out: Path, *, system: str | None = None) -> Result:
    system = system or platform.system()
    if system == "Windows" and not shutil.which("ISCC") and not shutil.which("ISCC.exe"):
        # Checked first: a Windows build without its installer compiler would be wasted minutes.
        raise BuildError("Inno Setup's compiler (ISCC.exe) is not on PATH. Install Inno Setup 6 from "
                         "https://jrsoftware.org/isinfo.php and add its folder to PATH, then build again.")
    began = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    work = out / "build"
    staged = _stage_preset(preset, work / "preset")
    bundle = _pyinstaller(staged, work, windowed=system in ("Windows", "Darwin"))
    _prune_qt_translations(bundle)
    if system == "Linux":
        _prune_linux(bundle)
    epoch = _source_date_epoch()
    if epoch is not None:
        _set_times(bundle, epoch)
    version = project_version()
    result = Result(bundle, bundle_bytes=_size(bundle))
    if system == "Linux":
        result.outputs += [_tarball(bundle, out, version, epoch), _deb(bundle, out, version, epoch)]
    elif system == "Windows":
        result.outputs.append(_windows(preset, bundle, out, version))
    elif system == "Darwin":
        result.outputs.append(_dmg(bundle, out, version))
    else:
        raise BuildError(f"building on {system} is not supported (Linux, Windows or macOS)")
    _checksums(result.outputs, out)
    result.seconds = time.monotonic() - began
    return result


# -- the bundle ------------------------------------------------------------------------------------


def _stage_preset(preset: Preset, folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / PRESET_NAME).write_text(json.dumps(preset.as_bundled(), ensure_ascii=False, indent=1),
                                      encoding="utf-8")
    if preset.ca_bundle is not None:
        shutil.copyfile(preset.ca_bundle, folder / preset.ca_bundle.name)
    return folder


def _pyinstaller(preset_folder: Path, work: Path, *, windowed: bool) -> Path:
    sep = os.pathsep
    entry = work / "dala_main.py"
    entry.write_text("from desktop.app import main\n\nraise SystemExit(main())\n", encoding="utf-8")
    args = [
        str(entry), "--name", APP, "--onedir", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(work / "dist"), "--workpath", str(work / "pyinstaller"), "--specpath", str(work),
        "--paths", str(ROOT),
        "--add-data", f"{preset_folder}{sep}preset",
        "--add-data", f"{ROOT / 'storage' / 'migrations'}{sep}storage/migrations",
        "--add-data", f"{ROOT / 'resources' / 'icons'}{sep}resources/icons",
        "--copy-metadata", "dala-journal",
        "--collect-submodules", "keyring.backends",
        "--hidden-import", "sqlcipher3.dbapi2",
        "--hidden-import", "_cffi_backend",  # argon2-cffi-bindings loads it from C, unseen by the analysis
    ]
    for language in LANGUAGES:
        args += ["--add-data",
                 f"{ROOT / 'resources' / 'translations' / f'dala_{language}.qm'}{sep}resources/translations"]
    for module in QT_EXCLUDED:
        args += ["--exclude-module", f"PySide6.{module}"]
    for module in PY_EXCLUDED:
        args += ["--exclude-module", module]
    if windowed:
        args.append("--windowed")
    if platform.system() == "Windows":  # the .exe's own version resource, from the project's version
        version_file = work / "version_info.txt"
        version_file.write_text(_windows_version_info(project_version()), encoding="utf-8")
        args += ["--version-file", str(version_file)]
    if platform.system() == "Linux":
        args.append("--strip")  # debug symbols out of the shared libraries: tens of MB
    done = subprocess.run([sys.executable, "-m", "PyInstaller", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildError("PyInstaller failed:\n" + done.stderr[-4000:])
    bundle = work / "dist" / (f"{APP}.app" if windowed and platform.system() == "Darwin" else APP)
    if not bundle.exists():
        raise BuildError(f"PyInstaller wrote no bundle at {bundle}")
    return bundle


def _prune_qt_translations(bundle: Path) -> None:
    """Keep Qt's own translations for kk, ru and en only (the hooks collect every language)."""
    for folder in bundle.rglob("translations"):
        if folder.parent.name != "Qt":
            continue
        for qm in folder.glob("*.qm"):
            language = qm.stem.rsplit("_", 1)[-1]
            if language not in LANGUAGES:
                qm.unlink()


# Qt plugins a teacher's desktop never loads: embedded-device platforms (EGLFS, framebuffer, VNC), raw
# input devices, the GTK theme (which would drag GTK's own libraries in), image formats the app has none of.
LINUX_PLUGINS_DROPPED = (
    "egldeviceintegrations", "generic", "platformthemes/libqgtk3.so", "platforms/libqeglfs.so",
    "platforms/libqlinuxfb.so", "platforms/libqminimalegl.so", "platforms/libqvnc.so",
    "platforms/libqvkkhrdisplay.so", "imageformats", "iconengines",
)


def _prune_linux(bundle: Path) -> None:
    """Drop the plugins above and Python's East Asian codecs, then every shared library (Qt's, or one copied from the
    build machine) that nothing left in the bundle needs: the kept binaries' DT_NEEDED entries, followed through."""
    internal = bundle / "_internal"
    plugins = next(internal.rglob("plugins"), None) if (internal / "PySide6").exists() else None
    if plugins is not None:
        for name in LINUX_PLUGINS_DROPPED:
            target = plugins / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    for codec in internal.glob("python3*/lib-dynload/_codecs_*"):  # Chinese, Japanese and Korean encodings
        codec.unlink()
    qt_lib = internal / "PySide6" / "Qt" / "lib"
    candidates = {p.name: p for p in [*internal.glob("lib*.so*"), *qt_lib.glob("lib*.so*")]
                  if p.is_file() and ".cpython-" not in p.name and ".abi3." not in p.name}  # not Python modules
    candidates.pop(next((n for n in candidates if n.startswith("libpython")), ""), None)  # dlopen'd by the loader
    roots = [p for p in bundle.rglob("*") if p.is_file() and p.name not in candidates and _is_elf(p)]
    needed: set[str] = set()
    queue = list(roots)
    while queue:
        for name in _needed(queue.pop()):
            if name in candidates and name not in needed:
                needed.add(name)
                queue.append(candidates[name])
    for name, path in candidates.items():
        if name not in needed:
            path.unlink()


def _is_elf(path: Path) -> bool:
    with path.open("rb") as data:
        return data.read(4) == b"\x7fELF"


def _needed(path: Path) -> list[str]:
    shown = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return [line.split("[", 1)[1].rstrip("]") for line in shown.splitlines() if "(NEEDED)" in line]


def _source_date_epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return None
    if not value.isdigit():
        raise BuildError(f"SOURCE_DATE_EPOCH must be seconds since 1970, not {value!r}")
    return int(value)


def _set_times(folder: Path, epoch: int) -> None:
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (epoch, epoch), follow_symlinks=False)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# -- Linux -----------------------------------------------------------------------------------------


def _arch() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def _normalise(info: tarfile.TarInfo, epoch: int | None) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    if epoch is not None:
        info.mtime = epoch
    return info


def _tarball(bundle: Path, out: Path, version: str, epoch: int | None) -> Path:
    name = f"dala-journal-{version}-linux-{_arch()}"
    target = out / f"{name}.tar.gz"
    paths = sorted([bundle, *bundle.rglob("*")])
    with tarfile.open(target, "w:gz", format=tarfile.PAX_FORMAT) as archive:
        for path in paths:  # sorted, with fixed owners (and times): the same tree gives the same archive
            info = archive.gettarinfo(str(path), arcname=str(Path(name) / path.relative_to(bundle)))
            if info.isreg():
                with path.open("rb") as data:
                    archive.addfile(_normalise(info, epoch), data)
            else:
                archive.addfile(_normalise(info, epoch))
    return target


DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=Dala Journal
Name[kk]=Dala Journal — сынып журналы
Name[ru]=Dala Journal — классный журнал
Comment=Offline-first class journal
Comment[kk]=Интернетсіз жұмыс істейтін сынып журналы
Comment[ru]=Классный журнал, работающий без интернета
Exec=/usr/bin/dala
Icon=dala-journal
Terminal=false
Categories=Education;Office;
"""


def _deb(bundle: Path, out: Path, version: str, epoch: int | None) -> Path:
    arch = _arch()
    root = out / "build" / "deb"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / "opt" / "dala-journal", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "dala").symlink_to("../../opt/dala-journal/dala")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "dala-journal.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    icons = root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "icons" / "dala-journal.svg", icons / "dala-journal.svg")
    (root / "DEBIAN").mkdir()
    installed_kb = _size(root) // 1024
    (root / "DEBIAN" / "control").write_text(
        f"Package: dala-journal\nVersion: {version}\nArchitecture: {arch}\nMaintainer: Dala Journal\n"
        f"Installed-Size: {installed_kb}\nDepends: {', '.join(DEB_DEPENDS)}\nSection: education\n"
        "Priority: optional\nDescription: Offline-first class journal for Kazakhstan's schools\n"
        " Marks, attendance, lesson topics and homework entered with no network at all,\n"
        " synced with the school's server when the internet appears.\n", encoding="utf-8")
    if epoch is not None:
        _set_times(root, epoch)
    target = out / f"dala-journal_{version}_{arch}.deb"
    env = dict(os.environ)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    done = subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
                          capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise BuildError("dpkg-deb failed: " + done.stderr.strip())
    return target


# -- Windows and macOS -----------------------------------------------------------------------------


def _windows(preset: Preset, bundle: Path, out: Path, version: str) -> Path:
    iss = out / "dala-journal.iss"
    iss.write_text(inno.script(preset, version, bundle, out), encoding="utf-8-sig")
    compiler = shutil.which("ISCC") or shutil.which("ISCC.exe")
    if compiler is None:
        raise BuildError(f"Inno Setup's compiler (ISCC.exe) is not on PATH; the script is kept at {iss}.")
    done = subprocess.run([compiler, str(iss)], capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildError(f"ISCC failed (the script is kept at {iss}):\n{done.stdout[-3000:]}")
    return out / f"dala-journal-{version}-setup.exe"


def _windows_version_info(version: str) -> str:
    numbers = tuple((int(p) if p.isdigit() else 0) for p in (version.split(".") + ["0"] * 4)[:4])
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}),
  kids=[StringFileInfo([StringTable('040904B0', [
    StringStruct('CompanyName', 'Dala Journal'), StringStruct('FileDescription', 'Dala Journal'),
    StringStruct('FileVersion', '{version}'), StringStruct('ProductName', 'Dala Journal'),
    StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])]
)
"""


def _dmg(bundle: Path, out: Path, version: str) -> Path:
    target = out / f"dala-journal-{version}.dmg"
    done = subprocess.run(["hdiutil", "create", "-volname", "Dala Journal", "-srcfolder", str(bundle), "-ov",
                           "-format", "UDZO", str(target)], capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildError("hdiutil failed: " + done.stderr.strip())
    return target


def _checksums(outputs: list[Path], out: Path) -> Path:
    lines = []
    for path in sorted(outputs):
        digest = hashlib.sha256()
        with path.open("rb") as data:
            for block in iter(lambda: data.read(1 << 20), b""):
                digest.update(block)
        lines.append(f"{digest.hexdigest()}  {path.name}\n")
    target = out / "SHA256SUMS"
    target.write_text("".join(lines), encoding="utf-8")
    return target
