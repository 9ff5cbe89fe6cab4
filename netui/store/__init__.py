"""The only layer that writes SQL: schema and migrations, bulk loads, queries, search."""
