"""One module per command: plain functions that take options and return an exit code."""
