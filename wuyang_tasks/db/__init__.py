"""Persistence: models, engine and sessions, migrations, audit chain."""
