"""Debian's headless chromium for the HTML report test: found, or installed with apt-get.

The README's test command must do all the set-up on a fresh machine, so the test installs the
browser itself when it is missing and it runs as root with apt-get (as CI does); elsewhere the test
is skipped with the reason.
"""
from __future__ import annotations

import os
import shutil
import subprocess


def find_or_install_chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if shutil.which("apt-get") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=600)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"], env=env,
                   capture_output=True, timeout=1200)
    return shutil.which("chromium")
