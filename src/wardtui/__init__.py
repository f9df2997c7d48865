"""wardtui: a terminal library for articles scraped from Vietnamese ward websites."""

__version__ = "0.1.0"
