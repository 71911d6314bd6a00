"""Packaging the desktop app for a school: the preset a school admin writes, and the installers built
around a PyInstaller bundle (build_installer.py at the top of the repository runs it)."""
