"""HTTP: the Firehose wire API, lakebox's JSON API, health (and later the console)."""
