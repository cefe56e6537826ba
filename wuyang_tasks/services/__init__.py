"""Use cases (Qt-free). Each takes a Session inside one transaction (``ledger.write()``)."""
