# ruff: noqa: S608 -- the SQL is built from our own table and column names (c0, c1, …) and constants, never from
# the file's text, which reaches PostgreSQL only through COPY and parameters.
"""A generic long CSV checked and loaded by PostgreSQL itself, for national-scale files (issue 13 §6).

Reading millions of rows one by one in Python takes many times longer than PostgreSQL's COPY. So on PostgreSQL a
generic file is copied as it is into a temporary table (its rows numbered as a spreadsheet numbers them), and the
checks run on it as set operations. The rules stay the Python ones (checks.py): PostgreSQL only finds the few
distinct measure codes, area codes, periods and the cells that are not plain numbers, and Python judges each of
those once; every row they occur on is then named. The load is one INSERT … SELECT from the checked table.
"""

from __future__ import annotations

from collections.abc import Iterable

import psycopg
from django.db import connection

from scorecard.benchmarking import checks, generic, staged_values
from scorecard.benchmarking.checks import KEPT_PROBLEMS, NO, SUPPRESSED_MARKS, YES, ComparisonCheck, Problem, Shown
from scorecard.benchmarking.files import ComparatorFile, Layout
from scorecard.benchmarking.models import Area
from scorecard.benchmarking.staged_sql import STAGED, TABLE, WORK_MEMORY, column, copied_cell
from scorecard.imports import ImportProblem

# empty, or a number PostgreSQL reads as it is and a figure holds, between spaces (the checks trim them): matched on
# the cell as copied, so the cell is trimmed only when it is not such a number
PLAIN = r"^ *(-?[0-9]{1,12}(\.[0-9]+)?)? *$"
COPY_CHUNK = 1 << 20


def usable(found: ComparatorFile) -> bool:
    return found.layout is not None and connection.vendor == "postgresql"


def staged_check(found: ComparatorFile) -> ComparisonCheck:
    layout = found.layout
    check = ComparisonCheck(found)
    with connection.cursor() as cursor:
        stage(cursor, layout)
        cursor.execute("CREATE TEMPORARY TABLE staged_problems (row_number bigint, place int, col text, message text)")
        judged = Judged(cursor, layout, check)
        judged.census()
        judged.measures()
        judged.areas()
        judged.periods()
        judged.figures()
        judged.flags()
        judged.duplicates()
        judged.summarise()
        checks.check_measures(check)
        staged_values.classify(cursor, layout, check)
        cursor.execute("RESET work_mem")
    checks.check_groups(check, set(Area.objects.values_list("code", flat=True)), judged.latest_period)
    return check


