"""Benchmarks of wuyang_tasks against the limits of the libraries it stands on (issue 9).

``python -m benchmarks.generate`` writes a realistic ledger of N tasks; ``python -m benchmarks``
(``make bench``) runs every figure side by side with its baseline. See benchmarks/README.md.
"""
