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
    # this machine has no 仿宋/小标宋/楷体: one warning names every stand-in, once
    assert chosen.embedded and len(chosen.warnings) == 1
    assert "正文（仿宋）用“" in chosen.warnings[0] and "文书 ▸ 字体" in chosen.warnings[0]
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


def test_the_clerks_choice_is_kept_for_this_machine_and_used(fresh_fonts):
    installed = fonts.installed_cjk_fonts()
    hei = next(f for f in installed if "Hei" in f.family)
    fonts.save_choices({"body": f"{hei.path}#{hei.index}", "bogus": "x"})
    assert fonts.load_choices() == {"body": f"{hei.path}#{hei.index}"}
    chosen = fonts.font_set()
    assert chosen.body == fonts._register(hei) and chosen.families["body"] == hei.family
    assert f"正文（仿宋）用“{hei.family}”代替" in chosen.warnings[0]
    fonts.choices_path().write_text("not json", encoding="utf-8")
    assert fonts.load_choices() == {}


def test_proper_faces_give_no_warning():
    assert fonts.stand_in_warning({"title": "方正小标宋简体", "body": "仿宋_GB2312", "heading": "SimHei",
                                   "kai": "KaiTi"}) is None
    assert "一级标题（黑体）" in fonts.stand_in_warning({"title": "方正小标宋简体", "body": "FangSong",
                                                      "heading": "AR PL UMing CN", "kai": "KaiTi"})
