"""Installation-level checks: core stays Qt-free, resources are found, the app starts and quits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, cwd, timeout=120, env=None):
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=env)


def test_core_imports_no_qt(tmp_path):
    code = (
        "import sys, pkgutil, importlib, bpstudio.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('bpstudio.core.' + m.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "print(len([m for m in sys.modules if m.startswith('bpstudio.core.')]), bad)\n"
    )
    proc = run_python(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    count, bad = proc.stdout.split(" ", 1)
    assert int(count) >= 8 and bad.strip() == "[]"


def test_resources_are_found_from_another_folder(tmp_path):
    code = (
        "from bpstudio.app.resources import resource_path\n"
        "p = resource_path('icons', 'bpstudio.svg')\n"
        "print(p.is_file(), p.read_text()[:4])\n"
        "for name in ('guide_en.md', 'guide_zh_CN.md'):\n"
        "    print(resource_path('help', name).read_text(encoding='utf-8').startswith('# '))\n"
    )
    proc = run_python(code, tmp_path)
    assert proc.stdout.split() == ["True", "<svg", "True", "True"], proc.stderr


def test_main_py_starts_the_app_and_quits(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py"), "--quit-after", "1500"],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr
