"""The only layer that writes SQL. One module per thing stored, imported by its name
(`from netui.store import ledger`, then `ledger.post(...)`):

- `db`: opening, recognising and migrating a database; one transaction per action
- `schema`: the tables, indexes and numbered migrations
- `bulk`: writing a whole generated or imported network at once
- `meta`: what the world knows about itself (who I play, today, the seed, counts)
- `members`: profiles, and keeping the search indexes in step with them
- `connections`, `groups`: the network's structure
- `reach`: the network as I see it (degree, path, mutual connections)
- `search`: full-text member search
- `messages`, `invitations`: what members write and ask each other
- `ledger`: credits (lots and the ledger) and money (charges)
- `accounts`: subscriptions and their billing days
"""
