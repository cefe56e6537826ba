"""Command line: the same use cases as the window, without it."""
