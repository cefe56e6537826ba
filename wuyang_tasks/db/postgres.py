"""Connecting to a shared ledger on a PostgreSQL server.

The password is never kept in the program's settings. libpq looks in the usual places by itself
(``PGPASSWORD``, ``PGPASSFILE``, ``~/.pgpass``, on Windows ``%APPDATA%\\postgresql\\pgpass.conf``);
when the server still asks for one, the system keyring is tried (if the optional ``keyring``
package is installed) and then the caller's prompt (the window's password dialog). Failures are
told in Chinese with what to do, as a :class:`LedgerOpenError` whose ``kind`` the window uses
(``unreachable`` → offer the last local ledger; ``auth`` → ask again).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from wuyang_tasks.domain.errors import LedgerOpenError

from .engine import BUSY_TIMEOUT_MS
from .text_guard import refuse_nul_parameters

CONNECT_TIMEOUT_S = 10
LOCK_TIMEOUT_MS = BUSY_TIMEOUT_MS
KEYRING_SERVICE = "wuyang-tasks"
APPLICATION_NAME = "wuyang-tasks"
PROMPT_TRIES = 3

PasswordPrompt = Callable[[URL, str], "str | None"]
"""prompt(url, reason) → the password, or None when the user cancels. ``reason`` is Chinese."""


def server_name(url: URL) -> str:
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def address_for_settings(url: URL) -> str:
    """The address to remember in the settings: never with a password in it (``URL.set``
    ignores ``password=None``, so the URL is rebuilt without it)."""
    return url._replace(password=None).render_as_string(hide_password=False)


def keyring_username(url: URL) -> str:
    return f"{url.username or ''}@{server_name(url)}"


def keyring_password(url: URL) -> str | None:
    """The password saved in the system keyring for this user and server, if any."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_username(url))
    except Exception:  # no usable keyring backend on this PC
        return None


def create_server_engine(url: URL, *, read_only: bool = False) -> Engine:
    """A row another clerk's action has locked is waited for as long as SQLite's busy timeout,
    then the action fails with a message instead of hanging the window."""
    options = f"-c lock_timeout={LOCK_TIMEOUT_MS}"
    if read_only:
        options += " -c default_transaction_read_only=on"
    args = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": APPLICATION_NAME,
            "options": options}
    engine = create_engine(url, pool_pre_ping=True, connect_args=args)
    refuse_nul_parameters(engine)
    return engine


def connect(url: URL, *, read_only: bool = False, password_prompt: PasswordPrompt | None = None) -> Engine:
    """An engine whose first connection has succeeded; raises LedgerOpenError otherwise."""
    error = _try(url, read_only)
    if isinstance(error, Engine):
        return error
    if not _needs_password(error):
        raise _open_error(url, error)
    saved = keyring_password(url) if url.password is None else None
    if saved is not None:
        attempt = _try(url.set(password=saved), read_only)
        if isinstance(attempt, Engine):
            return attempt
        error = attempt
    reason = (f"连接台账服务器 {server_name(url)} 需要用户“{url.username or ''}”的密码。")
    for _ in range(PROMPT_TRIES if password_prompt is not None else 0):
        password = password_prompt(url, reason) if password_prompt is not None else None
        if password is None:
            raise LedgerOpenError(f"未输入密码，没有连接台账服务器 {server_name(url)}。", kind="auth")
        attempt = _try(url.set(password=password), read_only)
        if isinstance(attempt, Engine):
            return attempt
        if not _needs_password(attempt):
            raise _open_error(url, attempt)
        error = attempt
        reason = f"密码不正确，请重新输入用户“{url.username or ''}”连接 {server_name(url)} 的密码。"
    raise _open_error(url, error)


def _try(url: URL, read_only: bool) -> Engine | Exception:
    engine = create_server_engine(url, read_only=read_only)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        engine.dispose()
        return exc
    return engine


def _message(exc: Exception) -> str:
    return str(getattr(exc, "orig", None) or exc).strip()


def _needs_password(exc: Exception) -> bool:
    text_ = _message(exc)
    return "no password supplied" in text_ or "password authentication failed" in text_


def _open_error(url: URL, exc: Exception) -> LedgerOpenError:
    detail = _message(exc).splitlines()[0] if _message(exc) else exc.__class__.__name__
    where = server_name(url)
    if _needs_password(exc):
        return LedgerOpenError(f"用户“{url.username or ''}”连接台账服务器 {where} 的密码不正确或未提供。"
                               "请向管理员确认用户名和密码。", kind="auth")
    if "does not exist" in detail and "database" in detail:
        return LedgerOpenError(f"台账服务器上没有数据库“{url.database}”（{where}）。请检查地址，"
                               "或请管理员先建立该数据库。", kind="missing")
    if "does not exist" in detail and "role" in detail:
        return LedgerOpenError(f"台账服务器 {where} 上没有用户“{url.username}”。请向管理员申请账号。",
                               kind="auth")
    if "no pg_hba.conf entry" in detail or "permission denied" in detail:
        return LedgerOpenError(f"台账服务器 {where} 拒绝了用户“{url.username}”的连接（未授权）。"
                               "请向管理员申请访问权限。", kind="auth")
    return LedgerOpenError(f"无法连接台账服务器 {where}（{detail}）。请检查网络和服务器是否开启；"
                           "也可以先打开本机台账。", kind="unreachable")


def is_connection_lost(exc: BaseException) -> bool:
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)
