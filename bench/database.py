"""The benchmarks' own PostgreSQL database: made fresh for a run and dropped after it."""

from __future__ import annotations

import os

import psycopg
from psycopg import sql

SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
NAME = os.environ.get("BENCH_DATABASE", "scorecard_bench")


def url(name: str = NAME) -> str:
    return f"{SERVER}/{name}"


def recreate(name: str = NAME) -> None:
    drop(name)
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop(name: str = NAME) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
