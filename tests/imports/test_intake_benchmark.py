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


def test_the_development_split_reads_no_held_out_document(capsys, monkeypatch):
    read: list[str] = []
    real = intake.run_document
    monkeypatch.setattr(intake, "run_document", lambda doc: read.append(doc["id"]) or real(doc))
    assert intake.main(["--ids", "64-69", "--split", "development"]) == 0
    out = capsys.readouterr().out
    assert read == ["64", "65", "67", "68"]
    assert "held-out" not in out and "held_out" not in out
    assert not any(line.startswith(("66 ", "69 ")) for line in out.splitlines())
    assert intake.main(["--ids", "64-69", "--split", "development", "--json"]) == 0
    assert "held_out" not in capsys.readouterr().out
