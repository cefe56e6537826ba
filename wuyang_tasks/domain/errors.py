"""Errors that carry a message fit to show a clerk (Chinese, saying what to do)."""


class LedgerError(Exception):
    """Base of every error the program reports to the user instead of a traceback."""

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class IllegalTransition(LedgerError):
    pass


class ValidationError(LedgerError):
    pass


class RejectedWithProblems(ValidationError):
    """A file or a batch refused whole: ``head``, then its problems one a line (the first
    MAX_LISTED; each has ``text()``). ``problems`` keeps every one for a preview."""

    MAX_LISTED = 200

    def __init__(self, head: str, problems: list):
        lines = [p.text() for p in problems[: self.MAX_LISTED]]
        if len(problems) > self.MAX_LISTED:
            lines.append(f"……另有 {len(problems) - self.MAX_LISTED} 个问题未列出")
        super().__init__(head + "\n" + "\n".join(f"  {line}" for line in lines))
        self.problems = problems


class NotFound(LedgerError):
    pass


class EvidenceProtected(LedgerError):
    """Raised when something would delete or rewrite evidence."""


class ConflictError(LedgerError):
    """Another clerk changed the same record since it was read."""

    def __init__(self, message: str, current: dict | None = None):
        super().__init__(message)
        self.current = current or {}


class LedgerOpenError(LedgerError):
    """The ledger cannot be opened as asked; nothing was written."""

    def __init__(self, message: str, *, kind: str):
        super().__init__(message)
        # not_sqlite, damaged, newer, read_only, locked, missing, unreachable, auth,
        # compressed_backup (a .db.zst backup given as a ledger: it can be viewed read-only)
        self.kind = kind


class ConnectionLost(LedgerError):
    """The connection to the ledger server broke during an action; the action was rolled back
    as a whole. The window keeps the user's input and offers to reconnect and try again."""
