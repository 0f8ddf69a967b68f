# type: ignore
# A type: ignore comment before the first token, then one after code.
import os  # type: ignore[import]
x = os.sep  # type:ignore
