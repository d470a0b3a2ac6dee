"""The CLI's list views show fields of the nouns' records (engage.schema) and say which
columns they work out themselves: a field renamed in the record cannot leave a list showing
an empty column."""

from __future__ import annotations

import pytest

from engage.cli import partners, recommend, submissions, theme
from engage.cli.output import view_columns
from engage.schema import Partner, Recommendation, Submission, ThemeRecord


@pytest.mark.parametrize(
    ("record", "shown"),
    [
        (Partner, partners.LIST_FIELDS),
        (Recommendation, recommend.LIST_FIELDS),
        (Submission, submissions.COLUMNS),
        (ThemeRecord, theme.THEME_FIELDS),
    ],
)
def test_each_list_view_shows_fields_of_its_record(record, shown):
    assert view_columns(record, shown) == list(shown)


def test_a_column_that_is_no_field_of_the_record_is_refused():
    with pytest.raises(ValueError, match="Partner has no field nickname"):
        view_columns(Partner, [("name", "name"), ("nickname", "nick")])
