"""Report builders: each returns plain dataclasses that every format's renderer lays out."""
