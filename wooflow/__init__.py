"""wooflow: from a pile of Dutch government documents to a lawful Woo publication."""

__version__ = "0.1.0"