def stage(cursor, layout: Layout) -> None:
    """Copy the file into a fresh temporary table, every cell as text, rows numbered from 2 as in a spreadsheet."""
    for table in STAGED:
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
    # the checks group millions of rows by measure, area and period: in memory, not spilled to disk
    cursor.execute(f"SET work_mem = '{WORK_MEMORY}'")
    cells = ", ".join(f"c{index} text" for index in range(layout.width))
    cursor.execute(
        f"CREATE TEMPORARY TABLE {TABLE} (row_number bigint GENERATED ALWAYS AS IDENTITY (START WITH 2), {cells})"
    )
    names = ", ".join(f"c{index}" for index in range(layout.width))
    content = layout.text.encode()
    try:
        with cursor.copy(f"COPY {TABLE} ({names}) FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
            for start in range(0, len(content), COPY_CHUNK):
                copy.write(content[start : start + COPY_CHUNK])
    except psycopg.errors.DataError as error:
        line = getattr(error.diag, "context", "") or ""
        raise ImportProblem(
            f"The file cannot be read as CSV: {error.diag.message_primary} ({line.strip()}). Every row must have "
            "as many columns as the headings."
        ) from error
    cursor.execute(f"ANALYZE {TABLE}")  # a temporary table has no statistics until asked: the joins need them


class Judged:
    """Each distinct cell judged once by the Python rules; the rows with a bad one named in staged_problems."""

    def __init__(self, cursor, layout: Layout, check: ComparisonCheck):
        self.cursor, self.layout, self.check = cursor, layout, check
        self.columns = check.file.columns
        self.latest_period = ""
        self.first_rows: dict[str, int] = {}  # measure code → the first row naming it
        self.area_names: dict[str, str] = {}  # area code → a name the file gives it ("" for none)
        self.period_cells: dict[str | None, str] = {}  # each period cell as copied → trimmed
        self.codes: list[tuple[int, str | None, str]] = []  # (0 measure or 1 area, cell as copied, its code)

    def census(self) -> None:
        """In one reading of the table: its rows, each measure's first row, each area's name, each period. Grouped
        by the cells as copied (trimmed once per distinct cell, not once per row); staged_codes keeps each measure
        and area cell's code for the load to join on."""
        layout = self.layout
        measure, area, period = (copied_cell(layout, key) for key in ("measure_code", "area_code", "period"))
        self.cursor.execute(
            f"""SELECT GROUPING({measure}), GROUPING({area}), {measure}, {area}, {period},
                       coalesce(btrim({measure}), ''), upper(coalesce(btrim({area}), '')),
                       coalesce(btrim({period}), ''),
                       count(*), min(row_number), coalesce(min(name) FILTER (WHERE name <> ''), '')
                FROM (SELECT *, {column(layout, "area_name")} AS name FROM {TABLE}) s
                GROUP BY GROUPING SETS (({measure}), ({area}), ({period}))"""
        )
        for measure_left_out, area_left_out, *cells, code, where, when, count, first, named in self.cursor.fetchall():
            if not measure_left_out:  # GROUPING() is 0 for the column a row is grouped by
                self.codes.append((0, cells[0], code))
                self.first_rows[code] = min(first, self.first_rows.get(code, first))
                self.check.rows += count
            elif not area_left_out:
                self.codes.append((1, cells[1], where))
                self.area_names[where] = min(filter(None, (self.area_names.get(where), named)), default="")
            else:
                self.period_cells[cells[2]] = when
        # each code numbered: the search for duplicates groups rows by three numbers rather than three texts
        numbers: dict[tuple[int, str], int] = {}
        self.cursor.execute("CREATE TEMPORARY TABLE staged_codes (place int, cell text, code text, number int)")
        with self.cursor.copy("COPY staged_codes FROM STDIN") as copy:
            for place, copied, code in self.codes:
                copy.write_row((place, copied, code, numbers.setdefault((place, code), len(numbers))))
        self.cursor.execute("ANALYZE staged_codes")

    def distinct(self, expression: str) -> list:
        self.cursor.execute(f"SELECT DISTINCT {expression} FROM {TABLE}")
        return [row[0] for row in self.cursor.fetchall()]

    def name_rows(self, place: int, column: str, expression: str, verdicts: dict[str, str]) -> None:
        """Every row whose `expression` has a bad verdict gets that verdict as its problem in `column`."""
        bad = {text: message for text, message in verdicts.items() if message}
        if not bad:
            return
        self.cursor.execute("CREATE TEMPORARY TABLE IF NOT EXISTS staged_verdicts (cell text, message text)")
        self.cursor.execute("TRUNCATE staged_verdicts")
        with self.cursor.copy("COPY staged_verdicts FROM STDIN") as copy:
            for text, message in bad.items():
                copy.write_row((text, message))
        self.cursor.execute(
            f"INSERT INTO staged_problems SELECT s.row_number, %s, %s, v.message FROM {TABLE} s "
            f"JOIN staged_verdicts v ON v.cell = {expression}",
            [place, column],
        )

    def measures(self) -> None:
        found, layout = self.check.file, self.layout
        measure = column(layout, "measure_code")
        by_column: dict[str, dict[str, str]] = {self.columns.measure: {}}
        for code, *cells in self.first_cells():
            if not code:
                by_column[self.columns.measure][code] = "no measure code"
                continue
            problem = generic.note_measure(
                found, code, [cell or "" for cell in cells], layout.positions, layout.written
            )
            if problem:
                by_column.setdefault(problem[0], {})[code] = problem[1]
        for name, verdicts in by_column.items():
            self.name_rows(0, name, measure, verdicts)

    def first_cells(self) -> list[tuple]:
        """(measure code, cells of its first row) for each measure: the cells are read again only when the file
        has a column the first row says something of the measure in (its title, unit or good is)."""
        layout = self.layout
        if not {"measure_title", "unit", "good_is"} & layout.positions.keys():
            return [(code, *[""] * layout.width) for code in self.first_rows]
        self.cursor.execute(  # joined, not "= ANY": an array is searched from its start for every row
            f"SELECT {column(layout, 'measure_code')}, {', '.join(f'c{n}' for n in range(layout.width))} FROM {TABLE} "
            "JOIN unnest(%s::bigint[]) AS first(row_number) USING (row_number)",
            [list(self.first_rows.values())],
        )
        return self.cursor.fetchall()

    def areas(self) -> None:
        found, layout = self.check.file, self.layout
        code = f"upper({column(layout, 'area_code')})"
        named = self.area_names.items()
        for area, area_name in named:
            if area and area_name and area not in found.areas:
                found.areas[area] = generic.AreaFacts(area_name, generic.gss.kind_of(area))
        held = set(Area.objects.values_list("code", flat=True))
        rows = checks.RowChecks(self.check, held)
        verdicts = {area: problems[0][1] if (problems := rows.area_problems(record(area))) else "" for area, _ in named}
        self.name_rows(1, self.columns.area, code, verdicts)
        self.check.areas_to_create = {code: facts for code, facts in found.areas.items() if code not in held}

    def periods(self) -> None:
        period = column(self.layout, "period")
        labels = {}
        for text in set(self.period_cells.values()):
            try:
                labels[text] = checks.benchmark_periods.period_label(text)
            except checks.PeriodError:
                labels[text] = None
        numbers: dict[str, int] = {}
        self.cursor.execute("CREATE TEMPORARY TABLE staged_periods (cell text, label text, number int)")
        with self.cursor.copy("COPY staged_periods FROM STDIN") as copy:
            for copied, text in self.period_cells.items():
                if label := labels[text]:
                    copy.write_row((copied, label, numbers.setdefault(label, len(numbers))))
        self.cursor.execute("ANALYZE staged_periods")
        good = [label for label in labels.values() if label]
        self.latest_period = max(good, key=checks.benchmark_periods.ends, default="")
        verdicts = {text: "" if label else checks.period_problem(text) for text, label in labels.items()}
        self.name_rows(2, self.columns.period, period, verdicts)

    def figures(self) -> None:
        """Cells that are not plain numbers: a suppression mark, "1,234", or a problem. Each is judged once and
        kept in staged_words (its number, and whether it marks the value suppressed) for the load."""
        self.cursor.execute("CREATE TEMPORARY TABLE staged_words (cell text, number numeric, suppressed boolean)")
        places = [
            (place, key, name)
            for place, key, name in (
                (3, "value", self.columns.value),
                (4, "numerator", self.columns.numerator),
                (5, "denominator", self.columns.denominator),
            )
            if key in self.layout.positions
        ]
        odd = [
            f"CASE WHEN c{self.layout.positions[key]} !~ %s THEN {column(self.layout, key)} END AS o{index}"
            for index, (_, key, _) in enumerate(places)
        ]
        named = ", ".join(f"o{index}" for index in range(len(places)))
        self.cursor.execute(
            f"SELECT DISTINCT {named} FROM (SELECT {', '.join(odd)} FROM {TABLE}) odd WHERE num_nonnulls({named}) > 0",
            [PLAIN] * len(odd),
        )
        found = self.cursor.fetchall()
        words: dict[str, tuple] = {}
        for index, (place, key, name) in enumerate(places):
            verdicts = {row[index]: checks.number_problem(row[index]) for row in found if row[index] is not None}
            self.name_rows(place, name, column(self.layout, key), verdicts)
            for text, problem in verdicts.items():
                if not problem:
                    marked = text.lower() in SUPPRESSED_MARKS
                    words[text] = (None if marked else checks.figure(text), marked)
        with self.cursor.copy("COPY staged_words FROM STDIN") as copy:
            for text, (number, marked) in words.items():
                copy.write_row((text, number, marked))
        self.cursor.execute("ANALYZE staged_words")

    def flags(self) -> None:
        for place, key, name in (
            (6, "provisional", self.columns.provisional),
            (7, "suppressed", self.columns.suppressed),
        ):
            if key not in self.layout.positions:
                continue
            cell = f"lower({column(self.layout, key)})"
            words = self.distinct(cell)
            verdicts = {text: "" if text in YES or text in NO else f"“{text}” is neither yes nor no" for text in words}
            self.name_rows(place, name, cell, verdicts)

    def duplicates(self) -> None:
        """A second value for the same measure, area and period (by its label: "2016-17" is "2016/17"), among rows
        otherwise right. Rows are grouped by the numbers staged_codes and staged_periods give each code and label
        (far less to hold than the cells), and only the rows whose numbers recur are read again."""
        layout = self.layout
        coded = f"""{TABLE} s
            JOIN staged_codes m ON m.place = 0 AND m.cell = {copied_cell(layout, "measure_code")}
            JOIN staged_codes a ON a.place = 1 AND a.cell = {copied_cell(layout, "area_code")}
            JOIN staged_periods p ON p.cell = {copied_cell(layout, "period")}"""
        self.cursor.execute(
            f"""CREATE TEMPORARY TABLE staged_recurring AS SELECT m.number AS m, a.number AS a, p.number AS p
                FROM {coded} GROUP BY 1, 2, 3 HAVING count(*) > 1"""
        )
        self.cursor.execute("SELECT count(*) FROM staged_recurring")
        if self.cursor.fetchone()[0]:
            self.cursor.execute(
                f"""INSERT INTO staged_problems
                SELECT row_number, 8, %s, 'a second value for ' || measure || ', ' || area || ' in ' || label
                       || ': row ' || first || ' has the first'
                FROM (SELECT s.row_number, m.code AS measure, a.code AS area, p.label,
                             min(s.row_number) OVER (PARTITION BY m.number, a.number, p.number) AS first
                      FROM {coded}
                      WHERE (m.number, a.number, p.number) IN (SELECT m, a, p FROM staged_recurring)
                        AND s.row_number NOT IN (SELECT row_number FROM staged_problems)) found
                WHERE row_number <> first""",
                [self.columns.area],
            )
        self.cursor.execute("DROP TABLE staged_recurring")

    def summarise(self) -> None:
        check = self.check
        self.cursor.execute("SELECT count(*), count(DISTINCT row_number) FROM staged_problems")
        check.problem_count, check.in_error = self.cursor.fetchone()
        self.cursor.execute(
            f"SELECT row_number, col, message FROM staged_problems ORDER BY row_number, place LIMIT {KEPT_PROBLEMS}"
        )
        check.problems = [Problem(row, column, message) for row, column, message in self.cursor.fetchall()]
        shown_rows = sorted({problem.row for problem in check.problems})[: checks.SHOWN]
        cells = self.cells_of(shown_rows)
        for row in shown_rows:
            messages = "; ".join(problem.message for problem in check.problems if problem.row == row)
            check.shown.append(Shown(row, "error", *cells.get(row, ("", "", "")), problems=messages))

    def cells_of(self, rows: Iterable[int]) -> dict[int, tuple[str, str, str]]:
        measure, area, period = (column(self.layout, key) for key in ("measure_code", "area_code", "period"))
        self.cursor.execute(
            f"SELECT row_number, {measure}, {area}, {period} FROM {TABLE} WHERE row_number = ANY(%s)",
            [list(rows)],
        )
        return {row: (measure, area, period) for row, measure, area, period in self.cursor.fetchall()}


def record(area: str):
    return checks.Record(0, "", area, "", "")
