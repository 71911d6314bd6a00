"""What a school admin runs to package Dala Journal for the school's PCs, with the school's settings baked in:

    python build_installer.py --preset school17.toml [--out dist]

It checks the preset first (installer/preset.py; nothing is built when it is wrong), then builds for the
operating system it runs on (installer/build.py): a .deb and a .tar.gz on Linux, an Inno Setup installer on
Windows, a .dmg on macOS; then SHA256SUMS, and prints the sizes and the time taken. docs/admin.md says how
to write a preset and what to check on a teacher's PC.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from installer import build, preset  # noqa: E402 (after the path: runs from a checkout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_installer.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", type=Path, required=True, help="the school's preset (TOML)")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="where the installers go (default: dist)")
    args = parser.parse_args(argv)
    try:
        chosen = preset.load(args.preset)
    except preset.PresetInvalid as invalid:
        print(f"The preset {invalid.path} cannot be used; nothing was built:", file=sys.stderr)
        for problem in invalid.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 2
    print(f"Building Dala Journal {build.project_version()} for {chosen.school} ({chosen.server_url}, "
          f"{chosen.language})…", flush=True)
    try:
        result = build.build(chosen, args.out.resolve())
    except build.BuildError as error:
        print(f"The build stopped: {error}", file=sys.stderr)
        return 1
    print(f"Bundle: {result.bundle} — {result.bundle_bytes / 1e6:.1f} MB on disk")
    for output in result.outputs:
        print(f"  {output.name}: {output.stat().st_size / 1e6:.1f} MB")
    print(f"  SHA256SUMS written; built in {result.seconds:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
