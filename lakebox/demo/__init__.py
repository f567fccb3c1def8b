"""The demo producer that `make run` starts, so a new user sees data arriving."""
