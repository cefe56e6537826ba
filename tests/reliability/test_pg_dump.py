"""`backup` on a PostgreSQL ledger: runs pg_dump when it is installed, otherwise prints the
command and exits 2. The password never appears on the command line."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from wuyang_tasks.cli.main import main
from wuyang_tasks.db import pgdump


def test_the_command_carries_no_password(tmp_path):
    url = make_url("postgresql+psycopg://zhangsan:秘密@192.168.1.10:5433/wuyang")
    text = pgdump.command_text(url, tmp_path / "w.dump")
    assert "秘密" not in text
    for part in ("pg_dump", "--format=custom", "--host=192.168.1.10", "--port=5433",
                 "--username=zhangsan", "wuyang"):
        assert part in text


def test_without_pg_dump_the_command_is_printed_and_the_exit_code_is_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pgdump, "pg_dump_path", lambda: None)
    target = tmp_path / "w.dump"
    code = main(["--db", "postgresql+psycopg://zhangsan:秘密@db.example/wuyang", "backup", "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "未找到 pg_dump" in err and "--username=zhangsan" in err and "秘密" not in out + err
    assert not target.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.postgres
def test_pg_dump_backs_up_a_real_server(pg_ledger_url, tmp_path, capsys):
    if pgdump.pg_dump_path() is None:
        pytest.fail("pg_dump is not installed although the PostgreSQL test server is")
    target = tmp_path / "ledger.dump"
    url = pg_ledger_url.render_as_string(hide_password=False) if hasattr(pg_ledger_url, "render_as_string") \
        else str(pg_ledger_url)
    assert main(["--db", url, "backup", "-o", str(target)]) == 0
    assert target.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert "已备份到" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["ledger.dump"]
