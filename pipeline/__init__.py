"""Soi: screens party self-review reports (bản kiểm điểm) for formulaic writing.

    from pipeline import screen
    result = screen(["reports/"], manifest="reports/manifest.csv")

Note: ``pipeline.screen`` names the function; the module is ``sys.modules["pipeline.screen"]``
(``from pipeline.screen import SAMPLE_DIR`` works as usual).
"""

from __future__ import annotations

from pipeline.screen import ScreenResult, screen

__all__ = ["screen", "ScreenResult"]
