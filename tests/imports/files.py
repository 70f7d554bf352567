"""Files the import commands read, written to a test's folder."""

import csv


def csv_on_disk(folder, name: str, *rows) -> str:
    path = folder / name
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return str(path)
