"""One module (or package) per navigation page, named by its key in ui/navigation.py.

Each provides ``create_page(ctx) -> Page``. See ../CONVENTIONS.md.
"""
