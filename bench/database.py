"""The benchmarks' own PostgreSQL database: made fresh for a run and dropped after it."""

from __future__ import annotations

import os

import psycopg
from psycopg import sql

SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
NAME = os.environ.get("BENCH_DATABASE", "scorecard_bench")


def url() -> str:
    return f"{SERVER}/{NAME}"


def recreate() -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(NAME)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(NAME)))


def drop() -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(NAME)))
