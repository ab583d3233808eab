"""digest: turn the newsletters you read into a weekly digest site and feeds."""

__version__ = "0.1.0"
