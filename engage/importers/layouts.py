"""Undo the extra header rows that survey tools put above the responses.

- Qualtrics writes three header rows: short names ("Q3"), the question text, and
  ``{"ImportId": ...}`` tags. The question text becomes the header; the rest goes.
- SurveyMonkey writes two: the question over its first column (blank over the
  others of a multiple-choice group), then "Response", "Open-Ended Response" or
  the option under each column. They are merged into one header per column:
  "Which services did you use? - Driver's licence".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas

_IMPORT_ID = re.compile(r'\s*\{\s*"ImportId"\s*:')
_SURVEYMONKEY_PLAIN = {"response", "open-ended response", ""}


def survey_tool_header(
    header: list[str], frame: pandas.DataFrame
) -> tuple[list[str], pandas.DataFrame]:
    """Return the header a person would read and the rows below the tool's header rows."""
    if len(frame) >= 2 and _is_qualtrics(frame.iloc[1].tolist()):
        return [str(cell) for cell in frame.iloc[0].tolist()], frame.iloc[2:]
    if len(frame) >= 1 and _is_surveymonkey(header, frame.iloc[0].tolist()):
        return _merge_surveymonkey(header, frame.iloc[0].tolist()), frame.iloc[1:]
    return header, frame


def _is_qualtrics(third_row: list[str]) -> bool:
    """Qualtrics' third header row tags most columns with an ImportId."""
    tagged = sum(1 for cell in third_row if _IMPORT_ID.match(str(cell)))
    return tagged > 0 and tagged >= len(third_row) / 2


def _is_surveymonkey(header: list[str], second_row: list[str]) -> bool:
    """SurveyMonkey exports open with "Respondent ID" and say "Response" under questions."""
    names = {name.strip().lower() for name in header}
    labels = [str(cell).strip().lower() for cell in second_row]
    says_response = any(label in ("response", "open-ended response") for label in labels)
    return bool(names & {"respondent id", "collector id"}) and says_response


def _merge_surveymonkey(header: list[str], second_row: list[str]) -> list[str]:
    """One name per column: the question, then the option when the column is one option."""
    merged: list[str] = []
    question = ""
    for name, label in zip(header, second_row, strict=False):
        question = name.strip() or question
        option = str(label).strip()
        if option.lower() in _SURVEYMONKEY_PLAIN:
            merged.append(question)
        else:
            merged.append(f"{question} - {option}" if question else option)
    return merged + header[len(merged) :]
