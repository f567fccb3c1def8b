"""SQL over the lake (Athena): DuckDB runs every query, sandboxed to catalog tables."""
