"""One version number: ``__version__`` in wuyang_tasks/__init__.py, which the wheel's and the editable
installation's metadata (pyproject.toml) and the bundle's Windows version resource
(build_installer.spec) are built from."""

import tomllib
from pathlib import Path

import pytest

from wuyang_tasks import __version__

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.filterwarnings("ignore:Support for `\\[tool.setuptools\\]` in `pyproject.toml` is still:UserWarning")
def test_the_package_metadata_takes_the_version_from_the_module():
    from setuptools.config.pyprojecttoml import read_configuration

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    # what setuptools writes into the metadata of a wheel or an editable installation
    assert read_configuration(ROOT / "pyproject.toml")["project"]["version"] == __version__

