"""工作台 at the smallest supported window (1024×700) and on a wide screen (QA: at 1024 the
tiles ran off the right edge, the page scrolled sideways and the lists hid their 情况 column)."""

import pytest
from PySide6.QtWidgets import QScrollArea


@pytest.mark.parametrize(("size", "columns"), [((1024, 700), 4), ((1600, 900), 8)])
def test_dashboard_fits_the_window(main_window, qtbot, size, columns):
    main_window.resize(*size)
    main_window.go_to("dashboard")
    page = main_window.pages["dashboard"]
    qtbot.waitUntil(lambda: page._tile_columns == columns, timeout=5_000)
    qtbot.wait(50)
    scroll = page.findChild(QScrollArea)
    assert scroll.horizontalScrollBar().maximum() == 0
    for view in (page.week_view, page.overdue_view):
        assert view.horizontalScrollBar().maximum() == 0  # the last column (情况) is in view
        assert view.model().rowCount() >= 1
