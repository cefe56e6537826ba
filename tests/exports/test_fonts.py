"""Font choice: GB/T roles from installed TrueType faces, overrides, and the last resort."""

from __future__ import annotations

import warnings

import pytest

from wuyang_tasks.exports import fonts


@pytest.fixture
def fresh_fonts(monkeypatch):
    original = fonts.installed_cjk_fonts
    monkeypatch.setattr(fonts, "_registered", {})
    original.cache_clear()
    yield
    original.cache_clear()


def test_every_role_gets_an_embeddable_face_on_this_machine(fresh_fonts):
    chosen = fonts.font_set()
    assert chosen.embedded and chosen.warnings == []
    # 黑体 role takes a Hei face when one is installed (WenQuanYi Micro Hei here)
    families = {f.family for f in fonts.installed_cjk_fonts()}
    if "WenQuanYi Micro Hei" in families:
        assert chosen.families["heading"] == "WenQuanYi Micro Hei"
    if "AR PL UKai CN" in families:
        assert chosen.families["kai"] == "AR PL UKai CN"


def test_cff_fonts_are_never_listed(fresh_fonts):
    assert all(not f.path.lower().endswith(".otf") for f in fonts.installed_cjk_fonts())


def test_a_configured_font_wins_and_a_bad_one_is_reported(fresh_fonts, tmp_path, monkeypatch):
    installed = fonts.installed_cjk_fonts()
    kai = next((f for f in installed if "Kai" in f.family), installed[0])
    chosen = fonts.font_set({"body": f"{kai.path}#{kai.index}"})
    assert chosen.body == fonts._register(kai)
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"not a font")
    monkeypatch.setenv("WUYANG_TASKS_FONT_TITLE", str(bad))
    chosen = fonts.font_set()
    assert chosen.embedded and any("broken.ttf" in w for w in chosen.warnings)


def test_without_any_cjk_truetype_the_cid_font_comes_with_a_warning(fresh_fonts, monkeypatch):
    monkeypatch.setattr(fonts, "installed_cjk_fonts", lambda: ())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        chosen = fonts.font_set()
    assert not chosen.embedded
    assert chosen.body == fonts.CID_FALLBACK
    assert any("未嵌入" in w for w in chosen.warnings)


def test_windows_font_folder_is_read_by_file_name(fresh_fonts, tmp_path, monkeypatch):
    folder = tmp_path / "Fonts"
    folder.mkdir()
    for name in ("simfang.ttf", "SIMHEI.TTF", "arial.ttf"):
        (folder / name).write_bytes(b"")
    monkeypatch.setenv("WINDIR", str(tmp_path))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    found = {f.family for f in fonts._windows_fonts()}
    assert found == {"FangSong", "SimHei"}
