"""Write the small, fictional sample exports the importer tests read.

Run from the repository root: ``.venv/bin/python tests/data/make_samples.py``.
The files are committed; this script documents exactly how each was made
(encodings, blank rows, quoting) and rebuilds them if they need to change.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

HERE = Path(__file__).parent
LONG_TEXT = ("Wait times at the counter are too long for seniors. " * 200)[:10_000]

BASIC = [
    ["Submission ID", "Date", "Community", "Organisation", "Channel", "Comment", "Satisfaction"],
    ["S-001", "2026-03-14", "Sudbury", "", "In person",
     "Le délai d’attente au centre de Sudbury était trop long.", "2"],
    ["S-002", "2026-03-15", "Thunder Bay", "Lakehead Seniors Network", "Phone",
     "Please add evening hours on Thursdays so working parents can come.", "4"],
    ["S-003", "2026-03-16", "Kingston", "", "Online",
     "NA", "3"],
]  # fmt: skip

SURVEY_EXPORT = [
    ["Response ID", "Start Date", "End Date", "Response Status",
     "Which service centre did you visit most recently?",
     "First three characters of your postal code", "Are you responding as...",
     "Organisation name (if applicable)",
     "Overall, how satisfied were you with your most recent visit? "
     "(1 = very dissatisfied, 5 = very satisfied)",
     "What is the main thing we should change about how you get service from us?",
     "Is there anything else you would like to tell us?",
     "May we quote your comments (without your name) in our public report?",
     "Preferred language"],
    ["R_1a2B3c", "2026-03-01 09:02:11", "2026-03-01 09:12:45", "Complete", "Ottawa Downtown",
     "K1P", "Individual", "", "4", "Let people book a time slot online instead of waiting in line.",
     "The staff were kind and patient with my mother.", "Yes", "English"],
    ["R_4d5E6f", "2026-03-02 13:40:00", "2026-03-02 13:51:09", "Complete", "Sudbury",
     "P3A", "On behalf of an organisation", "Sudbury Newcomer Centre", "2",
     "Offer interpretation in more languages at the counter, especially Arabic and Tigrinya.",
     "", "No", "English"],
    ["R_7g8H9i", "2026-03-03 10:15:30", "2026-03-03 10:20:02", "Complete", "Timmins",
     "P4N", "Front-line staff", "", "3", "Fix the queue screen; it freezes every afternoon.",
     "We need more staff on Mondays after long weekends.", "Yes", "Français"],
    ["R_0j1K2l", "2026-03-04 16:05:00", "2026-03-04 16:09:59", "Complete", "Kingston",
     "K7L", "Individual", "", "5", "Nothing really, the new online renewal was quick and easy.",
     "", "Yes", "English"],
    ["R_3m4N5o", "2026-03-05 08:30:12", "2026-03-05 08:41:40", "Partial", "Ottawa Downtown",
     "K2P", "Individual", "", "1",
     "Longer opening hours on Saturdays would help a lot of families.",
     "Parking near the centre is impossible to find after nine.", "No", "English"],
]  # fmt: skip


def write_csv(
    name: str,
    rows: list[list[str]],
    encoding: str = "utf-8",
    delimiter: str = ",",
    bom: bool = False,
    newline: str = "\r\n",
) -> None:
    """Write rows as CSV bytes in the given encoding, as a spreadsheet would."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    data = buffer.getvalue().encode(encoding)
    (HERE / name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def write_text_samples() -> None:
    """The CSV samples: encodings, delimiters, blank rows, quoting, a long cell."""
    write_csv("utf8.csv", BASIC)
    write_csv("utf8_bom.csv", BASIC, bom=True)
    write_csv("cp1252.csv", [
        ["Date", "Collectivité", "Commentaire"],
        ["2026-03-10", "Timmins", "Le service à Timmins était excellent, merci à l’équipe!"],
        ["2026-03-11", "Hearst", "« Trop d’attente » au comptoir de Hearst, surtout le lundi."],
    ], encoding="cp1252")  # fmt: skip
    (HERE / "blank_lines.csv").write_text(
        "Date,Community,Comment\n\n"
        "2026-03-01,Barrie,The kiosk was out of order again this week.\n"
        ",,\n\n"
        "2026-03-02,Orillia,Staff explained the forms clearly and in plain language.\n"
        "   ,  ,   \n"
        "2026-03-03,Midland,Please open a second counter at lunch time.\n\n",
        encoding="utf-8",
    )
    write_csv("quoted_newlines.csv", [
        ["Date", "Comment"],
        ["2026-03-05", "First line of my answer.\nSecond line, after a break."],
        ["2026-03-06", 'The sign says "take a number", but there are no numbers.'],
        ["2026-03-07", "Hours, parking, and signage, in that order."],
    ])  # fmt: skip
    write_csv("long_cell.csv", [
        ["Date", "Comment"],
        ["2026-03-08", LONG_TEXT],
        ["2026-03-09", "A short answer about the accessible entrance at the back."],
    ])  # fmt: skip
    write_csv("semicolon.csv", [
        ["Date", "Collectivité", "Commentaire", "Satisfaction"],
        ["14/03/2026", "Gatineau", "Le formulaire en ligne, trop long, m’a découragé.", "2"],
        ["15/03/2026", "Ottawa", "Personnel accueillant; temps d’attente raisonnable.", "4"],
    ], delimiter=";")  # fmt: skip


def write_survey_samples() -> None:
    """Wide survey exports and a file with bad rows."""
    write_csv("survey_export.csv", SURVEY_EXPORT)
    write_csv("wide_survey.csv", [
        ["Respondent", "Submitted", "Community",
         "What works well at your service centre?",
         "What should we change first?",
         "Any other comments?"],
        ["1", "2026-04-01", "Sudbury", "The staff know the forms inside out.",
         "Open earlier on Mondays for people who start work at eight.", ""],
        ["2", "2026-04-02", "Timmins", "",
         "Put a bench near the queue for people who cannot stand.",
         "Thank you for asking us what we think."],
        ["3", "2026-04-03", "Hearst", "Short waits when I came at opening time.", "   ", ""],
        ["4", "2026-04-04", "Kapuskasing", "", "", ""],
    ])  # fmt: skip
    write_csv("bad_rows.csv", [
        ["Date", "Comment", "Satisfaction"],
        ["2026-03-01", "The new ticket machine is much easier to use.", "4"],
        ["sometime in March", "Nobody answered the phone line for two days.", "2"],
        ["2026-03-03", "The website said the office was open, but it was closed.", "1"],
        ["2026-03-04", "Staff went out of their way to help me with my health card.", "9"],
        ["not sure", "Signs in the parking lot are confusing for first-time visitors.", "11"],
    ])  # fmt: skip


def write_structured_samples() -> None:
    """The workbook, JSON and JSON Lines samples."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Responses"
    sheet.append(["Received", "Community", "Comment", "Satisfaction", "Consent"])
    sheet.append(
        [
            dt.datetime(2026, 3, 14, 9, 12, 45),
            "North Bay",
            "The counter staff in North Bay were patient and bilingual.",
            5,
            "Yes",
        ]
    )
    sheet.append(
        [
            dt.datetime(2026, 3, 15),
            "Sault Ste. Marie",
            "Accessible parking spaces are always full by ten o’clock.",
            2,
            "No",
        ]
    )
    sheet.append([None, None, None, None, None])
    sheet.append(
        [dt.datetime(2026, 3, 16), "Elliot Lake", "Café-style seating would be nicer.", 4.0, None]
    )
    notes = workbook.create_sheet("Notes")
    notes.append(["Note"])
    notes.append(["Exported from the fictional Northern Region feedback log."])
    workbook.save(HERE / "sample.xlsx")

    records = [
        {"received_at": "2026-03-20T14:05:00Z", "community": "London",
         "comment": "The phone menu has too many options before you reach a person.",
         "satisfaction": 2, "consent": True, "tags": ["phone", "menu"]},
        {"received_at": "2026-03-21", "community": "Windsor",
         "comment": "Great help renewing my licence — thank you, Amélie!",
         "satisfaction": None, "consent": False, "partner": "Windsor Youth Hub"},
    ]  # fmt: skip
    (HERE / "sample.json").write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")  # fmt: skip
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    (HERE / "sample.jsonl").write_text(lines[0] + "\n\n" + lines[1] + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_text_samples()
    write_survey_samples()
    write_structured_samples()
