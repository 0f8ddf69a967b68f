"""The concurrent package: only concurrent.futures lives here."""
