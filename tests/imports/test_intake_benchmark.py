"""`python -m benchmarks.intake --ids … --totals`: one batch's totals, no line per document (so a
held-out document's reading is not seen)."""

from benchmarks import intake


def test_a_batch_gives_only_its_totals(capsys):
    assert intake.main(["--ids", "64-66", "--totals"]) == 0
    out = capsys.readouterr().out
    gold = {d["id"]: len(d["tasks"]) for d in intake.load_corpus()}
    assert f"development: {gold['64'] + gold['65']} tasks" in out
    assert f"held-out: {gold['66']} tasks" in out
    assert not any(line.startswith(("64 ", "65 ", "66 ", "id ")) for line in out.splitlines())
