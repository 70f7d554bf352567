"""Laying a document out within a time limit: in a child process that is stopped when the time is up.

A PDF or Word document is laid out from data already read (the report's dataclasses), so the child needs no
database: it is forked, lays the document out, sends the bytes back through a pipe and leaves at once (os._exit,
so it closes nothing it shares with the parent, such as the database connection). A thread could not be stopped;
a process can, so a request never holds a worker for longer than the limit.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import TypeVar

Made = TypeVar("Made")


class TooSlow(Exception):
    """The document was not ready within its time limit; the child laying it out was stopped."""


def within(seconds: float, make: Callable[[], Made]) -> Made:
    """make()'s result, made in a child process; TooSlow if it takes longer than `seconds`."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=in_child, args=(sending, make), daemon=True)
    child.start()
    sending.close()
    try:
        if not receiving.poll(seconds):
            raise TooSlow(f"The document took longer than {seconds:g} seconds to lay out.")
        made, failure = receiving.recv()  # from our own child, through a pipe only it holds
    except EOFError as error:  # the child died without a word (killed for its memory, say)
        raise TooSlow("The document could not be laid out.") from error
    finally:
        receiving.close()
        if child.is_alive():
            child.kill()
        child.join()
    if failure is not None:
        raise failure
    return made


def in_child(sending, make: Callable[[], object]) -> None:
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.connection = None  # the parent's: never used here, so stopping this child cannot break it
    try:
        answer = (make(), None)
    except Exception as failure:  # sent back to be raised in the parent, as if made there
        answer = (None, failure)
    try:
        sending.send(answer)
    finally:
        os._exit(0)
