"""File → submission drafts: read an export, recognise its columns, plan the import.

Pure functions, no database::

    df = read_table(Path("survey.csv"))
    mapping = detect_mapping(df, {"Org": "partner"})
    plan = plan_import(df, mapping, "survey.csv", default_channel="survey")

pandas and openpyxl are imported only when a file is read or planned.
"""

from engage.importers.detect import detect_mapping
from engage.importers.fields import FIELDS, SINGLE_FIELDS, ColumnMapping
from engage.importers.plan import ImportPlan, plan_import, row_hash
from engage.importers.readers import read_table

__all__ = [
    "FIELDS",
    "SINGLE_FIELDS",
    "ColumnMapping",
    "ImportPlan",
    "detect_mapping",
    "plan_import",
    "read_table",
    "row_hash",
]
