"""Dates of entries: what is a date, what is a period, how each language shows them."""

from __future__ import annotations

import datetime

import pytest
from sphinx_cv.dates import parse_date, parse_period


@pytest.mark.parametrize(
    ("text", "iso", "shown"),
    [
        ("2021", "2021", "2021"),
        ("2021-03", "2021-03", "Mar 2021"),
        ("2021-03-09", "2021-03-09", "Mar 9, 2021"),
    ],
)
def test_a_date_keeps_its_precision(text: str, iso: str, shown: str) -> None:
    date = parse_date(text)
    assert (date.iso, date.format("en")) == (iso, shown)


@pytest.mark.parametrize(
    "text", ["21", "2021-3", "2021-13", "2021-02-30", "March 2021", "2021/03", "present", ""]
)
def test_anything_else_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date"):
        parse_date(text)


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("2021-03", "present", "Mar 2021 – present"),
        ("2021-03", None, "Mar 2021 – present"),
        ("2018", "2020", "2018 – 2020"),
        ("2019-05", "2019-05", "May 2019"),
        (None, "2012", "2012"),
    ],
)
def test_a_period_reads_as_one_range(start: str | None, end: str | None, shown: str) -> None:
    assert parse_period(start, end).format("en") == shown


def test_an_open_period_lasts_until_this_year() -> None:
    period = parse_period("2016", "present")
    assert (period.first_year, period.last_year) == (2016, datetime.date.today().year)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2020", "2019-12", "the end 2019-12 is before the start 2020"),
        (None, "present", "an end of 'present' needs a start"),
        ("2020", "tomorrow", "'tomorrow' is not a date"),
    ],
)
def test_a_bad_period_says_why(start: str | None, end: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_period(start, end)


@pytest.mark.parametrize(
    ("language", "shown"),
    [("de", "März 2021"), ("fr", "mars 2021"), ("ru", "март 2021"), ("xx", "Mar 2021")],
)
def test_month_names_are_the_documents_language(language: str, shown: str) -> None:
    assert parse_date("2021-03").format(language).startswith(shown)  # ru adds a year mark


def test_a_period_gives_each_shown_date_with_its_iso_form() -> None:
    assert parse_period("2021-03", None).parts("en") == [("Mar 2021", "2021-03"), ("present", "")]
    assert parse_period("2018", "2020-06-30").parts("en") == [
        ("2018", "2018"),
        ("Jun 30, 2020", "2020-06-30"),
    ]
    assert parse_period("2019-05", "2019-05").parts("en") == [("May 2019", "2019-05")]
    assert parse_period(None, None).parts("en") == []
    assert parse_period(None, None).format("en") == ""


@pytest.mark.parametrize("end", ["present", " Present ", "PRESENT"])
def test_present_is_an_open_end_in_any_case(end: str) -> None:
    period = parse_period(" 2016 ", end)
    assert (period.start.iso, period.end, period.open) == ("2016", None, True)


def test_a_closed_period_is_not_open() -> None:
    assert parse_period("2016", "2016").open is False
    assert parse_period(None, "2016").open is False
    assert parse_period("", "").open is False


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        ("2016-04", "2019-02", (2016, 2019)),
        (None, "2012", (2012, 2012)),
        ("2014", "2014-11", (2014, 2014)),
        (None, None, (None, None)),
    ],
)
def test_a_period_spans_its_first_and_last_year(
    start: str | None, end: str | None, years: tuple[int | None, int | None]
) -> None:
    period = parse_period(start, end)
    assert (period.first_year, period.last_year) == years


@pytest.mark.parametrize(
    ("language", "shown"),
    [("de-DE", "März 2021"), ("de_AT", "März 2021"), (None, "Mar 2021"), ("", "Mar 2021")],
)
def test_language_with_a_region_or_none(language: str | None, shown: str) -> None:
    assert parse_date("2021-03").format(language) == shown


def test_an_impossible_date_names_the_text_and_the_reason() -> None:
    with pytest.raises(ValueError, match=r"^'2021-02-30' is not a date: day is out of range"):
        parse_date("2021-02-30")
    message = r"^'21' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD$"
    with pytest.raises(ValueError, match=message):
        parse_date("21")
