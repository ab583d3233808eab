"""digest: turn the newsletters you read into a weekly digest site and feeds."""

from pathlib import Path

__version__ = "0.1.0"


def default_templates() -> Path:
    """The repository's templates/, or the copy a wheel carries inside the package."""
    package = Path(__file__).resolve().parent
    packaged = package / "templates"
    return packaged if packaged.is_dir() else package.parent / "templates"
