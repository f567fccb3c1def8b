"""The `lakebox` command line."""
