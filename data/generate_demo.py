#!/usr/bin/env python3
# ruff: noqa: E501  -- this file is mostly hand-written prose; long lines keep sentences whole.
"""Generate engage's bundled demo consultation (fictional) into this folder.

    python3 data/generate_demo.py

Standard library only, fixed seed: running it again rewrites every file
byte-for-byte identically. Everything here is invented: the organisations,
the people, the comments and every phone number, email, address, SIN and
health card number planted in the comments (555-01xx numbers, example.*
domains). Real Ontario place names are used for the communities.

Files written (see README.md): consultation.json, partners.csv,
interactions.csv, sessions.csv, survey_export.csv, session_notes.csv and
topics.csv (the answer key for tests; never imported).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
import unicodedata
from pathlib import Path

SEED = 20260302
OUT = Path(__file__).resolve().parent

TITLE = "Regional Service Centre Modernisation Review"
OFFICE = "Northern and Eastern Ontario Regional Service Office"
OPENS = dt.date(2026, 3, 2)
CLOSES = dt.date(2026, 6, 26)

Q1 = "What is the main thing we should change about how you get service from us?"
Q2 = "Is there anything else you would like to tell us?"
NOTES_Q = "Session notes"

SURVEY_COLUMNS = [
    "Response ID",
    "Start Date",
    "End Date",
    "Response Status",
    "Which service centre did you visit most recently?",
    "First three characters of your postal code",
    "Are you responding as...",
    "Organisation name (if applicable)",
    "Overall, how satisfied were you with your most recent visit? "
    "(1 = very dissatisfied, 5 = very satisfied)",
    Q1,
    Q2,
    "May we quote your comments (without your name) in our public report?",
    "Preferred language",
]
N_SURVEY = 1307

TOPICS = [
    "wait_times",
    "online_services",
    "accessibility",
    "french_language",
    "rural_access",
    "staff_courtesy",
    "opening_hours",
    "kiosk_reliability",
    "appointment_booking",
    "phone_line",
    "document_requirements",
]

NE = "Northeastern Ontario"
EA = "Eastern Ontario"

# --------------------------------------------------------------------------------------
# Partners: key, name, kind, sector, community, region, relationship, influence,
# interest, sharing consent, notes, contact name, role, email, phone, channel, consent,
# and the topics they tend to raise (used for their session notes and survey answers).
# --------------------------------------------------------------------------------------
PARTNERS = [
    # community
    (
        "timmins_seniors",
        "Timmins Seniors' Active Living Centre",
        "community",
        "Seniors services",
        "Timmins",
        NE,
        "partnership",
        3,
        5,
        "provincial",
        "Runs a Tuesday coffee hour where volunteers help members with paper forms. Strong turnout for in-person sessions.",
        "Lorraine Gauthier",
        "Program Coordinator",
        "lorraine.gauthier@example.org",
        "705-555-0111",
        "in_person",
        "yes",
        ["accessibility", "phone_line", "online_services", "wait_times"],
    ),
    (
        "franco_nord",
        "Franco-Nord Community Health Collective",
        "community",
        "Community health",
        "Hearst",
        NE,
        "partnership",
        3,
        5,
        "public",
        "Co-host for francophone sessions. Wants French-first materials, not translations done after the fact.",
        "Hélène Cloutier",
        "Directrice générale",
        "helene.cloutier@example.org",
        "705-555-0112",
        "email",
        "yes",
        ["french_language", "rural_access", "accessibility"],
    ),
    (
        "newcomer",
        "Sudbury Newcomer Welcome Network",
        "community",
        "Settlement services",
        "Sudbury",
        NE,
        "consultation",
        2,
        4,
        "internal",
        "Recruits newcomers for interviews; interpreters must be booked two weeks ahead.",
        "Amina Haddad",
        "Settlement Services Manager",
        "a.haddad@example.org",
        "705-555-0113",
        "email",
        "yes",
        ["document_requirements", "staff_courtesy", "online_services"],
    ),
    (
        "kap_community",
        "Kapuskasing Riverside Community Association",
        "community",
        "Community association",
        "Kapuskasing",
        NE,
        "consultation",
        2,
        5,
        "public",
        "Organised the spring 2026 letter campaign to keep the Kapuskasing centre open.",
        "Réjean Lapointe",
        "President",
        "rejean.lapointe@example.net",
        "705-555-0114",
        "phone",
        "yes",
        ["rural_access", "opening_hours", "french_language"],
    ),
    (
        "cochrane_family",
        "Cochrane Family Resource Centre",
        "community",
        "Family services",
        "Cochrane",
        NE,
        "consultation",
        2,
        3,
        "internal",
        "Provided the room and childcare for the May pop-up.",
        "Jenna Morrison",
        "Executive Director",
        "jmorrison@example.org",
        "705-555-0115",
        "email",
        "yes",
        ["rural_access", "document_requirements", "appointment_booking"],
    ),
    (
        "pembroke_foodbank",
        "Pembroke Valley Food Bank",
        "community",
        "Food security",
        "Pembroke",
        EA,
        "none",
        1,
        2,
        "none",
        "Many clients have lost their ID. Has not replied to invitations so far.",
        "Gord Schultz",
        "Volunteer Coordinator",
        "gord.schultz@example.org",
        "613-555-0116",
        "phone",
        "no",
        ["document_requirements"],
    ),
    (
        "moosonee_radio",
        "Moosonee Community Radio Society",
        "community",
        "Community media",
        "Moosonee",
        NE,
        "consultation",
        2,
        3,
        "public",
        "Reads our announcements on the morning show in English and Cree.",
        "Della Hunter",
        "Station Manager",
        "della.hunter@example.com",
        "705-555-0117",
        "phone",
        "yes",
        ["rural_access", "phone_line"],
    ),
    (
        "northbay_parents",
        "North Bay Parents' Network",
        "community",
        "Families",
        "North Bay",
        NE,
        "none",
        1,
        3,
        "internal",
        "Online group of about 4,000 local parents; shares survey links.",
        "Kristen Doyle",
        "Volunteer Administrator",
        "kristen.doyle@example.com",
        "705-555-0118",
        "online",
        "yes",
        ["appointment_booking", "opening_hours", "wait_times"],
    ),
    (
        "cornwall_literacy",
        "Cornwall Literacy Council",
        "community",
        "Adult literacy",
        "Cornwall",
        EA,
        "partnership",
        2,
        4,
        "provincial",
        "Helped test the plain-language document checklist with adult learners.",
        "Patrick Ouellette",
        "Program Lead",
        "p.ouellette@example.org",
        "613-555-0119",
        "email",
        "yes",
        ["document_requirements", "online_services", "kiosk_reliability"],
    ),
    (
        "sault_youth",
        "Sault Ste. Marie Youth Hub",
        "community",
        "Youth services",
        "Sault Ste. Marie",
        NE,
        "none",
        1,
        2,
        "none",
        "Invited twice; no reply yet.",
        "Tyler Brennan",
        "Outreach Worker",
        "tyler.brennan@example.org",
        "705-555-0120",
        "online",
        "no",
        ["online_services", "document_requirements"],
    ),
    (
        "hawkesbury_centre",
        "Centre communautaire francophone de Hawkesbury",
        "community",
        "Francophone community services",
        "Hawkesbury",
        EA,
        "consultation",
        2,
        4,
        "public",
        "Promotes our sessions in its French newsletter; hosts a weekly seniors' lunch.",
        "Sylvie Charbonneau",
        "Coordonnatrice",
        "sylvie.charbonneau@example.org",
        "613-555-0121",
        "in_person",
        "yes",
        ["french_language", "accessibility", "wait_times"],
    ),
    (
        "jamesbay_circle",
        "James Bay Coast Family Support Circle",
        "community",
        "Indigenous family services",
        "Moosonee",
        NE,
        "consultation",
        2,
        5,
        "internal",
        "Families on the coast often fly out to get documents; asked for an outreach clinic.",
        "Marlene Turner",
        "Family Support Lead",
        "marlene.turner@example.org",
        "705-555-0122",
        "phone",
        "yes",
        ["rural_access", "document_requirements"],
    ),
    # advocacy
    (
        "kingston_aac",
        "Kingston Accessibility Advisory Committee",
        "advocacy",
        "Accessibility",
        "Kingston",
        EA,
        "partnership",
        4,
        5,
        "public",
        "Audited the Kingston centre in April and sent 14 findings.",
        "Rebecca Tran",
        "Committee Chair",
        "rebecca.tran@example.org",
        "613-555-0123",
        "email",
        "yes",
        ["accessibility", "kiosk_reliability", "online_services"],
    ),
    (
        "seniors_coalition",
        "Northern Ontario Seniors' Rights Coalition",
        "advocacy",
        "Seniors",
        "Sudbury",
        NE,
        "consultation",
        4,
        5,
        "public",
        "Presses for phone and paper options for seniors; sent a written submission.",
        "Walter Kowalczyk",
        "Policy Volunteer",
        "walter.k@example.net",
        "705-555-0124",
        "phone",
        "yes",
        ["phone_line", "online_services", "accessibility", "appointment_booking"],
    ),
    (
        "deafblind",
        "Eastern Hard of Hearing and Deafblind Access Network",
        "advocacy",
        "Accessibility (hearing and vision)",
        "Cornwall",
        EA,
        "consultation",
        2,
        5,
        "provincial",
        "Needs captioning and relay options at every session; prefers email.",
        "Nadia Benoit",
        "Advocacy Coordinator",
        "nadia.benoit@example.org",
        "613-555-0125",
        "email",
        "yes",
        ["accessibility", "phone_line", "kiosk_reliability"],
    ),
    (
        "afun",
        "Association francophone des usagers du Nord",
        "advocacy",
        "Francophone rights",
        "Timmins",
        NE,
        "partnership",
        4,
        5,
        "public",
        "Wants a measurable target on the active offer of French-language service.",
        "Guy Lefebvre",
        "Président",
        "guy.lefebvre@example.org",
        "705-555-0126",
        "email",
        "yes",
        ["french_language", "phone_line", "online_services"],
    ),
    (
        "algoma_broadband",
        "Rural Broadband Now Algoma",
        "advocacy",
        "Connectivity",
        "Sault Ste. Marie",
        NE,
        "consultation",
        3,
        4,
        "public",
        "Shared speed-test data from 14 townships.",
        "Colleen Fraser",
        "Spokesperson",
        "colleen.fraser@example.com",
        "705-555-0127",
        "online",
        "yes",
        ["rural_access", "online_services"],
    ),
    (
        "low_vision",
        "Eastern Ontario Low Vision Peer Support",
        "advocacy",
        "Vision loss",
        "Kingston",
        EA,
        "consultation",
        1,
        4,
        "internal",
        "Small volunteer group; asks for large-print and audio formats.",
        "Harold Bishop",
        "Peer Support Lead",
        "harold.bishop@example.net",
        "613-555-0128",
        "phone",
        "yes",
        ["accessibility", "kiosk_reliability"],
    ),
    (
        "tenant_advocates",
        "Nipissing Tenant and Income Security Advocates",
        "advocacy",
        "Anti-poverty",
        "North Bay",
        NE,
        "none",
        2,
        4,
        "provincial",
        "Raises proof-of-address barriers for people in shelters and rooming houses.",
        "Leah Martel",
        "Community Legal Worker",
        "leah.martel@example.org",
        "705-555-0129",
        "email",
        "yes",
        ["document_requirements", "phone_line"],
    ),
    (
        "valley_disability",
        "Valley Disability Action Group",
        "advocacy",
        "Disability",
        "Pembroke",
        EA,
        "consultation",
        2,
        5,
        "public",
        "Declined the business focus group; asked for a separate accessibility conversation in the Valley (not yet scheduled).",
        "Owen McCallum",
        "Co-chair",
        "owen.mccallum@example.com",
        "613-555-0130",
        "phone",
        "yes",
        ["accessibility"],
    ),
    # business
    (
        "otv_trucking",
        "Ottawa Valley Trucking Association",
        "business",
        "Transportation",
        "Pembroke",
        EA,
        "consultation",
        4,
        4,
        "provincial",
        "Commercial vehicle permits; wants a dedicated commercial counter one morning a week.",
        "Dean Hollister",
        "Executive Director",
        "dean.hollister@example.com",
        "613-555-0131",
        "phone",
        "yes",
        ["document_requirements", "online_services", "opening_hours"],
    ),
    (
        "sudbury_business",
        "Greater Sudbury Small Business Alliance",
        "business",
        "Small business",
        "Sudbury",
        NE,
        "consultation",
        3,
        3,
        "public",
        "Asks for results broken down for business respondents.",
        "Anita Desrosiers",
        "Policy Director",
        "anita.desrosiers@example.com",
        "705-555-0132",
        "email",
        "yes",
        ["opening_hours", "online_services", "wait_times"],
    ),
    (
        "mining_supply",
        "Timmins Mining Supply Contractors' Group",
        "business",
        "Mining services",
        "Timmins",
        NE,
        "none",
        3,
        2,
        "internal",
        "Invited twice; no response.",
        "Rick Lavallée",
        "Secretary",
        "rick.lavallee@example.com",
        "705-555-0133",
        "email",
        "no",
        ["opening_hours"],
    ),
    (
        "seaway_business",
        "Seaway Valley Business Council",
        "business",
        "Chamber of commerce",
        "Cornwall",
        EA,
        "consultation",
        4,
        3,
        "public",
        "Circulated the survey in its member newsletter.",
        "Michelle Leroux",
        "Chief Executive",
        "michelle.leroux@example.com",
        "613-555-0134",
        "email",
        "yes",
        ["opening_hours", "kiosk_reliability", "online_services"],
    ),
    (
        "northway_driving",
        "Northway Driving School Co-op",
        "business",
        "Driver training",
        "North Bay",
        NE,
        "consultation",
        2,
        4,
        "internal",
        "Students struggle with booking and the document lists for licences.",
        "Sandeep Gill",
        "Owner-Operator",
        "sandeep.gill@example.com",
        "705-555-0135",
        "phone",
        "yes",
        ["appointment_booking", "document_requirements"],
    ),
    (
        "boreal_kiosk",
        "Boreal Kiosk Systems Inc.",
        "business",
        "Technology vendor",
        "Sudbury",
        NE,
        "contract",
        3,
        2,
        "none",
        "Kiosk maintenance contract; quarterly reviews.",
        "Craig Whitmore",
        "Account Manager",
        "craig.whitmore@example.com",
        "705-555-0136",
        "email",
        "yes",
        ["kiosk_reliability"],
    ),
    (
        "hearst_forest",
        "Hearst Forest Products Employers' Group",
        "business",
        "Forestry",
        "Hearst",
        NE,
        "none",
        4,
        1,
        "internal",
        "Large local employer; little interest so far.",
        "Luc Bérubé",
        "HR Director",
        "luc.berube@example.com",
        "705-555-0137",
        "email",
        "no",
        ["opening_hours"],
    ),
    (
        "kingston_merchants",
        "Kingston Downtown Merchants' Association",
        "business",
        "Retail",
        "Kingston",
        EA,
        "none",
        2,
        3,
        "public",
        "Concerned about parking near the centre.",
        "Fiona Grant",
        "Coordinator",
        "fiona.grant@example.com",
        "613-555-0138",
        "email",
        "yes",
        ["opening_hours", "accessibility"],
    ),
    (
        "northstar_courier",
        "NorthStar Courier and Mail Services",
        "business",
        "Courier",
        "Timmins",
        NE,
        "contract",
        2,
        1,
        "internal",
        "Delivers paper survey packages to remote communities.",
        "Bill Antoniou",
        "Operations Lead",
        "bill.antoniou@example.com",
        "705-555-0139",
        "phone",
        "yes",
        ["rural_access"],
    ),
    (
        "algoma_auto",
        "Algoma Auto Dealers' Group",
        "business",
        "Automotive",
        "Sault Ste. Marie",
        NE,
        "consultation",
        3,
        4,
        "provincial",
        "Wants dealers to be able to process more permit transfers directly.",
        "Janet Rossi",
        "Chair",
        "janet.rossi@example.com",
        "705-555-0140",
        "in_person",
        "yes",
        ["document_requirements", "kiosk_reliability", "online_services"],
    ),
    # labour
    (
        "svc_union",
        "Service Workers Union Local 412",
        "labour",
        "Public service union",
        "Sudbury",
        NE,
        "consultation",
        4,
        5,
        "internal",
        "Represents counter and contact-centre staff; wants members to see the summary before publication.",
        "Denise Paquette",
        "President, Local 412",
        "denise.paquette@example.org",
        "705-555-0141",
        "in_person",
        "yes",
        ["wait_times", "kiosk_reliability", "phone_line", "staff_courtesy"],
    ),
    (
        "npef88",
        "Northern Public Employees' Federation, Local 88",
        "labour",
        "Public sector",
        "Timmins",
        NE,
        "consultation",
        3,
        4,
        "internal",
        "Asked to include Timmins staff in the staff focus group.",
        "Marcel Thibodeau",
        "Chief Steward",
        "marcel.thibodeau@example.org",
        "705-555-0143",
        "phone",
        "yes",
        ["wait_times", "opening_hours", "kiosk_reliability"],
    ),
    (
        "eo_callcentre",
        "Eastern Ontario Call Centre Workers' Guild",
        "labour",
        "Contact centre",
        "Kingston",
        EA,
        "none",
        2,
        5,
        "none",
        "Declined the staff focus group; asked to be kept informed.",
        "Aisha Rahman",
        "Organizer",
        "aisha.rahman@example.org",
        "613-555-0144",
        "email",
        "no",
        ["phone_line"],
    ),
    (
        "freight_union",
        "Highway Freight Drivers' Union Local 7",
        "labour",
        "Transportation",
        "North Bay",
        NE,
        "none",
        2,
        3,
        "none",
        "Invited to the permits workshop; did not attend.",
        "Kevin O'Brien",
        "Business Agent",
        "kevin.obrien@example.org",
        "705-555-0145",
        "phone",
        "no",
        ["document_requirements"],
    ),
    (
        "valley_trades",
        "Valley Building Trades Council",
        "labour",
        "Construction",
        "Pembroke",
        EA,
        "none",
        1,
        1,
        "none",
        "No contact since 2025.",
        "Stan Kowalski",
        "Secretary-Treasurer",
        "stan.kowalski@example.org",
        "613-555-0146",
        "mail",
        "no",
        ["opening_hours"],
    ),
    (
        "kap_mill_union",
        "Kapuskasing Mill Workers' Union Local 1190",
        "labour",
        "Forestry",
        "Kapuskasing",
        NE,
        "consultation",
        2,
        4,
        "public",
        "Shared the campaign letter with members; shift workers need evening hours.",
        "Normand Roy",
        "Vice-President",
        "normand.roy@example.org",
        "705-555-0147",
        "phone",
        "yes",
        ["opening_hours", "rural_access"],
    ),
    # government
    (
        "black_river",
        "Township of Black River-Matheson",
        "government",
        "Municipal",
        "Matheson",
        NE,
        "consultation",
        2,
        3,
        "provincial",
        "Clerk proposed taking simple applications at the township office.",
        "Diane Carrière",
        "Clerk",
        "diane.carriere@example.org",
        "705-555-0148",
        "email",
        "yes",
        ["rural_access", "online_services"],
    ),
    (
        "kap_town",
        "Town of Kapuskasing",
        "government",
        "Municipal",
        "Kapuskasing",
        NE,
        "partnership",
        5,
        5,
        "public",
        "Council resolution (April 2026) to keep the centre open and restore five-day hours.",
        "Mathieu Gagnon",
        "Chief Administrative Officer",
        "mathieu.gagnon@example.org",
        "705-555-0149",
        "email",
        "yes",
        ["rural_access", "opening_hours"],
    ),
    (
        "hearst_town",
        "Town of Hearst",
        "government",
        "Municipal",
        "Hearst",
        NE,
        "partnership",
        3,
        5,
        "public",
        "The mayor opened the Hearst town hall; wants evening hours at the part-time office.",
        "Chantal Picard",
        "Directrice générale",
        "chantal.picard@example.org",
        "705-555-0150",
        "email",
        "yes",
        ["opening_hours", "french_language", "rural_access"],
    ),
    (
        "pembroke_city",
        "City of Pembroke",
        "government",
        "Municipal",
        "Pembroke",
        EA,
        "consultation",
        3,
        3,
        "provincial",
        "Wants the Pembroke results before council's July meeting.",
        "Scott Mackenzie",
        "Director of Community Services",
        "scott.mackenzie@example.org",
        "613-555-0151",
        "email",
        "yes",
        ["opening_hours", "accessibility"],
    ),
    (
        "prescott_russell",
        "United Counties of Prescott and Russell",
        "government",
        "Upper-tier municipal",
        "L'Orignal",
        EA,
        "consultation",
        3,
        3,
        "provincial",
        "Offered the Hawkesbury library as the drop-in venue.",
        "Josianne Lalande",
        "Community Services Coordinator",
        "josianne.lalande@example.org",
        "613-555-0152",
        "email",
        "yes",
        ["french_language", "rural_access"],
    ),
    (
        "cochrane_dhsb",
        "Cochrane District Human Services Board",
        "government",
        "Social services",
        "Cochrane",
        NE,
        "partnership",
        4,
        4,
        "provincial",
        "Co-hosted the Cochrane pop-up; covered the room and promotion.",
        "Ryan Bouchard",
        "Director of Integrated Services",
        "ryan.bouchard@example.org",
        "705-555-0153",
        "phone",
        "yes",
        ["rural_access", "document_requirements"],
    ),
    (
        "public_health",
        "Northern Lakes Public Health Office",
        "government",
        "Public health",
        "North Bay",
        NE,
        "consultation",
        3,
        3,
        "provincial",
        "Interested in health card access for people without a fixed address.",
        "Meera Pillai",
        "Associate Medical Officer",
        "meera.pillai@example.org",
        "705-555-0154",
        "email",
        "yes",
        ["document_requirements", "accessibility"],
    ),
    (
        "greater_sudbury",
        "City of Greater Sudbury",
        "government",
        "Municipal",
        "Sudbury",
        NE,
        "consultation",
        4,
        2,
        "public",
        "Lent Lasalle Community Hall for the March town hall.",
        "Brian Kostuk",
        "Manager, Citizen Services",
        "brian.kostuk@example.org",
        "705-555-0155",
        "email",
        "yes",
        ["opening_hours", "wait_times"],
    ),
    (
        "vital_records",
        "Provincial Vital Records Coordination Unit",
        "government",
        "Provincial program (vital statistics)",
        "Sudbury",
        NE,
        "partnership",
        5,
        3,
        "internal",
        "Owns birth certificate policy; we share themes with the unit, not raw comments.",
        "Karen Whitlock",
        "Senior Policy Advisor",
        "karen.whitlock@example.org",
        "705-555-0156",
        "email",
        "yes",
        ["document_requirements"],
    ),
    (
        "moosonee_town",
        "Town of Moosonee",
        "government",
        "Municipal",
        "Moosonee",
        NE,
        "consultation",
        2,
        4,
        "provincial",
        "Asked for a summer outreach clinic on the coast.",
        "Peter Hamilton",
        "Clerk-Administrator",
        "peter.hamilton@example.org",
        "705-555-0157",
        "phone",
        "yes",
        ["rural_access", "document_requirements"],
    ),
    # other
    (
        "nipissing_lib",
        "Nipissing Regional Library Network",
        "other",
        "Libraries",
        "North Bay",
        NE,
        "partnership",
        2,
        4,
        "public",
        "Hosted survey help desks in 11 branches and returned 143 paper surveys.",
        "Erin Lacroix",
        "Branch Services Manager",
        "erin.lacroix@example.org",
        "705-555-0158",
        "email",
        "yes",
        ["online_services", "rural_access"],
    ),
    (
        "veterans",
        "Northern Veterans' Association, Cochrane Branch",
        "other",
        "Veterans",
        "Cochrane",
        NE,
        "none",
        1,
        3,
        "none",
        "Their hall could host pop-ups; invited, has not attended yet.",
        "Ed Sinclair",
        "Branch President",
        "ed.sinclair@example.net",
        "705-555-0159",
        "mail",
        "no",
        ["accessibility", "rural_access"],
    ),
    (
        "st_brigid",
        "St. Brigid's Parish Outreach Committee",
        "other",
        "Faith-based outreach",
        "Pembroke",
        EA,
        "none",
        1,
        2,
        "none",
        "Runs a weekly drop-in; no contact since the invitation.",
        "Margaret Doherty",
        "Outreach Chair",
        "mdoherty@example.net",
        "613-555-0160",
        "mail",
        "yes",
        ["document_requirements"],
    ),
    (
        "boreal_coop",
        "Boreal Rural Broadband Co-operative",
        "other",
        "Connectivity co-operative",
        "Hearst",
        NE,
        "consultation",
        2,
        3,
        "internal",
        "Member-owned internet co-op serving the townships around Hearst.",
        "Yves Cormier",
        "General Manager",
        "yves.cormier@example.com",
        "705-555-0161",
        "email",
        "yes",
        ["rural_access", "online_services"],
    ),
    (
        "limestone_students",
        "Limestone City Students' Union",
        "other",
        "Post-secondary students",
        "Kingston",
        EA,
        "none",
        1,
        3,
        "internal",
        "Invited to the Kingston workshop; did not attend.",
        "Jordan Okeke",
        "VP External",
        "jordan.okeke@example.org",
        "613-555-0162",
        "online",
        "no",
        ["online_services", "appointment_booking"],
    ),
    (
        "algoma_interpreters",
        "Algoma Newcomer Interpreters' Collective",
        "other",
        "Interpretation services",
        "Sault Ste. Marie",
        NE,
        "contract",
        2,
        4,
        "internal",
        "On contract for interpretation at sessions.",
        "Sofia Mendes",
        "Coordinator",
        "sofia.mendes@example.org",
        "705-555-0163",
        "email",
        "yes",
        ["document_requirements", "staff_courtesy"],
    ),
]
P = {p[0]: p for p in PARTNERS}


def pname(key: str) -> str:
    return P[key][1]


# --------------------------------------------------------------------------------------
# Sessions: key, date, kind, channel, community, location, facilitator, attendance
# (None = computed), accessibility notes, invited keys, attended keys, number of notes,
# note style, topic bias.
# --------------------------------------------------------------------------------------
SESSIONS = [
    (
        "S01",
        "2026-03-02",
        "survey_wave",
        "survey",
        "Region-wide",
        "Online survey, English and French (launch wave)",
        "Priya Raman",
        None,
        "Survey tested with a screen reader; large-print paper copies and a phone-in option offered on the landing page.",
        [
            "nipissing_lib",
            "seniors_coalition",
            "northbay_parents",
            "seaway_business",
            "sudbury_business",
            "afun",
            "newcomer",
            "kingston_aac",
            "cornwall_literacy",
            "moosonee_radio",
            "sault_youth",
            "mining_supply",
            "hearst_forest",
            "kingston_merchants",
        ],
        [
            "nipissing_lib",
            "seniors_coalition",
            "northbay_parents",
            "seaway_business",
            "sudbury_business",
            "afun",
            "newcomer",
            "kingston_aac",
            "cornwall_literacy",
            "moosonee_radio",
        ],
        0,
        None,
        {},
    ),
    (
        "S02",
        "2026-03-10",
        "town_hall",
        "in_person",
        "Sudbury",
        "Lasalle Community Hall, Sudbury",
        "Priya Raman",
        86,
        "Ground-floor hall, accessible washrooms; ASL interpreter booked; large-print handouts; hearing loop at the front tables.",
        [
            "greater_sudbury",
            "seniors_coalition",
            "newcomer",
            "sudbury_business",
            "svc_union",
            "vital_records",
        ],
        ["greater_sudbury", "seniors_coalition", "newcomer", "sudbury_business", "svc_union"],
        26,
        "officer",
        {},
    ),
    (
        "S03",
        "2026-03-17",
        "workshop",
        "in_person",
        "Timmins",
        "Timmins Seniors' Active Living Centre, main hall",
        "Marc-André Lalonde",
        24,
        "Bilingual facilitation; chairs with arms set aside at the front; morning start chosen by members.",
        ["timmins_seniors", "afun", "npef88", "mining_supply"],
        ["timmins_seniors", "afun", "npef88"],
        24,
        "officer",
        {"accessibility": 1.6, "phone_line": 1.4, "french_language": 1.3},
    ),
    (
        "S04",
        "2026-03-19",
        "focus_group",
        "online",
        "Hearst",
        "Video call, in French (groupe de discussion)",
        "Josée Tremblay",
        9,
        "Session in French; live captions on; materials sent 48 hours ahead; a phone dial-in for participants without broadband.",
        ["franco_nord", "afun", "hearst_town", "hawkesbury_centre", "boreal_coop"],
        ["franco_nord", "afun", "hawkesbury_centre"],
        14,
        "officer",
        {"french_language": 4.0, "rural_access": 1.5},
    ),
    (
        "S05",
        "2026-03-24",
        "drop_in",
        "in_person",
        "Kapuskasing",
        "Kapuskasing service centre lobby",
        "Marc-André Lalonde",
        41,
        "Held in the lobby during opening hours; seating provided; bilingual officer on site.",
        ["kap_town", "kap_community", "kap_mill_union"],
        ["kap_community", "kap_town"],
        22,
        "officer",
        {"rural_access": 2.5, "opening_hours": 1.8, "wait_times": 1.3},
    ),
    (
        "S06",
        "2026-03-26",
        "interview",
        "phone",
        "North Bay",
        "Telephone interviews from the North Bay office",
        "Kelly Whitfield",
        12,
        "Calls booked at the participant's chosen time; relay service offered; questions mailed in large print beforehand.",
        ["seniors_coalition", "tenant_advocates", "northbay_parents", "public_health"],
        ["seniors_coalition", "tenant_advocates"],
        12,
        "officer",
        {
            "phone_line": 2.0,
            "accessibility": 1.6,
            "online_services": 1.4,
            "document_requirements": 1.3,
        },
    ),
    (
        "S07",
        "2026-04-02",
        "kiosk",
        "kiosk",
        "Cornwall",
        "Feedback kiosk at the Cornwall service centre (mall location)",
        "Sam Ferreira",
        74,
        "Kiosk at seated height with an audio option; a paper comment card available at the counter.",
        ["deafblind", "cornwall_literacy", "seaway_business"],
        ["deafblind", "cornwall_literacy"],
        20,
        "kiosk",
        {"kiosk_reliability": 3.0, "wait_times": 1.5},
    ),
    (
        "S08",
        "2026-04-08",
        "town_hall",
        "social",
        "Sault Ste. Marie",
        "Facebook Live Q&A on the regional office page",
        "Kelly Whitfield",
        63,
        "Auto-captions checked by a second moderator; questions also taken by email for people not on social media.",
        ["sault_youth", "algoma_broadband", "algoma_auto", "algoma_interpreters"],
        ["algoma_broadband", "algoma_interpreters"],
        22,
        "social",
        {"online_services": 1.8, "phone_line": 1.5, "appointment_booking": 1.5},
    ),
    (
        "S09",
        "2026-04-14",
        "workshop",
        "in_person",
        "Kingston",
        "Portsmouth Community Room, Kingston",
        "Kelly Whitfield",
        22,
        "Co-designed with the accessibility committee: ASL and CART captioning, scent-free, quiet room, accessible transit stop at the door.",
        ["kingston_aac", "low_vision", "limestone_students", "kingston_merchants", "deafblind"],
        ["kingston_aac", "low_vision", "deafblind"],
        20,
        "officer",
        {"accessibility": 5.0, "kiosk_reliability": 1.4},
    ),
    (
        "S10",
        "2026-04-21",
        "survey_wave",
        "mail",
        "Moosonee",
        "Paper survey mailed to households on the James Bay coast",
        "Marc-André Lalonde",
        31,
        "Plain-language form in English, French and Cree summary; prepaid return envelope; radio announcement read daily.",
        ["moosonee_town", "jamesbay_circle", "moosonee_radio", "northstar_courier"],
        ["moosonee_town", "jamesbay_circle", "moosonee_radio"],
        24,
        "mail",
        {"rural_access": 3.5, "document_requirements": 1.8, "phone_line": 1.4},
    ),
    (
        "S11",
        "2026-04-23",
        "focus_group",
        "in_person",
        "Pembroke",
        "Pembroke Business Hub boardroom",
        "Sam Ferreira",
        8,
        "Early-morning slot for business owners; elevator checked the day before.",
        ["otv_trucking", "pembroke_city", "valley_disability", "valley_trades"],
        ["otv_trucking", "pembroke_city"],
        10,
        "officer",
        {"document_requirements": 2.5, "opening_hours": 2.0, "online_services": 1.5},
    ),
    (
        "S12",
        "2026-04-29",
        "town_hall",
        "in_person",
        "Hearst",
        "Salle communautaire, Hearst (bilingual)",
        "Josée Tremblay",
        57,
        "Simultaneous interpretation French-English; hearing loop; ramp at the side entrance signed from the street.",
        ["hearst_town", "franco_nord", "hearst_forest", "boreal_coop", "afun"],
        ["hearst_town", "franco_nord", "boreal_coop", "afun"],
        24,
        "officer",
        {"french_language": 2.5, "rural_access": 2.2, "opening_hours": 1.5},
    ),
    (
        "S13",
        "2026-05-05",
        "interview",
        "email",
        "Region-wide",
        "Written submissions by email",
        "Priya Raman",
        8,
        "Partners could send submissions in any format, including audio recordings transcribed by staff.",
        [
            "seniors_coalition",
            "tenant_advocates",
            "kingston_aac",
            "afun",
            "otv_trucking",
            "algoma_broadband",
            "public_health",
            "eo_callcentre",
            "vital_records",
            "cornwall_literacy",
        ],
        [
            "seniors_coalition",
            "tenant_advocates",
            "kingston_aac",
            "afun",
            "otv_trucking",
            "algoma_broadband",
            "public_health",
            "cornwall_literacy",
        ],
        8,
        "email",
        {},
    ),
    (
        "S14",
        "2026-05-12",
        "drop_in",
        "in_person",
        "Cochrane",
        "Cochrane Family Resource Centre (pop-up service and feedback table)",
        "Marc-André Lalonde",
        38,
        "Pop-up on the ground floor; childcare on site; staff helped people fill in forms.",
        ["cochrane_dhsb", "cochrane_family", "veterans", "black_river"],
        ["cochrane_dhsb", "cochrane_family", "black_river"],
        18,
        "officer",
        {"rural_access": 2.5, "document_requirements": 1.8, "staff_courtesy": 1.6},
    ),
    (
        "S15",
        "2026-05-20",
        "focus_group",
        "phone",
        "Sudbury",
        "Teleconference, front-line staff only",
        "Priya Raman",
        11,
        "Held after hours so counter staff could join; no managers on the call; notes not attributed to names.",
        ["svc_union", "npef88", "eo_callcentre"],
        ["svc_union", "npef88"],
        12,
        "staff",
        {
            "wait_times": 2.0,
            "kiosk_reliability": 1.8,
            "phone_line": 1.8,
            "document_requirements": 1.5,
        },
    ),
    (
        "S16",
        "2026-05-27",
        "workshop",
        "online",
        "Cornwall",
        "Video call, permits and business services",
        "Sam Ferreira",
        16,
        "Slides shared in advance; captions on; recording available for members who could not attend.",
        ["otv_trucking", "seaway_business", "algoma_auto", "freight_union", "northway_driving"],
        ["otv_trucking", "seaway_business", "algoma_auto", "northway_driving"],
        12,
        "officer",
        {
            "document_requirements": 2.2,
            "online_services": 2.0,
            "appointment_booking": 1.8,
            "kiosk_reliability": 1.5,
        },
    ),
    (
        "S17",
        "2026-06-03",
        "kiosk",
        "kiosk",
        "Sault Ste. Marie",
        "Feedback kiosk at the Sault Ste. Marie service centre",
        "Sam Ferreira",
        58,
        "Kiosk at seated height; screen-reader mode; comment cards at the counter.",
        [],
        [],
        16,
        "kiosk",
        {"kiosk_reliability": 2.5, "wait_times": 1.6},
    ),
    (
        "S18",
        "2026-06-09",
        "town_hall",
        "in_person",
        "Kapuskasing",
        "Kapuskasing Civic Centre hall",
        "Marc-André Lalonde",
        104,
        "Bilingual; simultaneous interpretation; overflow seating and a phone line for people who could not travel.",
        ["kap_town", "kap_community", "kap_mill_union", "cochrane_dhsb", "hearst_forest"],
        ["kap_town", "kap_community", "kap_mill_union"],
        24,
        "officer",
        {"rural_access": 3.0, "opening_hours": 2.0, "french_language": 1.4},
    ),
    (
        "S19",
        "2026-06-16",
        "survey_wave",
        "survey",
        "Region-wide",
        "Online survey reminder (email and social media links)",
        "Priya Raman",
        None,
        "Same accessible survey; reminder sent in plain language with a phone number to answer by phone.",
        [
            "nipissing_lib",
            "northbay_parents",
            "seaway_business",
            "sudbury_business",
            "moosonee_radio",
            "sault_youth",
            "limestone_students",
            "pembroke_foodbank",
            "st_brigid",
        ],
        ["nipissing_lib", "northbay_parents", "moosonee_radio", "seaway_business"],
        0,
        None,
        {},
    ),
    (
        "S20",
        "2026-06-22",
        "drop_in",
        "in_person",
        "Hawkesbury",
        "Bibliothèque de Hawkesbury, salle polyvalente",
        "Josée Tremblay",
        33,
        "Bilingual drop-in; accessible entrance; large-print forms in both languages.",
        ["hawkesbury_centre", "prescott_russell", "afun"],
        ["hawkesbury_centre", "prescott_russell"],
        18,
        "officer",
        {"french_language": 3.0, "wait_times": 1.4, "appointment_booking": 1.4},
    ),
]
FRANCOPHONE_SESSIONS = {"S04", "S05", "S12", "S18", "S20"}

# --------------------------------------------------------------------------------------
# Interactions (hand-written log of touchpoints with partners).
# --------------------------------------------------------------------------------------
PR, ML, JT, KW, SF = (
    "Priya Raman",
    "Marc-André Lalonde",
    "Josée Tremblay",
    "Kelly Whitfield",
    "Sam Ferreira",
)
INTERACTIONS = [
    (
        "kap_town",
        "2026-01-12",
        "meeting",
        "Pre-consultation meeting with the mayor and CAO. The town has heard rumours the Kapuskasing centre will close and asked that a session be held in town, not only online.",
        "2026-02-06",
        ML,
    ),
    (
        "afun",
        "2026-01-14",
        "call",
        "Intro call about the review. AFUN asked for French-first sessions and for the French survey to launch the same day as the English one, not later.",
        "2026-02-15",
        JT,
    ),
    (
        "svc_union",
        "2026-01-15",
        "meeting",
        "Briefed the Local 412 executive on scope. They want front-line staff heard separately from the public, without managers present.",
        "2026-02-20",
        PR,
    ),
    (
        "kingston_aac",
        "2026-01-20",
        "email",
        "Sent the draft survey for an accessibility review. Committee will reply with comments by the end of the month.",
        "2026-01-31",
        KW,
    ),
    (
        "boreal_kiosk",
        "2026-01-22",
        "meeting",
        "Quarterly contract review. Vendor reports 91% kiosk uptime region-wide; the Cornwall mall unit is well below that. Vendor to send per-site logs.",
        "2026-02-28",
        SF,
    ),
    (
        "cochrane_dhsb",
        "2026-01-27",
        "call",
        "Discussed a joint pop-up in Cochrane in May; the board will cover the room and promotion.",
        "2026-03-31",
        ML,
    ),
    (
        "nipissing_lib",
        "2026-01-29",
        "meeting",
        "Libraries offered survey help desks and to print paper copies. They need French and English copies for 11 branches.",
        "2026-02-27",
        PR,
    ),
    (
        "kingston_aac",
        "2026-01-30",
        "email",
        "Committee returned its comments on the draft survey: plainer language, a screen-reader test, a large-print paper version. All accepted.",
        "",
        "",
    ),
    (
        "otv_trucking",
        "2026-02-03",
        "call",
        "Association wants a session on commercial vehicle permits; members lose whole days to paperwork at the counter.",
        "2026-03-15",
        SF,
    ),
    (
        "vital_records",
        "2026-02-05",
        "meeting",
        "Coordination meeting. Birth certificate complaints are in scope but policy sits with the unit; agreed to share themes, not raw comments.",
        "2026-06-30",
        PR,
    ),
    (
        "franco_nord",
        "2026-02-09",
        "visit",
        "Visited the Collective in Hearst. Staff described elderly clients who bring grandchildren along to translate at the counter. Offered to co-host the Hearst town hall.",
        "2026-03-20",
        JT,
    ),
    (
        "seniors_coalition",
        "2026-02-11",
        "meeting",
        "Coalition asked for phone-based options for seniors without internet and proposed telephone interviews in North Bay.",
        "2026-03-20",
        KW,
    ),
    (
        "hearst_town",
        "2026-02-17",
        "letter",
        "Letter from council supporting the review and asking for evening hours at the Hearst part-time office.",
        "2026-03-06",
        JT,
    ),
    (
        "black_river",
        "2026-02-19",
        "call",
        "The clerk asked whether the township office could take simple applications on our behalf. Logged as an idea under rural access.",
        "2026-04-30",
        ML,
    ),
    (
        "greater_sudbury",
        "2026-02-23",
        "email",
        "Asked for a city facility for the Sudbury town hall; the city offered Lasalle Community Hall at no charge.",
        "",
        "",
    ),
    (
        "newcomer",
        "2026-02-25",
        "call",
        "Network will help recruit newcomers; asked for interpreters in Arabic, Tigrinya and Spanish.",
        "2026-03-06",
        PR,
    ),
    (
        "npef88",
        "2026-02-26",
        "email",
        "Local 88 asked that Timmins staff be included in the staff focus group. Agreed.",
        "",
        "",
    ),
    (
        "seaway_business",
        "2026-03-03",
        "email",
        "Shared the survey link and a short blurb for the council's member newsletter.",
        "",
        "",
    ),
    (
        "moosonee_radio",
        "2026-03-04",
        "call",
        "Station will read the survey announcement in English and Cree on the morning show; asked us for a 30-second script.",
        "2026-03-09",
        KW,
    ),
    (
        "timmins_seniors",
        "2026-03-05",
        "visit",
        "Dropped off paper surveys and large-print copies. Volunteers will help members fill them in at Tuesday coffee hour.",
        "2026-03-31",
        ML,
    ),
    (
        "franco_nord",
        "2026-03-09",
        "call",
        "Planning call for the French online focus group. The Collective will recruit eight participants and test the video link with them.",
        "2026-03-16",
        JT,
    ),
    (
        "kap_community",
        "2026-03-11",
        "meeting",
        "Association is organising letters to keep the Kapuskasing service centre open. Explained the review is not a closure decision; they will encourage people to answer the survey too.",
        "2026-04-15",
        ML,
    ),
    (
        "greater_sudbury",
        "2026-03-12",
        "email",
        "Thank-you note after the Sudbury town hall, with the attendance count.",
        "",
        "",
    ),
    (
        "valley_disability",
        "2026-03-20",
        "call",
        "Group declined the Pembroke business focus group but asked for a separate accessibility conversation in the Valley.",
        "2026-05-15",
        KW,
    ),
    (
        "algoma_broadband",
        "2026-03-25",
        "email",
        "Received speed-test data from 14 townships showing upload speeds too low for document upload.",
        "2026-04-30",
        SF,
    ),
    (
        "cornwall_literacy",
        "2026-03-27",
        "visit",
        "Reviewed the plain-language version of the document checklist with learners; several terms rewritten.",
        "",
        "",
    ),
    (
        "deafblind",
        "2026-03-30",
        "email",
        "Network asked that the Cornwall kiosk session offer a way to give feedback without the touchscreen. Comment cards added.",
        "2026-04-01",
        SF,
    ),
    (
        "boreal_kiosk",
        "2026-04-03",
        "call",
        "Escalated the Cornwall mall kiosk outage (down 11 of the last 30 days). Vendor committed to replace the card reader.",
        "2026-04-17",
        SF,
    ),
    (
        "sault_youth",
        "2026-04-06",
        "email",
        "Invited the Youth Hub to the Facebook Live Q&A. No reply.",
        "2026-04-20",
        KW,
    ),
    (
        "algoma_auto",
        "2026-04-07",
        "meeting",
        "Dealers raised delays in vehicle permit transfers and asked whether dealers could process more transfers directly.",
        "2026-05-29",
        SF,
    ),
    (
        "kingston_aac",
        "2026-04-14",
        "event",
        "Co-hosted the accessibility workshop in Kingston. Committee will send a written summary of its audit of the Kingston centre.",
        "2026-05-01",
        KW,
    ),
    (
        "otv_trucking",
        "2026-04-23",
        "event",
        "Association members came to the Pembroke focus group; asked for a dedicated commercial counter one morning a week.",
        "2026-06-01",
        SF,
    ),
    (
        "kap_town",
        "2026-04-28",
        "letter",
        "Council resolution asking that the Kapuskasing centre stay open and that its hours go back to five days a week.",
        "2026-05-15",
        ML,
    ),
    (
        "kap_mill_union",
        "2026-04-29",
        "call",
        "Union confirmed it shared the campaign letter with members; asked how identical letters will be counted in the results.",
        "2026-05-08",
        ML,
    ),
    (
        "hearst_town",
        "2026-04-29",
        "event",
        "Co-hosted the bilingual town hall in Hearst; the mayor opened the session.",
        "",
        "",
    ),
    (
        "kingston_aac",
        "2026-04-30",
        "letter",
        "Received the committee's site audit of the Kingston centre: counter height, door opener, hearing loop, seating and 10 other items.",
        "2026-06-15",
        KW,
    ),
    (
        "franco_nord",
        "2026-04-30",
        "email",
        "Sent a list of French terms in our forms that do not match local usage.",
        "2026-05-29",
        JT,
    ),
    (
        "moosonee_town",
        "2026-05-04",
        "call",
        "Town asked for an outreach clinic on the coast this summer; some residents currently fly out to get documents.",
        "2026-06-30",
        ML,
    ),
    (
        "seniors_coalition",
        "2026-05-06",
        "email",
        "Written submission received for the email round. Acknowledged the same day.",
        "",
        "",
    ),
    (
        "cochrane_dhsb",
        "2026-05-12",
        "event",
        "Co-hosted the Cochrane pop-up: 38 people served on site, including 17 health card renewals.",
        "",
        "",
    ),
    (
        "cochrane_family",
        "2026-05-12",
        "visit",
        "Resource centre provided the room and childcare for the pop-up. Staff asked for another one in the fall.",
        "2026-09-30",
        ML,
    ),
    (
        "svc_union",
        "2026-05-20",
        "meeting",
        "Staff focus group held by phone. The Local asked that a summary go to members before the paper is published.",
        "2026-06-30",
        PR,
    ),
    (
        "tenant_advocates",
        "2026-05-21",
        "letter",
        "Letter on proof-of-address barriers for people in shelters and rooming houses, with three anonymised case examples.",
        "2026-06-12",
        PR,
    ),
    ("seaway_business", "2026-05-27", "event", "Took part in the online permits workshop.", "", ""),
    (
        "mining_supply",
        "2026-05-28",
        "email",
        "Second invitation to share the survey with contractors. No response.",
        "",
        "",
    ),
    (
        "prescott_russell",
        "2026-05-29",
        "call",
        "Counties offered the Hawkesbury library as the drop-in venue and will post it on their website.",
        "2026-06-12",
        JT,
    ),
    (
        "sudbury_business",
        "2026-06-02",
        "email",
        "Alliance asked whether results will be broken down for business respondents.",
        "2026-06-30",
        PR,
    ),
    (
        "kap_community",
        "2026-06-09",
        "event",
        "Association attended the Kapuskasing town hall and handed over a bundle of 212 signed letters.",
        "2026-06-30",
        ML,
    ),
    (
        "hawkesbury_centre",
        "2026-06-10",
        "meeting",
        "Planning meeting for the Hawkesbury drop-in; the centre will promote it in its newsletter and at the seniors' lunch.",
        "",
        "",
    ),
    (
        "pembroke_city",
        "2026-06-11",
        "email",
        "City asked for the Pembroke results before council's July meeting.",
        "2026-07-08",
        SF,
    ),
    (
        "deafblind",
        "2026-06-15",
        "call",
        "Follow-up on kiosk accessibility: vendor confirmed an audio jack on the replacement kiosks.",
        "",
        "",
    ),
    (
        "nipissing_lib",
        "2026-06-18",
        "email",
        "Libraries returned 143 paper surveys; staff keyed them into the survey tool.",
        "",
        "",
    ),
    (
        "eo_callcentre",
        "2026-06-19",
        "email",
        "Guild did not take up the invitation to the staff focus group; asked to be kept informed of the results.",
        "2026-07-31",
        PR,
    ),
    (
        "afun",
        "2026-06-23",
        "meeting",
        "Previewed early themes on French-language service. AFUN wants a target on the active offer in the recommendations.",
        "2026-07-15",
        JT,
    ),
    (
        "kap_town",
        "2026-07-06",
        "letter",
        "Sent a 'what we heard' summary for Kapuskasing ahead of the full report.",
        "2026-07-31",
        ML,
    ),
    (
        "kingston_aac",
        "2026-07-08",
        "meeting",
        "Went through which of the 14 audit items can become recommendations with measurable targets.",
        "2026-08-14",
        KW,
    ),
    (
        "svc_union",
        "2026-07-09",
        "email",
        "Sent the staff focus group summary to the Local, as promised.",
        "",
        "",
    ),
    (
        "boreal_kiosk",
        "2026-07-13",
        "meeting",
        "Contract review: Cornwall kiosk uptime is up to 96% since the card reader swap.",
        "2026-10-13",
        SF,
    ),
    (
        "franco_nord",
        "2026-07-14",
        "call",
        "Thanked the Collective for co-hosting; they asked when the French version of the paper will be ready.",
        "2026-07-31",
        JT,
    ),
    (
        "vital_records",
        "2026-07-20",
        "email",
        "Shared the document-requirements themes (no raw comments) with the unit.",
        "2026-08-31",
        PR,
    ),
    (
        "algoma_interpreters",
        "2026-07-22",
        "email",
        "Invoice for interpretation at the Facebook Live session approved.",
        "",
        "",
    ),
]

# --------------------------------------------------------------------------------------
# Text banks. Tones: n = complaint, p = praise, m = mixed, s = suggestion.
# [a|b|c] picks one alternative; {name} is filled from the respondent's context.
#   en     respondent-voice statements (survey answers, kiosk, social, mail)
#   fr     the same in French, written for francophone respondents
#   staff  front-line staff voice
#   detail sentences that can follow a complaint or story
#   aside  a short second-topic remark added to another topic's comment
#   notes  clauses an officer types after "Participant said ..."
# --------------------------------------------------------------------------------------
BANK: dict[str, dict] = {}

BANK["wait_times"] = {
    "label": "Wait times",
    "en": [
        (
            "n",
            "The wait is ridiculous. I got to the {place} centre at {time} and didn't get out until after lunch.",
        ),
        ("n", "Waited {dur} for a {service} that took five minutes at the counter."),
        ("n", "[Too long of a wait.|Way too long a wait.|The wait. Always the wait.]"),
        (
            "n",
            "the line up was out the door and into the parking lot in {wmonth}. in the north. people were standing in the cold",
        ),
        (
            "s",
            "Put up a screen that shows how many people are ahead of you and roughly how long it will be. Then people could go grab a coffee instead of standing there staring at the wall.",
        ),
        (
            "n",
            "I took a half day off work to renew my health card and used the [whole|entire] half day standing in line.",
        ),
        (
            "n",
            "Two wickets open and [twenty-five|thirty|about twenty] people waiting. Every time I go it is the same thing.",
        ),
        (
            "s",
            "Have a separate quick line for simple things like address changes. Why should someone picking up a form wait behind a complicated vehicle transfer?",
        ),
        (
            "n",
            "I have a toddler and waiting {dur} with her in that room was awful. There is nowhere to sit and nothing for kids to do.",
        ),
        (
            "n",
            "The wait time is the only thing I care about and it keeps getting worse. It used to be 20 minutes, tops.",
        ),
        (
            "m",
            "Once I got to the counter the service was quick and friendly, but getting there took {dur}.",
        ),
        ("n", "WAY too long. Lost a [day's pay|full shift|day of work]."),
        (
            "s",
            "Open more counters at lunch. That's when everyone who works can actually come, and that's exactly when half the staff go on break.",
        ),
        (
            "n",
            "My father is 84 and had to stand for most of an hour because all the chairs were taken. Someone should be watching the line and helping people like him.",
        ),
        (
            "n",
            "Waited in line {dur} only to be told at the counter that I was missing a document. If someone had checked while we waited I could have gone home and come back.",
        ),
        (
            "s",
            "A take-a-number system that texts you when you're close would fix most of the frustration.",
        ),
        ("n", "Line-ups are out of control at {place}."),
        ("n", "The queue moves so slowly. I counted: in forty minutes they served six people."),
        (
            "m",
            "It was better this time, around 30 minutes, but I went on a {day} morning on purpose because I know afternoons are terrible.",
        ),
        ("n", "got there 15 min before opening and there were already 20 people ahead of me"),
        (
            "n",
            "There's no consistency. One day I walk right in, the next time it's two hours. You can't plan your day around that.",
        ),
        (
            "s",
            "Post the current wait time online so people can decide when to go. [Hospitals|Emergency rooms|Even the grocery store deli] do this.",
        ),
        (
            "n",
            "They closed the doors at {time} even though there were still people outside who had been waiting.",
        ),
        (
            "n",
            "I needed a replacement licence for work the next morning and the wait meant I nearly missed my shift.",
        ),
        (
            "p",
            "Honestly the wait was short this time, maybe ten minutes. Whatever you changed, keep doing it.",
        ),
        (
            "n",
            "The waiting area is too small for the number of people. We were packed in shoulder to shoulder and people were coughing.",
        ),
        (
            "n",
            "I was in and out of the counter in four minutes after waiting {dur}. The whole system is upside down.",
        ),
        (
            "s",
            "Stagger the staff breaks so the counter isn't down to one person at the busiest time of day.",
        ),
        (
            "n",
            "It should not take an entire morning to renew a health card. It's a photo and a signature.",
        ),
        ("n", "My walk-in visit turned into a three hour wait. Never again on a Friday."),
        (
            "m",
            "Staff were apologetic about the wait and it wasn't their fault, they were clearly short-handed. But {dur} is still {dur}.",
        ),
        ("n", "Long waits, every single time. Nothing more to say."),
        (
            "s",
            "Let people wait in their car and text them when it's their turn. In winter that alone would be a huge improvement.",
        ),
        ("n", "The sign says average wait 20 minutes. It has never once been 20 minutes."),
        (
            "n",
            "People who arrived after me got served first because their 'service type' had a shorter queue. Nobody explains how the line works.",
        ),
    ],
    "fr": [
        (
            "n",
            "L'attente est beaucoup trop longue. J'ai attendu {fdur} pour un renouvellement de cinq minutes.",
        ),
        (
            "n",
            "Il y avait seulement deux guichets ouverts et une trentaine de personnes qui attendaient.",
        ),
        (
            "n",
            "Je suis arrivée à l'ouverture et il y avait déjà une file jusque dans le stationnement.",
        ),
        (
            "s",
            "Un système de numéros avec un texto quand c'est notre tour réglerait beaucoup de frustration.",
        ),
        (
            "n",
            "Mon père a 82 ans et il a dû rester debout presque une heure. Ce n'est pas acceptable.",
        ),
        ("m", "Le service au comptoir était rapide et gentil, mais avant ça, {fdur} d'attente."),
        ("n", "Trop d'attente. J'ai perdu une demi-journée de travail."),
        ("s", "Affichez le temps d'attente en ligne pour qu'on puisse choisir le bon moment."),
        (
            "p",
            "Cette fois-ci l'attente était courte, une dizaine de minutes. Bravo, continuez comme ça.",
        ),
        ("n", "La salle d'attente est trop petite. On était entassés les uns sur les autres."),
        (
            "s",
            "Ouvrez plus de guichets à l'heure du dîner, c'est le seul moment où les travailleurs peuvent venir.",
        ),
    ],
    "staff": [
        (
            "n",
            "We see the line and we feel it. We are two people short most days and breaks can't be skipped forever.",
        ),
        (
            "s",
            "Put a greeter at the door at peak times. Half the line could be sorted, or sent home with a checklist, in five minutes.",
        ),
        (
            "s",
            "People are angry before they even reach me because of the wait. More staff at peak times is the only real fix.",
        ),
        (
            "s",
            "We could triage the line. Half the people waiting are missing something and we could tell them in thirty seconds if one person was assigned to walk the line.",
        ),
        (
            "n",
            "When two of us are off sick there is nobody to cover. The line doubles and the public blames whoever is at the wicket.",
        ),
    ],
    "detail": [
        "I was number [47|52|38] and they were calling [22|19|24] when I arrived.",
        "There were two counters open out of six.",
        "By the time I got to the front the photo machine was down too.",
        "I ended up paying for an extra two hours of parking.",
        "This was on a {day} at about {time}.",
        "The woman behind me gave up and left after an hour.",
        "I had to call my boss twice to say I'd be late.",
        "Some people had brought folding chairs, which tells you everything.",
        "My kids were late for school pickup because of it.",
        "The security guard told us it's like that every day.",
    ],
    "aside": [
        "And the line was long, as usual.",
        "Plus the wait was over an hour again.",
        "The wait didn't help either.",
        "Also the waits are getting longer every year.",
    ],
    "notes": [
        ("n", "she waited {dur} at the {place} centre on a {day}"),
        ("n", "the line was out the door when he arrived at opening"),
        ("n", "lunch hour is the worst time because only one or two counters stay open"),
        ("s", "people would not mind waiting if they knew how long it would be"),
        ("s", "a text-when-ready system like the hospital uses would help"),
        (
            "n",
            "his mother (80s) had to stand for most of the wait because there were no free chairs",
        ),
        (
            "n",
            "she was turned away at the counter after waiting an hour because of a missing document",
        ),
        ("n", "the posted average wait time is never accurate"),
        ("n", "wait times have got worse since the second counter closed last year"),
        ("m", "staff were doing their best but there were simply not enough of them"),
        ("n", "they now plan a whole half day off work for any visit"),
        ("n", "waits in winter are a safety issue when the line goes outside"),
        ("s", "a separate quick lane for simple transactions would clear half the room"),
        (
            "p",
            "the wait was short on her last visit (about 15 min) and she was pleasantly surprised",
        ),
        ("n", "the waiting room is cramped and there is nowhere for kids"),
    ],
}

STAFF_FR = {
    "wait_times": [
        (
            "n",
            "Au comptoir, on manque de monde presque tous les jours. Les gens arrivent fâchés à cause de l'attente et c'est nous qui écopons.",
        )
    ],
    "french_language": [
        (
            "n",
            "Je suis une des deux employées bilingues. Quand je suis en pause, les clients francophones attendent ou se font servir en anglais.",
        ),
        (
            "s",
            "Envoyez-nous les nouveaux formulaires en français en même temps que ceux en anglais. On photocopie encore les vieux.",
        ),
    ],
    "kiosk_reliability": [
        (
            "n",
            "On redémarre la borne trois ou quatre fois par jour et le fournisseur prend une semaine à venir.",
        )
    ],
    "document_requirements": [
        (
            "n",
            "La moitié de ma journée, c'est dire aux gens qu'il leur manque un document. Une liste claire envoyée avec l'avis de renouvellement changerait tout.",
        )
    ],
    "phone_line": [
        (
            "s",
            "Laissez les bureaux locaux répondre à une ligne locale une heure par jour. On connaît les réponses que la ligne centrale ne connaît pas.",
        )
    ],
    "opening_hours": [
        (
            "s",
            "Plusieurs d'entre nous travailleraient un soir par semaine si c'était volontaire et bien payé. Demandez-nous.",
        )
    ],
    "rural_access": [
        (
            "n",
            "Des gens font trois heures de route et on doit en renvoyer à la maison pour un seul papier manquant. Ça me brise le cœur.",
        )
    ],
}

BANK["online_services"] = {
    "label": "Website/online",
    "en": [
        (
            "n",
            "The online renewal kept failing at the payment step. I tried three different cards.",
        ),
        (
            "n",
            "The website is impossible to navigate. I spent 20 minutes just trying to find where to renew my licence.",
        ),
        ("n", "I couldn't log in. It asked for a verification code that never came to my phone."),
        (
            "s",
            "Let people do more online. A health card renewal shouldn't need an in-person visit if nothing has changed.",
        ),
        (
            "n",
            "website timed out twice while i was filling in the form and i had to start over from scratch",
        ),
        (
            "p",
            "The online address change was fast and easy, took me five minutes. More of this please.",
        ),
        (
            "n",
            "The online forms use government language nobody understands. What is a 'transaction reference'? Where am I supposed to find it?",
        ),
        (
            "n",
            "I tried the online renewal at 11 pm and got a message that the service is only available during business hours. A website with business hours!",
        ),
        (
            "s",
            "Make the site work properly on a phone. Half the buttons are off the screen on mine.",
        ),
        (
            "n",
            "After I paid online I never got a confirmation email, so I had no idea whether it went through. Ended up going in person anyway.",
        ),
        (
            "n",
            "The password rules are insane. Capital letter, number, symbol, not one of your last five passwords, and it locks you out after three tries.",
        ),
        ("n", "The online system told me I wasn't eligible to renew online but didn't say why."),
        (
            "m",
            "Online works fine for me but my parents can't use it at all, and there's no alternative except driving in.",
        ),
        (
            "n",
            "I uploaded my documents twice and both times it said the file was too large. It was a photo from my phone.",
        ),
        (
            "s",
            "Put a simple checklist at the start: here is what you need, here is how long it takes. Instead you find out halfway through.",
        ),
        ("n", "The online portal is broken more often than it works."),
        ("p", "Renewed my vehicle permit online in about four minutes. Genuinely impressed."),
        ("n", "Three separate accounts for three services. Why can't it be one login?"),
        (
            "n",
            "The website said my renewal was complete, then a month later I got a letter saying it was rejected. Nobody can tell me why.",
        ),
        (
            "s",
            "Add a chat option on the website. Even a few hours a day would save a lot of phone calls.",
        ),
        ("n", "'Error 500.' That's all I got, for two days."),
        (
            "n",
            "I'm a pretty tech-savvy person and I still couldn't figure out the online birth certificate application. I don't know how older people are supposed to manage.",
        ),
        (
            "m",
            "Booking online was okay but the renewal itself kept kicking me back to the start page.",
        ),
        ("n", "the new website is worse than the old one. couldn't find anything"),
        (
            "s",
            "Save progress on the forms so that if you get interrupted you don't lose everything.",
        ),
        ("n", "It wouldn't accept my postal code because I have a rural route address."),
        (
            "n",
            "Why does the site need me to print something? I don't own a printer. Nobody does anymore.",
        ),
        ("p", "The online renewal was great. I was done before my coffee got cold."),
        ("n", "The French version of the online form still has half the page in English."),
        ("n", "Identity verification by mail takes two weeks. So 'online' is not really online."),
        (
            "s",
            "Send an email reminder with a direct link when something is coming up for renewal. I'd happily do it online if I remembered in time.",
        ),
        ("n", "Online payment takes credit cards only, not debit. Not everyone has a credit card."),
        ("n", "Kept getting 'session expired' while I was still reading the instructions."),
        ("n", "The online help page links to another help page that doesn't exist."),
    ],
    "fr": [
        ("n", "Le site web plante à l'étape du paiement. J'ai essayé trois fois."),
        ("n", "Impossible de me connecter, le code de vérification n'arrive jamais."),
        (
            "n",
            "La version française du site est mal traduite et certaines pages sont seulement en anglais.",
        ),
        ("p", "Le renouvellement en ligne a bien fonctionné, cinq minutes et c'était fait. Merci."),
        ("s", "Il faudrait pouvoir sauvegarder le formulaire et revenir plus tard."),
        ("n", "Le site n'est pas adapté aux téléphones, les boutons sont coupés."),
        (
            "n",
            "Après avoir payé en ligne, je n'ai jamais reçu de confirmation. Je suis allé au bureau pour être sûr.",
        ),
        ("s", "Trop de comptes différents pour chaque service. Un seul compte, s'il vous plaît."),
        ("n", "Le formulaire en ligne refuse mon adresse rurale."),
        (
            "n",
            "Mes parents sont incapables d'utiliser les services en ligne et il n'y a pas d'autre option.",
        ),
    ],
    "staff": [
        (
            "n",
            "A good third of the people at my counter tried online first and got stuck. Fix the website and our lines get shorter.",
        ),
        (
            "n",
            "We see people every day who paid online twice because the confirmation page never loaded.",
        ),
        (
            "s",
            "Give us a way to see what the customer did online. Right now we can't see their online application at the counter, so we start over.",
        ),
        (
            "n",
            "When the online system goes down nobody tells us. We find out when the line fills up with people holding screenshots of error messages.",
        ),
        (
            "s",
            "Let us print a simple how-to for the online renewal to hand out. People ask us for one every day.",
        ),
    ],
    "detail": [
        "I tried on Chrome, then Firefox, then my daughter's iPad.",
        "This was on the {service} page.",
        "I eventually gave up and drove to {place}.",
        "I have screenshots if anyone wants them.",
        "Our internet is slow out here, which doesn't help, but the site shouldn't need that much.",
        "I tried again the next morning and got the same thing.",
        "My son-in-law works in IT and he couldn't get it to work either.",
    ],
    "aside": [
        "And the website is no help.",
        "The online version isn't any better, by the way.",
        "Before anyone says 'do it online', I tried, and the website failed.",
    ],
    "notes": [
        ("n", "the online renewal failed at the payment step several times"),
        ("n", "she could not log in because the verification code never arrived"),
        ("n", "the website is hard to use on a phone"),
        ("n", "online forms use jargon that people don't understand"),
        ("p", "he did an address change online and found it quick and easy"),
        ("n", "having to create a separate account for each service is a barrier"),
        ("n", "older relatives cannot use the online services at all and rely on family"),
        ("n", "the website gives an error with no explanation"),
        ("n", "they never got a confirmation after paying online and went in person to be sure"),
        ("s", "people would use online services more if the forms saved progress"),
        ("n", "the online form rejects rural route addresses"),
        ("n", "online services assume everyone has a printer and a credit card"),
    ],
}

BANK["accessibility"] = {
    "label": "Accessibility",
    "en": [
        (
            "n",
            "There is no automatic door at the {place} centre. I use a wheelchair and had to wait outside until someone noticed me.",
        ),
        (
            "n",
            "The counter is too high for someone in a wheelchair. I had to pass my documents up without being able to see the clerk.",
        ),
        (
            "n",
            "I'm hard of hearing and they call numbers over a crackly speaker. I missed my turn twice.",
        ),
        (
            "s",
            "Please have a screen that shows which number is being called, not just the announcement.",
        ),
        (
            "n",
            "The forms are in tiny print. I'm 79 and my eyes aren't what they were. Large print versions should be right there on the counter.",
        ),
        (
            "n",
            "The accessible parking spots were taken by a delivery truck and nobody did anything about it.",
        ),
        (
            "n",
            "Nowhere to sit while waiting. For seniors and anyone with a bad back or hip that is a real problem.",
        ),
        (
            "s",
            "Offer home visits or a mobile service for people who are housebound. My mother hasn't been able to renew her photo card in two years.",
        ),
        (
            "p",
            "The staff member who helped me came around the counter to sit with me and my walker. It made a big difference.",
        ),
        (
            "n",
            "The washroom is not accessible. I had to leave, go home, and come back another day.",
        ),
        (
            "n",
            "My son is autistic and the noise and crowding in the waiting room were too much for him. We had to leave.",
        ),
        ("s", "A quiet hour once a week would help people with sensory needs and anxiety."),
        ("n", "The online forms don't work with my screen reader. The buttons aren't labelled."),
        (
            "n",
            "There's a step at the front entrance and the ramp is around the back, through the loading area, with no sign.",
        ),
        (
            "n",
            "I asked for an ASL interpreter for my appointment and was told it would take six weeks.",
        ),
        ("n", "the photo booth stool doesnt move and I cant get my chair close enough"),
        (
            "s",
            "Train staff to speak clearly and face people when they talk. Lip reading behind a plexiglass screen is impossible.",
        ),
        (
            "n",
            "I have MS and standing in a line for an hour is not something I can do. There should be a way to wait seated or be called back.",
        ),
        (
            "m",
            "The building is accessible on paper, but the heavy door and the narrow hallway make it hard with a walker.",
        ),
        ("n", "The kiosk screen is too high and too bright and there's no audio option."),
        (
            "s",
            "Priority service for people with disabilities and seniors over 80 would be a simple, humane change.",
        ),
        (
            "n",
            "The parking lot isn't plowed properly in winter. I almost fell getting from the accessible spot to the door.",
        ),
        (
            "n",
            "I'm legally blind and nobody offered to read the form to me. I had to ask a stranger.",
        ),
        (
            "p",
            "Kudos to the {place} office for the new lowered counter and the hearing loop. It's the first time I heard everything clearly.",
        ),
        (
            "n",
            "My husband has dementia and needed his health card renewed. Requiring him to sign in front of staff was impossible to explain to him.",
        ),
        (
            "n",
            "The new location isn't near any accessible transit stop. The old one was right on the bus route.",
        ),
        (
            "s",
            "Put an accessibility contact on the website so we can call ahead and arrange what we need.",
        ),
        (
            "n",
            "The accessible parking permit application itself is not accessible. That's almost funny.",
        ),
        (
            "n",
            "The chairs in the waiting area have no arms, so older people can't push themselves up.",
        ),
        (
            "n",
            "Being told to 'just go online' is not an answer when you have a cognitive disability.",
        ),
        (
            "m",
            "Staff were kind, but the building itself is a barrier from the parking lot to the counter.",
        ),
        ("n", "My wheelchair doesn't fit between the rope barriers for the line."),
        (
            "n",
            "I'm deaf and the only way to ask a question before coming in was to phone. I don't phone.",
        ),
    ],
    "fr": [
        (
            "n",
            "Il n'y a pas de porte automatique et j'utilise un fauteuil roulant. J'ai dû attendre dehors.",
        ),
        ("n", "Le comptoir est trop haut pour une personne en fauteuil."),
        (
            "n",
            "Je suis malentendante et on appelle les numéros avec un haut-parleur de mauvaise qualité.",
        ),
        (
            "s",
            "Les formulaires sont en très petits caractères. Il faudrait des versions en gros caractères.",
        ),
        ("n", "Pas assez de chaises dans la salle d'attente pour les personnes âgées."),
        (
            "p",
            "L'employée est venue s'asseoir avec moi de l'autre côté du comptoir. Très apprécié.",
        ),
        ("s", "Il faudrait un service mobile pour les personnes qui ne peuvent pas se déplacer."),
        ("n", "La rampe est à l'arrière de l'édifice, sans aucune indication."),
        (
            "n",
            "Ma mère a 91 ans et ne peut plus se déplacer. On nous dit quand même de venir en personne.",
        ),
    ],
    "staff": [
        (
            "n",
            "Our counter is too high for wheelchair users and we end up leaning over it or coming around. A lowered section would cost very little.",
        ),
        (
            "s",
            "We need a hearing loop that works. The one we have has been broken since the renovation.",
        ),
        (
            "n",
            "We get no training on serving people with disabilities beyond a slideshow once a year.",
        ),
        (
            "s",
            "The accessible parking spots need to be cleared before we open, not after lunch. We've asked facilities many times.",
        ),
        ("p", "The new hearing loop at our counter has made a real difference. Clients notice it."),
    ],
    "detail": [
        "I have a walker and a bad knee.",
        "My wife uses a power chair.",
        "This has been raised before and nothing has changed.",
        "I'm 83 and still drive, for now.",
        "We had to ask a stranger to hold the door.",
        "It's the {place} location I'm talking about.",
        "I'm not the only one, there were two other people with walkers that day.",
    ],
    "aside": [
        "And there's still no automatic door.",
        "Also there are never enough chairs for the seniors.",
        "The place is not great for anyone with a disability either.",
    ],
    "notes": [
        ("n", "the automatic door opener at the {place} centre has been broken for months"),
        ("n", "the counter height makes it impossible for wheelchair users to see staff"),
        ("n", "number announcements cannot be heard by people who are hard of hearing"),
        ("s", "large print forms should be available without having to ask"),
        ("n", "there is not enough seating for seniors in the waiting area"),
        ("s", "a mobile or home-visit service is needed for housebound residents"),
        ("n", "the online forms do not work with screen readers"),
        ("n", "the ramp is at the back of the building and not signed"),
        ("n", "an ASL interpreter request took weeks to arrange"),
        ("p", "staff were patient and came around the counter to help her"),
        ("s", "a quiet hour would help people with autism and anxiety"),
        ("n", "the accessible parking spots are often blocked by snowbanks in winter"),
        ("n", "being told to 'go online' does not work for people with cognitive disabilities"),
        ("n", "his wife's wheelchair does not fit through the rope line"),
    ],
}

BANK["french_language"] = {
    "label": "FLS",
    "en": [
        (
            "n",
            "I asked for service in French and was told to wait for the one bilingual employee, who was at lunch.",
        ),
        (
            "n",
            "This is a designated bilingual area. Service in French should not be a special request.",
        ),
        (
            "n",
            "The French forms are out of date. The English version was updated last year and the French one still shows the old fees.",
        ),
        (
            "n",
            "My mother only speaks French. Every visit I have to take time off work to go with her and translate.",
        ),
        ("s", "Put a sign at the door that says 'Service en français' and mean it."),
        (
            "p",
            "The staff at {place} switched to French without me even asking. Merci, it's appreciated.",
        ),
        (
            "n",
            "The phone line says press 2 for French and then you wait twice as long as on the English line.",
        ),
        (
            "n",
            "The French on the website reads like it went through a machine. Some of it doesn't make sense.",
        ),
        (
            "n",
            "A staff member told me to 'just speak English, it's faster'. I'm Franco-Ontarian and I have the right to be served in French.",
        ),
        (
            "s",
            "Hire more bilingual staff in the north. There are plenty of qualified people in Hearst and Kapuskasing.",
        ),
        ("n", "The kiosk only offers French on the first screen. After that it's all English."),
        ("n", "Bilingual service exists on paper only."),
        (
            "m",
            "The francophone staff member was excellent, but she's the only one and she's run off her feet.",
        ),
        ("n", "Letters from the office come in English even though I chose French on my file."),
        (
            "s",
            "Make the active offer real: greet people with 'Hello, bonjour' every time, the way the law says.",
        ),
        (
            "n",
            "My dad was given a form in English and he signed it without understanding what it was.",
        ),
        (
            "n",
            "When I phoned and asked for French, they transferred me and I got a voicemail box that was full.",
        ),
        (
            "p",
            "Really good experience in French this time at the {place} counter, from start to finish.",
        ),
        ("n", "We shouldn't have to wait longer because we want service in our own language."),
        (
            "s",
            "The French survey link should be as easy to find as the English one. I had to go looking for it.",
        ),
        (
            "n",
            "The French instructions for the birth certificate application use terms from France that nobody here uses.",
        ),
        ("n", "The online chat is English only. Again."),
        (
            "n",
            "My kids go to French school and I wanted their documents in French. Staff didn't know that was possible.",
        ),
        (
            "n",
            "The French sign at the {place} centre is smaller than the English one and half hidden behind a plant. Small thing, but it says a lot.",
        ),
        (
            "m",
            "I can get by in English but I shouldn't have to. To be fair, most of the time they do try.",
        ),
        ("n", "No French-speaking staff at all on a Saturday."),
        ("s", "Record the French phone messages with someone who actually speaks French."),
        ("n", "the french line at the call centre never picks up"),
        (
            "n",
            "I asked for French, was handed a pamphlet in French, and then the conversation carried on in English.",
        ),
        (
            "s",
            "Bilingual signs inside, not just at the door: the wickets, the photo area, the number display.",
        ),
        (
            "n",
            "My grandmother has lived in Kapuskasing for 70 years and has never once been served in French at that counter without asking twice.",
        ),
    ],
    "fr": [
        (
            "n",
            "J'ai demandé un service en français et on m'a dit d'attendre la seule employée bilingue, qui était en pause.",
        ),
        ("n", "C'est une région désignée. Le service en français ne devrait pas être une faveur."),
        (
            "n",
            "Les formulaires en français ne sont pas à jour. Les frais ne sont même pas les mêmes que sur la version anglaise.",
        ),
        (
            "n",
            "Ma mère ne parle que français. Je dois prendre congé chaque fois pour l'accompagner et traduire.",
        ),
        (
            "p",
            "Merci au personnel de {place}, on m'a servi en français sans que j'aie à le demander.",
        ),
        (
            "n",
            "Au téléphone, quand on fait le 2 pour le français, l'attente est deux fois plus longue.",
        ),
        (
            "n",
            "La traduction sur le site web est de très mauvaise qualité, on dirait une traduction automatique.",
        ),
        (
            "n",
            "Un employé m'a dit de parler anglais parce que « ça va plus vite ». C'est inacceptable.",
        ),
        (
            "s",
            "Il faut embaucher plus de personnel bilingue dans le Nord. Les gens qualifiés ne manquent pas à Hearst et à Kapuskasing.",
        ),
        (
            "s",
            "L'offre active, ça veut dire « Hello, bonjour » à tout le monde, pas seulement quand on le demande.",
        ),
        ("n", "Le service en français existe sur papier seulement."),
        (
            "n",
            "Je reçois encore mes lettres en anglais même si j'ai choisi le français dans mon dossier.",
        ),
        ("n", "La borne libre-service passe à l'anglais après le premier écran."),
        ("n", "Le samedi, il n'y a personne qui parle français au comptoir."),
        ("p", "Très bon service en français cette fois-ci. Merci beaucoup."),
        (
            "n",
            "On ne devrait pas attendre plus longtemps parce qu'on veut être servi dans notre langue.",
        ),
        ("n", "Mon père a signé un formulaire en anglais sans comprendre ce que c'était."),
        ("n", "Le clavardage en ligne est seulement en anglais."),
        (
            "n",
            "Les termes utilisés dans les formulaires viennent de France, personne ici ne parle comme ça.",
        ),
        (
            "s",
            "Les affiches en français devraient être partout dans le bureau, pas juste à l'entrée.",
        ),
        (
            "n",
            "Quand j'ai demandé le service en français, on m'a transféré à une boîte vocale pleine.",
        ),
        ("m", "L'employée francophone était excellente, mais elle est seule et débordée."),
        ("n", "On est en 2026 et il faut encore se battre pour être servi en français à {place}."),
        (
            "s",
            "Des formulaires bilingues sur la même feuille, comme ça personne n'a besoin de demander.",
        ),
    ],
    "staff": [
        (
            "n",
            "I'm one of two bilingual staff at our centre. When I'm on break, francophone clients wait or get served in English. That isn't fair to them or to us.",
        ),
        (
            "s",
            "Give us French versions of the new forms at the same time as the English ones. We still photocopy old French forms.",
        ),
        (
            "s",
            "Pay a bilingual bonus that makes the job worth it. We lose our francophone staff to the hospital and the school boards.",
        ),
        (
            "n",
            "The French forms arrive months after the English ones, so we end up translating on the fly at the counter.",
        ),
    ],
    "detail": [
        "This was at the {place} office.",
        "It happens to my parents every single time.",
        "We're in a designated area under the French Language Services Act.",
        "Half the people in the waiting room were speaking French.",
    ],
    "aside": [
        "And service in French is hit or miss.",
        "Also, nobody there spoke French that day.",
        "Et le service en français, on n'en parle même pas.",
    ],
    "notes": [
        ("n", "she was told to wait for the only bilingual staff member, who was on break"),
        ("n", "service in French is inconsistent from one visit to the next"),
        ("n", "the French forms are outdated compared with the English versions"),
        ("n", "elderly francophone residents depend on family members to translate"),
        ("n", "the French phone option has longer waits than the English one"),
        ("n", "the active offer ('Hello, bonjour') is not consistently made"),
        ("n", "French content on the website appears machine-translated"),
        ("p", "he was served in French without having to ask and appreciated it"),
        ("s", "the office should recruit bilingual staff locally"),
        ("n", "letters arrive in English despite a French preference on file"),
        ("n", "there is no French-speaking staff on Saturdays"),
        ("n", "her father signed an English form he did not understand"),
    ],
}

BANK["rural_access"] = {
    "label": "Rural access",
    "en": [
        ("n", "The nearest service centre is {drive} away. Each way. In winter."),
        (
            "n",
            "Closing the {place} office would mean a {km} drive for everyone in our area just to renew a health card.",
        ),
        (
            "s",
            "Bring back the mobile service van. It used to come to our township twice a year and it worked.",
        ),
        ("n", "We don't have reliable internet out here, so 'do it online' isn't an option."),
        (
            "n",
            "I had to take a whole day off and pay for gas and a meal to renew my licence. That's over $100 on top of the fee.",
        ),
        (
            "s",
            "Pop-up centres in the library or the legion hall once a month would make a huge difference for small towns.",
        ),
        (
            "n",
            "No bus, no train, no taxi. If you don't drive you can't get to the service centre, and you can't drive without a licence.",
        ),
        (
            "n",
            "The part-time office in our town is open two days a week and those are always the days I work.",
        ),
        (
            "n",
            "My internet is a satellite dish that drops every time it snows. Online forms time out before I can finish.",
        ),
        (
            "n",
            "We drove {drive} to {other} and the office had closed early because of the weather. No notice online.",
        ),
        (
            "s",
            "Let the township office take simple applications and send them in. They're already set up for that kind of thing.",
        ),
        (
            "n",
            "Seniors in our area rely on neighbours for rides. Asking someone for a {drive} trip is a lot.",
        ),
        ("n", "Every cut to rural service is one more reason for young people to leave the north."),
        (
            "n",
            "The highway is closed several times each winter. You lose your booking and wait weeks for another one.",
        ),
        (
            "p",
            "The pop-up at the community centre last fall was fantastic. Twenty minutes and I was done, no drive.",
        ),
        (
            "n",
            "People on the coast have to fly out to get some documents done. That is not a reasonable expectation.",
        ),
        (
            "n",
            "They moved the office from downtown to the edge of town. Without a car you can't get there at all.",
        ),
        ("n", "I live {km} from the nearest centre."),
        (
            "s",
            "Offer mail-in renewals for anything that doesn't need a new photo. It's not complicated.",
        ),
        (
            "n",
            "Cell service is patchy here, so the text message code for online services never arrives.",
        ),
        (
            "m",
            "I understand it's expensive to run small offices, but the alternative is people going without ID and health cards.",
        ),
        (
            "n",
            "Our office hours were cut to three days a week without any consultation. This survey is the first time anyone has asked us anything.",
        ),
        ("s", "Use the schools or the health centre for a satellite counter a few days a month."),
        (
            "n",
            "my grandmother missed a specialist appointment because her health card expired and she couldnt get a ride to renew it",
        ),
        (
            "n",
            "Gas money, a day off, a babysitter. Renewing a document in the north costs way more than the fee.",
        ),
        (
            "n",
            "The mobile outreach was announced on Facebook two days before it came. Half the town didn't know.",
        ),
        (
            "p",
            "Thank you for the outreach clinic in our township. My mother got her health card and her photo card in one trip.",
        ),
        (
            "s",
            "If you are going to close small offices, at least give people a real alternative first, not after.",
        ),
        (
            "n",
            "Broadband here is 5 Mbps on a good day. Uploading a photo of my documents took forty minutes.",
        ),
        (
            "n",
            "The nearest office is in another town and they won't see you without an appointment, which you can only book online.",
        ),
        ("n", "It feels like the province forgets anyone lives north of Sudbury."),
        ("n", "Not everyone can get to {other} on a weekday. Some of us work shifts at the mill."),
        (
            "m",
            "The {place} office is small but it's ours, and the staff know everybody. Please don't take it away.",
        ),
    ],
    "fr": [
        ("n", "Le centre le plus proche est à {fdrive} de route, aller seulement."),
        ("n", "Fermer le bureau de {place} voudrait dire des heures de route pour tout le monde."),
        ("s", "Ramenez le service mobile. Il venait deux fois par année et ça marchait bien."),
        (
            "n",
            "Internet n'est pas fiable ici, alors « faites-le en ligne », ce n'est pas une option.",
        ),
        (
            "n",
            "Le bureau à temps partiel est ouvert deux jours par semaine, et ce sont toujours les jours où je travaille.",
        ),
        (
            "s",
            "Des centres temporaires à la bibliothèque une fois par mois feraient une grande différence.",
        ),
        ("n", "Pas d'autobus, pas de train. Sans auto, impossible de se rendre au centre."),
        ("p", "Merci pour la clinique mobile l'automne dernier. Vingt minutes et c'était réglé."),
        (
            "n",
            "L'essence, une journée de congé, une gardienne : renouveler un document dans le Nord coûte bien plus cher que les frais.",
        ),
        (
            "n",
            "La route 11 est fermée plusieurs fois par hiver. On perd notre rendez-vous et il faut attendre des semaines.",
        ),
        (
            "m",
            "Le petit bureau de {place} n'est pas parfait, mais c'est le nôtre et le personnel connaît tout le monde.",
        ),
    ],
    "staff": [
        (
            "n",
            "We are the only full-service counter for a huge area. People arrive after driving three hours and we have to send some of them home for one missing paper. It breaks my heart.",
        ),
        (
            "s",
            "The outreach clinics work. Give us a budget for four a year instead of one and the rural complaints would drop.",
        ),
        (
            "n",
            "The outreach van sits in the garage most of the year because there's no budget for staff to drive it.",
        ),
    ],
    "detail": [
        "We're on a rural route outside {place}.",
        "Our road isn't plowed until mid-morning.",
        "I'm in my seventies and don't drive at night anymore.",
        "There's one bus a week, and it doesn't come back the same day.",
        "I missed a day's pay at the mine.",
        "Our internet comes from a tower on the hill and drops whenever it's windy.",
        "The drive is {drive} when the weather is good.",
    ],
    "aside": [
        "And it's a long drive for us to get there in the first place.",
        "Don't forget some of us drive two hours to get there.",
        "Out here there's no other office anyway.",
    ],
    "notes": [
        ("n", "the nearest full-service centre is {drive} away for her community"),
        ("n", "closing the {place} office would force residents onto the highway in winter"),
        ("s", "the mobile service van was popular and should come back"),
        ("n", "there is no reliable internet in their township"),
        ("s", "a monthly pop-up at the library or legion hall would help"),
        ("n", "residents without a car have no way to reach the new location"),
        ("n", "verification codes by text don't arrive because of poor cell coverage"),
        ("p", "the outreach clinic last fall was well used and appreciated"),
        ("s", "the township office could accept simple applications on the office's behalf"),
        ("n", "highway closures make booked appointments unreliable in winter"),
        ("n", "the cost of travel is a bigger barrier than the fee itself"),
        ("n", "he drove {drive} and found the office closed for the weather"),
    ],
}

BANK["staff_courtesy"] = {
    "label": "Staff",
    "en": [
        (
            "p",
            "The young man at the counter was patient and kind with my father, who gets confused easily. Please pass that on.",
        ),
        ("n", "The woman at the counter was rude and rolled her eyes when I asked a question."),
        (
            "p",
            "Staff at {place} are always friendly, even when it's busy. They are the best part of the whole experience.",
        ),
        ("n", "I was spoken to like I was stupid because I didn't bring the right form."),
        (
            "p",
            "A big thank you to the staff member who stayed past closing to finish my application so I didn't have to come back.",
        ),
        ("n", "Nobody said hello, nobody smiled, nobody explained anything. I felt like a burden."),
        (
            "m",
            "Most of the staff are great, there's just one person who is consistently unpleasant.",
        ),
        ("p", "Excellent service. Quick, polite, and she explained everything."),
        ("n", "The security guard at the door was more helpful than the person at the counter."),
        (
            "p",
            "I came in upset after my husband passed and needed his death certificate. The staff member was so gentle. I won't forget it.",
        ),
        ("n", "Staff were chatting among themselves while the line grew. Very unprofessional."),
        (
            "s",
            "Give staff more training on dealing with seniors and people who are [stressed|upset|confused]. A bit of patience goes a long way.",
        ),
        ("n", "When I asked to speak to a supervisor I was told there wasn't one."),
        ("p", "Friendly, efficient, and she even remembered me from last year."),
        (
            "n",
            "I was yelled at for standing in the wrong spot. There were no signs telling you where to stand.",
        ),
        ("p", "The staff were great. The system they have to work with is the problem."),
        ("n", "[Rude.|Rude staff.|Rude, rude, rude.]"),
        (
            "p",
            "very helpful lady at the photo counter, she made my nervous kid laugh for the picture",
        ),
        (
            "n",
            "The clerk refused to look at my documents because I was 'in the wrong line', even though nobody else was waiting.",
        ),
        ("m", "Polite but clearly exhausted. They need more people."),
        (
            "p",
            "Whoever trained the staff at {place}, give them a raise. Everyone was respectful, even to the guy yelling at them.",
        ),
        (
            "n",
            "I felt judged because of how I was dressed. I was treated very differently from the person before me.",
        ),
        (
            "p",
            "I called ahead and the staff member walked me through exactly what to bring. Everything went smoothly.",
        ),
        ("n", "Three staff members gave me three different answers to the same question."),
        (
            "s",
            "Please make sure staff wear name tags. I wanted to thank someone and didn't know her name.",
        ),
        (
            "p",
            "Staff went above and beyond to help my newcomer family understand what we needed. Thank you.",
        ),
        ("n", "Dismissive attitude when I said I was applying on behalf of my disabled brother."),
        ("p", "Honestly no complaints about the people. They're doing their best."),
        (
            "n",
            "She sighed loudly every time I didn't understand something. I'm 81, I'm doing my best too.",
        ),
        ("p", "10/10 for the staff at the {place} counter on {day}."),
        (
            "m",
            "The staff were nice enough but nobody could actually answer my question about the vehicle transfer.",
        ),
        (
            "p",
            "The manager came out to apologize for the wait and explained what was going on. That's all anyone wants.",
        ),
        ("n", "The clerk laughed when I mispronounced a word. I'm still learning English."),
    ],
    "fr": [
        ("p", "L'employée était très patiente avec mon père. Merci de le lui dire."),
        ("p", "Le personnel est toujours souriant et serviable à {place}."),
        ("n", "La personne au comptoir a été impolie et m'a parlé comme si j'étais idiot."),
        ("p", "Le personnel fait de son mieux, c'est le système qui ne fonctionne pas."),
        ("p", "Service excellent, rapide et courtois."),
        ("n", "Personne ne m'a dit bonjour, personne ne m'a expliqué quoi que ce soit."),
        ("n", "On m'a donné trois réponses différentes à la même question."),
        (
            "p",
            "Un gros merci à l'employé qui est resté après la fermeture pour terminer mon dossier.",
        ),
        ("m", "Le personnel est gentil mais visiblement épuisé. Il manque du monde."),
    ],
    "staff": [
        (
            "n",
            "We get yelled at daily for things we don't control. Some recognition from management that this is hard would help.",
        ),
        ("s", "Training on de-escalation would help us, and a panic button that actually works."),
        (
            "p",
            "Our team is great. We cover for each other and we know our regulars by name. Please don't break that up.",
        ),
        (
            "n",
            "We are told to smile through abuse. We need a clear policy on what happens when a client threatens staff.",
        ),
        (
            "s",
            "Staff need time to learn new systems before they go live. Right now we learn them in front of the public.",
        ),
    ],
    "detail": [
        "I didn't catch her name; she had short grey hair and glasses.",
        "It was the {day} afternoon shift.",
        "I've been to that office maybe ten times over the years.",
        "I'm sure they're underpaid and overworked, but still.",
        "My daughter was with me and noticed it too.",
    ],
    "aside": [
        "The staff were lovely though.",
        "To be fair the lady at the counter was very nice about it.",
        "Staff were polite, I'll give them that.",
    ],
    "notes": [
        ("p", "staff at the {place} counter were patient and helpful with her father"),
        ("n", "he felt talked down to when he didn't have the right form"),
        ("n", "one staff member was described as consistently rude"),
        ("m", "staff are great but clearly stretched thin"),
        ("n", "she received conflicting answers from two staff members"),
        ("p", "a staff member stayed after closing to help finish an application"),
        ("s", "staff need more training on serving seniors and people in distress"),
        ("p", "newcomer families felt welcomed and well supported at the counter"),
        ("s", "name tags would make it easier to pass on compliments or complaints"),
        ("n", "he was treated dismissively when acting for a disabled relative"),
        ("p", "the manager came out to explain the delay and that defused the room"),
    ],
}

BANK["opening_hours"] = {
    "label": "Hours",
    "en": [
        (
            "n",
            "The office is only open 9 to 4:30 on weekdays. When exactly are working people supposed to go?",
        ),
        ("s", "Open one evening a week until 7. That's all I ask."),
        ("s", "Saturday hours, even just a morning."),
        ("n", "They close for lunch from 12 to 1. The only hour I can get away from work."),
        (
            "n",
            "The {place} office closes at 4 but stops taking people at 3:30. The sign doesn't say that.",
        ),
        (
            "n",
            "I drove over on my lunch break and found a sign on the door: closed for staff training.",
        ),
        (
            "s",
            "Extended hours in late August before school starts, and in spring when everything seems to be up for renewal.",
        ),
        ("n", "Part-time hours that change every month. I never know when it's open."),
        ("n", "The opening hours online were wrong. I showed up and it was closed."),
        ("m", "The hours are fine for me since I'm retired, but my son can never get there."),
        ("n", "Closed on Mondays AND Fridays in {place}. Three days a week for a whole district."),
        (
            "s",
            "Stagger the hours: open at 7 one day and close at 7 another, so shift workers have a chance.",
        ),
        (
            "n",
            "The office shut early for a snowstorm that never came and nobody updated the website.",
        ),
        (
            "p",
            "The Thursday evening hours they started in {place} are a lifesaver. Please keep them.",
        ),
        ("n", "I had to take an unpaid day off just to renew a health card because of the hours."),
        ("n", "9-4:30 mon-fri is not accessible to anyone with a job"),
        ("s", "Be open when people are off work. Simple as that."),
        ("n", "They locked the doors 15 minutes early while I was still in the parking lot."),
        (
            "n",
            "I work in the mine on rotation, two weeks in and one week out. The office is never open in my week out because of holidays and training days.",
        ),
        (
            "s",
            "Post holiday closures well in advance. I drove an hour on Easter Monday to a locked door.",
        ),
        (
            "n",
            "Closing over lunch in a one-person office means nobody can come at noon, which is when everybody wants to come.",
        ),
        (
            "p",
            "Saturday morning hours at {place} were great, in and out in fifteen minutes. Please make them permanent.",
        ),
        ("n", "Why are government offices still running on a 1970s schedule?"),
        (
            "s",
            "Even one late night a month would help parents who can't bring kids to the counter during school hours.",
        ),
        (
            "n",
            "The hours posted on the door, on Google and on your website are three different things.",
        ),
        ("m", "I like that it opens at 8:30 now, but closing at 4 undoes the good."),
        (
            "n",
            "Summer hours are shorter, which is exactly when students need their documents for jobs.",
        ),
        ("s", "Keep the office open through lunch by staggering breaks."),
        ("n", "Couldn't get there before closing. Tried three days in a row."),
        (
            "n",
            "I'm a nurse on twelve-hour shifts. The hours are designed for people who don't work.",
        ),
        ("s", "Seasonal workers need the office open in the off-season months, not cut back."),
        (
            "n",
            "Our office is open Tuesday and Thursday only, and not over lunch. That's about eleven hours a week for the whole town.",
        ),
    ],
    "fr": [
        (
            "n",
            "Le bureau est ouvert de 9 h à 16 h 30 en semaine. Quand les travailleurs sont-ils censés y aller?",
        ),
        ("s", "Ouvrez un soir par semaine jusqu'à 19 h, c'est tout ce qu'on demande."),
        ("s", "Des heures le samedi matin, s'il vous plaît."),
        ("n", "Fermé sur l'heure du dîner, la seule heure où je peux m'absenter du travail."),
        ("n", "Les heures affichées sur le site web étaient fausses, j'ai trouvé la porte fermée."),
        ("p", "Les heures du jeudi soir à {place} sont très appréciées. Gardez-les!"),
        (
            "n",
            "Fermé le lundi et le vendredi. Trois jours par semaine pour tout un district, ce n'est pas assez.",
        ),
        (
            "n",
            "Je travaille de jour au moulin. Le bureau ferme avant que je sorte. Chaque fois, c'est une journée de paye perdue.",
        ),
    ],
    "staff": [
        (
            "s",
            "Most of us would happily work a later shift one day a week if it were voluntary and paid properly. Ask us.",
        ),
        (
            "n",
            "We close for lunch because there are only two of us. It isn't laziness, it's staffing.",
        ),
        (
            "n",
            "Evening hours were tried once with no extra staff. We were burned out in a month and it was cancelled.",
        ),
        ("s", "Offer a split shift, 11 to 7, and we could cover an evening without overtime."),
    ],
    "detail": [
        "I work 7 to 3:30 and it takes me half an hour to get there.",
        "I'm a single parent with two kids in daycare.",
        "It was a {day}.",
        "My employer won't give time off for this.",
        "I'm on shift work and the schedule changes every two weeks.",
    ],
    "aside": [
        "And the hours make it impossible to go after work.",
        "Plus it's never open when I'm off work.",
        "Saturday hours would help too.",
    ],
    "notes": [
        ("s", "the office should open at least one evening a week"),
        ("s", "Saturday morning hours would help working families"),
        ("n", "the lunch-hour closure is the biggest barrier for people who work"),
        ("n", "posted hours online and on the door do not match"),
        ("p", "the Thursday evening hours at {place} should be kept"),
        ("n", "shift workers at the mill can never reach the office during opening hours"),
        ("n", "closures for training are not announced in advance"),
        ("n", "summer hours are reduced exactly when students need documents"),
        ("n", "the part-time office's days change from month to month"),
    ],
}

BANK["kiosk_reliability"] = {
    "label": "Kiosk",
    "en": [
        (
            "n",
            "The kiosk at the mall has been out of order every time I've gone, three times since Christmas.",
        ),
        ("n", "Kiosk ate my card and then the screen froze."),
        (
            "n",
            "The card reader on the kiosk doesn't take tap, only chip, and the chip reader is broken.",
        ),
        ("n", "It printed a receipt with no ink on it. So I have no proof I paid."),
        ("p", "When the kiosk works it's great. Took two minutes for my vehicle permit."),
        (
            "s",
            "Put a phone number on the kiosk so you can report when it's broken. Nobody seems to know.",
        ),
        ("n", "The kiosk screen is so scratched you can't read half of it."),
        ("n", "OUT OF ORDER sign on the kiosk again. It's been weeks."),
        (
            "n",
            "The touchscreen doesn't register unless you press really hard. Took me five tries to type my postal code.",
        ),
        ("m", "I like the idea of kiosks but they need someone to maintain them."),
        (
            "n",
            "The kiosk asked for my licence number, then said it was invalid, then said try again later.",
        ),
        (
            "n",
            "The kiosk timed out while I was getting my wallet out and I had to start from the beginning.",
        ),
        (
            "s",
            "Kiosks should print the new permit right there, not tell you it will be mailed in 6-8 weeks.",
        ),
        (
            "n",
            "there is no privacy at the kiosk, people stand right behind you while you type your info",
        ),
        (
            "n",
            "The kiosk in the {place} office is broken, so everyone lines up at the counter instead. Makes the line even longer.",
        ),
        (
            "n",
            "Paid at the kiosk and got charged twice on my credit card. Took two months to sort out.",
        ),
        (
            "s",
            "Kiosks in grocery stores and pharmacies in small towns would save a lot of driving, if they actually worked.",
        ),
        (
            "n",
            "The kiosk won't take my card because it's a prepaid card. That's all some people have.",
        ),
        ("p", "The new kiosk is much faster than the old one. Credit where it's due."),
        ("n", "The kiosk was removed from our mall with no notice. Now we drive to the next town."),
        ("n", "Screen glare in the afternoon makes the kiosk unreadable. It faces the window."),
        ("n", "kiosk printer jammed, clerk said it happens daily"),
        ("s", "Have the kiosk tell you clearly what you need before you start, not at the end."),
        (
            "n",
            "Tried the kiosk, it crashed mid-payment, no idea if it went through. Had to line up anyway to check.",
        ),
        (
            "n",
            "The kiosk only works for the simplest renewals. Anything else and it tells you to see an agent.",
        ),
        ("m", "The kiosk worked on the second try. Receipt printed crooked but it's readable."),
        ("n", "The kiosk's voice instructions are so quiet you can't hear them in a busy mall."),
        ("n", "Every time I go the kiosk is 'temporarily unavailable'. Temporary for a year now."),
        (
            "s",
            "If the kiosk is down, put a notice on the website so people don't make the trip for nothing.",
        ),
        (
            "n",
            "The kiosk at the {place} centre rebooted in the middle of my transaction. I watched it install updates.",
        ),
        ("n", "The camera on the photo kiosk made everyone look green. They rejected my photo."),
        ("n", "The kiosk wanted my 'customer number'. I've never heard of a customer number."),
    ],
    "fr": [
        ("n", "La borne au centre commercial est toujours en panne."),
        ("n", "Le lecteur de cartes ne fonctionne pas, ni avec la puce ni sans contact."),
        ("n", "Le reçu est sorti sans encre. Aucune preuve de paiement."),
        ("p", "Quand la borne fonctionne, c'est rapide. Deux minutes et c'est fini."),
        (
            "n",
            "La borne a planté pendant le paiement, j'ai dû faire la file quand même pour vérifier.",
        ),
        ("s", "Mettez un numéro sur la borne pour qu'on puisse signaler les pannes."),
        ("n", "L'écran tactile ne répond pas, il faut appuyer cinq fois."),
    ],
    "staff": [
        (
            "n",
            "We restart the kiosk three or four times a day. The vendor takes a week to send someone.",
        ),
        (
            "n",
            "When the kiosk is down everybody comes to the counter and the line doubles. Staff get the blame for a machine.",
        ),
        (
            "s",
            "Give us spare receipt paper and the right to call the vendor directly. Right now it goes through three people.",
        ),
        (
            "n",
            "The vendor's help line closes at 4, same as us. When the kiosk fails at 3:30 it stays broken until the next day.",
        ),
    ],
    "detail": [
        "This was the kiosk by the food court.",
        "A staff member came over, pressed a few buttons and shrugged.",
        "I keep the receipts because I don't trust it.",
        "The out of order sign was handwritten on a piece of printer paper.",
        "There was a line of four people behind me by then.",
    ],
    "aside": [
        "And the kiosk was broken again.",
        "The self-serve kiosk was out of order too, of course.",
        "Don't get me started on the kiosk.",
    ],
    "notes": [
        ("n", "the kiosk at the mall has been out of order for weeks"),
        ("n", "the kiosk card reader rejects tap payments and prepaid cards"),
        ("n", "the kiosk printer regularly jams or prints blank receipts"),
        ("m", "when the kiosk works it is fast and convenient"),
        ("n", "a broken kiosk sends everyone to the counter and lengthens the line"),
        ("s", "there should be a way to report a broken kiosk"),
        ("n", "the kiosk screen is unreadable in the afternoon glare"),
        ("n", "the kiosk crashed mid-payment and she did not know whether she had been charged"),
        ("s", "kiosks in grocery stores in small towns would help if they were maintained"),
    ],
}

BANK["appointment_booking"] = {
    "label": "Booking",
    "en": [
        (
            "n",
            "The online booking system shows no appointments for the next six weeks. Then you walk past and the office is empty.",
        ),
        ("n", "I booked an appointment and still waited 45 minutes past my time."),
        (
            "s",
            "Keep some same-day spots open every morning for people who can't plan six weeks ahead.",
        ),
        ("n", "The booking site kept showing slots that disappeared when I clicked on them."),
        (
            "n",
            "Got a cancellation email the night before my appointment, no reason given, and the next available was a month later.",
        ),
        ("p", "Booking was easy and I was seen exactly on time. Great system."),
        ("n", "You can only book online. What about people without internet?"),
        ("s", "Send a reminder text the day before. I forgot mine and lost my spot."),
        (
            "n",
            "People book and don't show up, and the rest of us can't get in. Charge a no-show fee or release the slot.",
        ),
        (
            "n",
            "I had an appointment but the walk-ins were served first. What's the point of booking?",
        ),
        (
            "n",
            "The booking confirmation didn't say which documents to bring, so my appointment was wasted.",
        ),
        (
            "m",
            "Appointments are a good idea, but the walk-in line should still exist. Not everyone can plan ahead.",
        ),
        ("n", "Three weeks to get an appointment to renew a licence that expires in two."),
        ("s", "Let me book by phone. I'm 77 and I don't do the internet."),
        (
            "n",
            "The system wouldn't let me book for my husband and myself together, so we had two appointments on different days.",
        ),
        ("n", "booking page says 'no availability' for every location within 200 km"),
        (
            "p",
            "The new appointment system at {place} is a big improvement over standing in line for hours.",
        ),
        ("n", "My appointment was at 10:15. I was seen at 11:40."),
        (
            "s",
            "Show which appointments are for which services, so a quick renewal doesn't use up a 30-minute slot.",
        ),
        (
            "n",
            "I cancelled my appointment by accident on the website and there was no way to undo it.",
        ),
        (
            "n",
            "Had an appointment, arrived on time, was told the photo equipment was down and to book again.",
        ),
        ("s", "Let people join a waitlist for cancellations."),
        (
            "n",
            "New appointments get released at midnight and they're gone by 12:05. It's like buying concert tickets.",
        ),
        (
            "m",
            "The booking worked, but I had to take a day off anyway because the earliest time was 2 pm on a weekday.",
        ),
        (
            "n",
            "You need an account to book, and to make an account you need... an appointment. I'm not joking.",
        ),
        ("n", "The booking site only works in French on the first page."),
        ("s", "Allow a family booking: one slot for several people in the same household."),
        ("p", "I booked online at 7 am and got a same-day slot at 11. Couldn't have been better."),
        ("n", "The appointment reminder arrived after the appointment."),
        (
            "n",
            "There's no way to reschedule, only cancel and start over, and by then the slots are gone.",
        ),
        (
            "n",
            "I booked the wrong service type by mistake and they wouldn't serve me. Sent me to the back of the walk-in line.",
        ),
        ("n", "Booked for 9:00 on a {day}, drove in, and the office had no record of my booking."),
    ],
    "fr": [
        (
            "n",
            "Le système de réservation en ligne n'affiche aucune plage pour les six prochaines semaines.",
        ),
        ("n", "J'avais un rendez-vous et j'ai attendu 45 minutes quand même."),
        ("s", "Gardez des places le jour même pour les gens qui ne peuvent pas planifier."),
        ("n", "On ne peut réserver qu'en ligne. Et ceux qui n'ont pas Internet?"),
        ("s", "Un rappel par texto la veille serait très utile."),
        ("p", "La réservation s'est bien passée et on m'a servi à l'heure. Bravo."),
        (
            "n",
            "Mon rendez-vous a été annulé la veille, sans raison, et le prochain disponible était un mois plus tard.",
        ),
        ("n", "Le site de réservation est en français seulement sur la première page."),
    ],
    "staff": [
        (
            "n",
            "No-shows are about one in five appointments at our counter. We can't give the slot away because the system won't let us.",
        ),
        ("s", "Let us hold back some same-day slots. We know which mornings are quiet."),
        (
            "n",
            "The booking system gives 15-minute slots to transactions that take 40. We are behind by ten o'clock every day.",
        ),
    ],
    "detail": [
        "I had booked for my {service}.",
        "I checked every day for a week.",
        "My daughter had to do it for me on her phone.",
        "The confirmation number was 12 characters long and I had to read it out at the counter.",
        "The office was half empty when I finally got in.",
    ],
    "aside": [
        "And good luck getting an appointment.",
        "The booking system is a mess too.",
        "Also there were no appointments for weeks.",
    ],
    "notes": [
        ("n", "no appointments are available online for weeks, yet the office looks empty"),
        ("n", "she was seen 45 minutes after her booked time"),
        ("s", "same-day slots should be kept for people who cannot plan ahead"),
        ("s", "booking should be possible by phone for seniors"),
        ("n", "no-shows are taking slots from people who need them"),
        ("p", "the booking system was easy to use and he was seen on time"),
        ("n", "appointments were cancelled at short notice without explanation"),
        ("s", "a cancellation waitlist would help"),
        ("n", "booked appointments are bumped when equipment is down"),
        ("n", "walk-ins were served ahead of people with appointments"),
    ],
}

BANK["phone_line"] = {
    "label": "Phone line",
    "en": [
        ("n", "I was on hold for {phold} and then the call dropped."),
        (
            "n",
            "The phone line plays the same message telling me to visit the website. I'm calling because the website doesn't work.",
        ),
        ("s", "Offer a callback instead of making people sit on hold."),
        ("n", "I called five times over two days. Busy signal or disconnected every time."),
        (
            "n",
            "When I finally got through, the agent couldn't help and transferred me to a number that doesn't exist anymore.",
        ),
        (
            "p",
            "The call centre agent I spoke to was excellent. Knew exactly what I needed and solved it in one call.",
        ),
        ("n", "The hold music is the same 20-second loop. After an hour it feels like torture."),
        ("n", "No way to reach a human. The phone menu keeps looping back to the main menu."),
        ("n", "The phone line closes at 5. Most people can only call after work."),
        (
            "s",
            "Tell callers their place in the queue or the estimated wait. I'd rather know it's 40 minutes than guess.",
        ),
        (
            "n",
            "I got a callback three days later while I was at work. Missed it. Back to square one.",
        ),
        (
            "n",
            "I called to ask which documents to bring and got a different answer from the one on the website.",
        ),
        ("n", "on hold 1h 20m. gave up."),
        (
            "n",
            "The line hung up on me after 'due to high call volumes'. It didn't even put me on hold.",
        ),
        ("m", "Long hold, but the person was really helpful once I got through."),
        (
            "s",
            "Have a number that goes to the local office instead of one central line. The locals know the answer.",
        ),
        (
            "n",
            "I'm hard of hearing and nobody could tell me about a text or relay option for the phone line.",
        ),
        ("n", "My cell minutes ran out while I was on hold. Not everyone has an unlimited plan."),
        ("n", "The agent put me on hold to 'check with a supervisor' and never came back."),
        (
            "p",
            "Called on a Tuesday morning and got someone in under five minutes. Pleasant surprise.",
        ),
        ("n", "The automated system can't understand my accent. I said 'health card' six times."),
        (
            "s",
            "Let me press a button to get the answer or the link by text, instead of trying to write down a web address while driving.",
        ),
        ("n", "the phone number on the letter I got is out of service"),
        (
            "n",
            "I called about my mother's birth certificate and was told I'd need her permission. She died in March. That's why I was calling.",
        ),
        ("n", "The phone tree has nine options and none of them is 'my application is stuck'."),
        ("n", "I spent my whole lunch break on hold three days in a row."),
        ("s", "Keep the line open on Saturdays, even half a day."),
        (
            "n",
            "Every time I call I get someone new and have to explain everything from scratch. There's no record of the last call.",
        ),
        (
            "m",
            "The callback feature worked, they called within two hours. But the answer was 'come in person'.",
        ),
        ("n", "Why is there no email option? It's phone or nothing."),
        (
            "n",
            "The recorded message says wait times are 'higher than normal'. It has said that for three years.",
        ),
        ("n", "Dropped call after {phold}. Called back and the wait started over."),
    ],
    "fr": [
        ("n", "J'ai attendu {fphold} en ligne et l'appel a coupé."),
        ("s", "Offrez un rappel au lieu de nous laisser en attente pendant une heure."),
        (
            "n",
            "Le message automatique nous dit d'aller sur le site web. J'appelle justement parce que le site ne fonctionne pas.",
        ),
        ("p", "L'agente au téléphone était excellente et a tout réglé en un seul appel."),
        ("n", "Impossible de parler à un humain, le menu revient toujours au début."),
        ("n", "Le système automatique ne comprend pas mon accent."),
        ("n", "Chaque fois que j'appelle, je dois tout réexpliquer depuis le début."),
        ("n", "Le numéro sur la lettre que j'ai reçue n'est plus en service."),
    ],
    "staff": [
        (
            "n",
            "I take calls and we're told to keep them under six minutes. People need longer than that, especially seniors.",
        ),
        (
            "s",
            "Give the contact centre access to the same system the counters use. Half our transfers are because we can't see the file.",
        ),
        (
            "n",
            "Callers have usually waited an hour before they reach me. The first five minutes are just them being angry, and honestly, fair enough.",
        ),
        (
            "s",
            "Let the local counters answer a local line for an hour a day. We know the answers the central line doesn't.",
        ),
    ],
    "detail": [
        "I have the call log on my phone if you want proof.",
        "This was the main 1-800 number.",
        "I called from work, so that was billable time gone.",
        "My phone battery died at minute 58.",
        "I tried again at 8:30 sharp the next day. Same thing.",
    ],
    "aside": [
        "Calling first doesn't help, nobody answers.",
        "And the phone line is useless.",
        "I tried phoning before I went and was on hold forever.",
    ],
    "notes": [
        ("n", "hold times on the contact centre line regularly go past an hour"),
        ("n", "calls are dropped after long holds"),
        ("s", "a callback option would be welcome"),
        ("n", "the phone menu loops without ever reaching a person"),
        ("n", "agents give different answers from the website"),
        (
            "s",
            "the local office number should be published so people can reach staff who know the area",
        ),
        ("n", "the callback came while she was at work and she missed it"),
        ("p", "the agent he spoke to was knowledgeable and solved it in one call"),
        ("n", "the voice recognition system does not understand accents"),
        ("n", "there is no text or relay option for callers who are hard of hearing"),
        ("n", "prepaid cell minutes run out on hold"),
    ],
}

BANK["document_requirements"] = {
    "label": "ID/docs",
    "en": [
        (
            "n",
            "Three trips to renew my health card, because each time they told me about a different document I was missing.",
        ),
        ("n", "The list of acceptable ID on the website doesn't match what the counter accepts."),
        (
            "s",
            "Make a clear one-page checklist for each service, and make it the same online, on the phone and at the counter.",
        ),
        ("n", "I was told my passport wasn't enough proof of identity. It's a passport."),
        (
            "n",
            "They needed a utility bill in my name as proof of address. I live with my parents. I don't have one.",
        ),
        (
            "n",
            "They wanted the original birth certificate. Mine is in a safety deposit box three hours away.",
        ),
        (
            "n",
            "My name is spelled differently on two documents because of the accent on the é. That held things up for months.",
        ),
        (
            "s",
            "Accept digital documents, like a PDF bank statement on my phone. Nobody gets paper statements anymore.",
        ),
        (
            "n",
            "The requirements changed between when I checked online and when I got to the office two days later.",
        ),
        ("n", "requirements are confusing and nobody explains them the same way twice"),
        (
            "n",
            "As a newcomer, I had no idea what counted as 'proof of residency'. The word 'residency' means three different things depending on the form.",
        ),
        (
            "n",
            "I brought everything on the list and they asked for something that isn't on the list.",
        ),
        ("m", "The staff helped me work out what I needed, but the website was no help at all."),
        (
            "n",
            "To get a birth certificate I need ID, and to get ID I need a birth certificate. Figure it out.",
        ),
        (
            "n",
            "My son was turned away because his school letter wasn't on letterhead. It was the school's own letter!",
        ),
        (
            "s",
            "If I'm missing one document, let me email it in afterwards instead of starting over.",
        ),
        (
            "n",
            "Proof of address for people who are homeless or in a shelter is basically impossible. That needs a real solution.",
        ),
        (
            "n",
            "My mother's health card is in her married name and her birth certificate in her maiden name. They wouldn't accept the marriage certificate because it was a photocopy.",
        ),
        (
            "n",
            "The vehicle transfer needed a signature from the previous owner, who had died. Nobody could tell us what to do.",
        ),
        (
            "s",
            "Pre-check documents while people wait in line. One staff member with a clipboard would save dozens of wasted trips.",
        ),
        ("n", "Why do I need to prove my citizenship again to renew a card I've had for 40 years?"),
        (
            "n",
            "Two trips and a 90-minute drive each way because the photocopy of my lease wasn't 'certified'.",
        ),
        (
            "p",
            "The checklist I got at the counter was clear and my second visit took five minutes. Give that checklist to everybody up front.",
        ),
        ("n", "The form asks for my 'version code' and nowhere does it say where to find it."),
        (
            "n",
            "I had every document the website said I needed. The person at the counter said the website is out of date.",
        ),
        (
            "s",
            "Let a trusted person, like a social worker or a band office, vouch for ID for people who have lost everything.",
        ),
        (
            "n",
            "For the birth certificate application they needed the name of the hospital from 1958. The hospital doesn't exist anymore.",
        ),
        ("n", "Too much paperwork for something so simple."),
        (
            "n",
            "I was sent home for a document that the same office issued to me. Don't they have a copy?",
        ),
        (
            "m",
            "It got sorted eventually, but only because I kept asking. The first answer was wrong.",
        ),
        (
            "n",
            "The accessible parking permit needs a doctor's form, and there's a six-month wait for a family doctor here.",
        ),
        (
            "n",
            "Lost my wallet with everything in it. Replacing it all took four visits and two months.",
        ),
        (
            "n",
            "For a commercial vehicle permit I was asked for three documents that were never mentioned on the phone.",
        ),
    ],
    "fr": [
        (
            "n",
            "Trois visites pour renouveler ma carte santé parce qu'on m'annonçait chaque fois un document différent.",
        ),
        (
            "n",
            "La liste des pièces d'identité sur le site ne correspond pas à ce qu'on accepte au comptoir.",
        ),
        ("s", "Une liste claire d'une page pour chaque service, la même partout, s'il vous plaît."),
        (
            "n",
            "Mon nom est écrit avec un accent sur un document et sans accent sur l'autre. Ça a tout bloqué pendant des mois.",
        ),
        ("s", "Acceptez les documents numériques. Plus personne ne reçoit de relevés papier."),
        (
            "n",
            "Pour avoir un certificat de naissance il faut une pièce d'identité, et pour la pièce d'identité il faut un certificat de naissance.",
        ),
        (
            "n",
            "J'avais tous les documents demandés sur le site. Au comptoir, on m'a dit que le site n'était pas à jour.",
        ),
        (
            "n",
            "On m'a renvoyé chez moi pour une photocopie qui n'était pas certifiée. Deux heures de route pour rien.",
        ),
    ],
    "staff": [
        (
            "n",
            "Half my day is telling people they're missing one document. A clear checklist mailed with renewal notices would change everything.",
        ),
        (
            "n",
            "The website list and our internal list don't match, and the public trusts the website. We're the ones who have to say no.",
        ),
        (
            "s",
            "Let us accept scanned documents by email for the one missing item. Sending people home for one page is a waste for everyone.",
        ),
        (
            "n",
            "The rules change by memo every few weeks and the website is updated months later. The public pays for that gap.",
        ),
    ],
    "detail": [
        "I brought a folder with every document I own, and it still wasn't enough.",
        "This was for a {service}.",
        "Each trip was {km} there and back.",
        "I ended up paying a commissioner to certify a copy.",
        "Nobody told me this when I phoned ahead.",
    ],
    "aside": [
        "And they sent me home for a missing paper, again.",
        "Plus nobody can tell you what documents you actually need.",
        "The document list is a mystery too.",
    ],
    "notes": [
        ("n", "she made three trips because a different document was asked for each time"),
        ("n", "the ID list online does not match what the counter accepts"),
        ("n", "proof of address is nearly impossible for people living in shelters"),
        ("n", "name mismatches between documents (accents, married names) cause long delays"),
        ("s", "digital statements should be accepted as proof of address"),
        ("s", "staff should pre-check documents while people wait in line"),
        ("n", "newcomers find terms like 'proof of residency' confusing"),
        ("p", "the counter checklist was clear and helpful"),
        ("n", "commercial operators lose days over paperwork for vehicle permits"),
        ("s", "a trusted-referee option is needed for people who have lost all their ID"),
        ("n", "he was sent home because his copy of the lease was not certified"),
    ],
}

# Written submissions received by email (session S13), one per partner, written in full.
EMAIL_SUBMISSIONS = {
    "seniors_coalition": (
        "phone_line",
        "The Northern Ontario Seniors' Rights Coalition thanks the Regional Service Office for this review. "
        "Our submission is about the telephone line, because for many of our members the phone is the only "
        "way they can reach you.\n\n"
        "Members report holds of more than an hour, calls dropped at the end of that hour, and a recorded "
        "message that sends them to a website they cannot use. Several ran out of prepaid minutes while on "
        "hold. Hearing aids and automated menus do not mix well, and the voice system does not understand "
        "many of our members.\n\n"
        "We ask for three things: a callback option that keeps your place in line; a direct number for each "
        "local centre, answered by people who know the area; and a 'press 0 for a person' option on the main "
        "menu. We would be glad to help test any changes with our members.",
    ),
    "tenant_advocates": (
        "document_requirements",
        "Nipissing Tenant and Income Security Advocates works with people who are homeless, living in "
        "shelters or rooming houses, or moving often. For them, the biggest barrier at your counters is "
        "proof of address.\n\n"
        "A utility bill or a lease in the person's own name is simply not available to most of the people we "
        "serve. We regularly see clients turned away from a health card renewal for this reason, who then "
        "miss medical appointments. A letter from a shelter is accepted at one counter and refused at the "
        "next.\n\n"
        "We recommend a published list of acceptable alternatives, including a letter from a shelter, a "
        "community agency or a band office, and training so that staff apply it the same way everywhere. "
        "Three anonymised case examples are attached. Contact: 705-555-0129.",
    ),
    "kingston_aac": (
        "accessibility",
        "The Kingston Accessibility Advisory Committee audited the Kingston service centre on April 14 with "
        "the office's permission. The full findings (14 items) were sent separately; this submission "
        "summarises the most urgent.\n\n"
        "The automatic door opener at the main entrance was not working on the day of the audit and, "
        "according to staff, had not worked for several weeks. The counter has no lowered section, so "
        "wheelchair users cannot see or be seen by staff. Queue numbers are announced by speaker only, with "
        "no visual display, and the hearing loop sign is up but the loop itself is out of service. Seating in "
        "the waiting area has no armrests.\n\n"
        "None of this is expensive to fix. We ask the office to commit to a date for each item and to report "
        "back to the committee.",
    ),
    "afun": (
        "french_language",
        "L'Association francophone des usagers du Nord remercie le Bureau de cette consultation.\n\n"
        "Nos membres nous rapportent que le service en français demeure inégal d'un centre à l'autre et "
        "d'une journée à l'autre. L'offre active (« Hello, bonjour ») n'est pas faite de façon "
        "systématique, les formulaires français arrivent souvent des mois après les versions anglaises, et "
        "l'option française de la ligne téléphonique entraîne une attente plus longue. Dans plusieurs "
        "centres, une seule personne bilingue assure tout le service en français.\n\n"
        "Nous demandons un objectif mesurable sur l'offre active, la publication simultanée des formulaires "
        "dans les deux langues et un plan de recrutement de personnel bilingue dans le Nord. Nous sommes "
        "disponibles pour en discuter.",
    ),
    "otv_trucking": (
        "document_requirements",
        "The Ottawa Valley Trucking Association represents about 140 carriers and owner-operators in the "
        "Valley. Our members lose whole working days at service counters over commercial vehicle "
        "paperwork.\n\n"
        "The documents required for a commercial vehicle permit are not listed in one place. Members are "
        "told one thing on the phone, another on the website and a third at the counter, and a missing "
        "document means a second trip, often more than an hour each way. Transfers between companies are "
        "the worst: one missing signature can keep a truck off the road for a week.\n\n"
        "We propose a dedicated commercial counter one morning a week in Pembroke, one published checklist "
        "for each commercial transaction, and the option to send a missing document electronically instead "
        "of coming back in person.",
    ),
    "algoma_broadband": (
        "rural_access",
        "Rural Broadband Now Algoma submits the attached speed-test results from 14 townships. The median "
        "upload speed is below 1 Mbps in nine of them.\n\n"
        "This matters to your review because more and more of your services assume a fast connection: "
        "uploading photos of documents, verification codes by text message, sessions that time out while a "
        "page loads. In much of rural Algoma none of this works reliably, and cell coverage is patchy at "
        "best. When online fails, the alternative is a drive of two hours or more to Sault Ste. Marie.\n\n"
        "We ask the office not to treat online services as a replacement for in-person service where "
        "broadband is inadequate, to keep mobile outreach clinics in the plan, and to test online services "
        "on a slow rural connection before launching them.",
    ),
    "public_health": (
        "document_requirements",
        "Northern Lakes Public Health Office sees the health consequences of lapsed health cards every week. "
        "People without a fixed address, people leaving hospital or custody, and people fleeing violence are "
        "the most likely to lose their card and the least able to meet the document requirements to "
        "replace it.\n\n"
        "We support a trusted-referee option, so that a health or social service worker can confirm identity "
        "and address for clients who have lost all their documents, and a faster path for urgent medical "
        "cases. We also encourage the office to share plain-language information on replacing a health card "
        "with clinics and shelters, in English, French and the main languages of newcomers in the district.",
    ),
    "cornwall_literacy": (
        "online_services",
        "Cornwall Literacy Council works with adults who read at a basic level. Our learners tell us that "
        "the online forms are the hardest part of dealing with the office.\n\n"
        "The forms use terms like 'transaction reference', 'version code' and 'proof of residency' without "
        "explaining them. The instructions are long and appear only at the start, so learners lose track, "
        "and sessions time out while they work through a page with a tutor. Several learners gave up and "
        "came to the counter, where staff were patient but had no plain-language material to hand out.\n\n"
        "We tested a plain-language checklist with learners this spring and are happy to share what we "
        "learned. We recommend testing every new online form in plain language before it goes live.",
    ),
}

# --------------------------------------------------------------------------------------
# Fillers for {placeholders}, openers, closers, framing of officer notes.
# --------------------------------------------------------------------------------------
FILL = {
    "dur": [
        "two hours",
        "an hour and forty minutes",
        "almost three hours",
        "90 minutes",
        "over an hour",
        "two and a half hours",
        "an hour and a quarter",
        "close to two hours",
    ],
    "fdur": [
        "deux heures",
        "une heure et demie",
        "presque trois heures",
        "plus d'une heure",
        "une heure quarante-cinq",
    ],
    "time": ["8:30", "9:15", "10:40", "1:20", "2:05", "3:45", "11:10", "9:50"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "wmonth": ["January", "February", "December"],
    "drive": [
        "two hours",
        "three hours",
        "two and a half hours",
        "an hour and a half",
        "almost four hours",
        "three and a half hours",
    ],
    "fdrive": ["deux heures", "trois heures", "deux heures et demie", "presque quatre heures"],
    "km": ["140 km", "210 kilometres", "95 km", "300 km", "175 km", "260 km", "120 km"],
    "service": [
        "health card renewal",
        "driver's licence renewal",
        "birth certificate application",
        "vehicle permit transfer",
        "photo card",
        "replacement health card",
        "licence plate replacement",
        "marriage certificate",
        "name change",
    ],
    "phold": [
        "47 minutes",
        "an hour and ten minutes",
        "over an hour",
        "almost two hours",
        "35 minutes",
        "52 minutes",
        "an hour and a half",
    ],
    "fphold": ["47 minutes", "plus d'une heure", "presque deux heures", "une heure et quart"],
    "yrs": ["six", "twelve", "three", "eighteen", "nine"],
}
BIG_TOWNS = [
    "Sudbury",
    "Timmins",
    "North Bay",
    "Kingston",
    "Pembroke",
    "Cornwall",
    "Sault Ste. Marie",
]

OPEN_NEUTRAL = [
    "I'll keep this short.",
    "Thanks for asking.",
    "Where do I start.",
    "Just one thing.",
    "I've been using the {place} centre for about {yrs} years.",
    "I'll be honest.",
    "First time filling one of these out.",
    "Long-time resident of {place} here.",
    "Here goes.",
    "My main issue:",
    "Speaking for my elderly parents as well as myself.",
    "Simple answer:",
    "I was asked to fill this in at the counter, so here it is.",
    "Okay.",
    "Three things, but mostly this one.",
    "Short version:",
]
OPEN_ANGRY = [
    "I am so frustrated.",
    "Honestly, this is embarrassing.",
    "Unbelievable.",
    "Fed up.",
    "Where to even begin.",
    "I'm angry, so bear with me.",
    "This has to be said.",
    "Every year it gets worse.",
    "I've complained before and nothing changes.",
]
OPEN_POSITIVE = [
    "I want to start with something positive.",
    "Credit where it's due.",
    "Good news for once.",
    "Thanks for the survey.",
    "I'll say something nice for a change.",
]
CLOSE_NEUTRAL = [
    "Thanks.",
    "Thank you.",
    "That's all.",
    "Hope this helps.",
    "Thanks for listening.",
    "Just my two cents.",
    "I'd be happy to talk about it more.",
    "Hope someone actually reads this.",
    "That's it from me.",
    "Thanks for doing this survey.",
]
CLOSE_ANGRY = [
    "Please fix this.",
    "Do better.",
    "It shouldn't be this hard.",
    "Not holding my breath.",
    "Someone needs to look at this.",
    "This has gone on long enough.",
    "Rant over.",
    "We deserve better.",
    "Fix it.",
    "Is anyone listening?",
]
CLOSE_POSITIVE = [
    "Keep it up.",
    "Thanks again.",
    "More of this please.",
    "Much appreciated.",
    "Well done.",
]
OPEN_ORG = [
    "Speaking for our members:",
    "On behalf of our organisation:",
    "We hear this from our clients every week.",
    "Our members asked us to pass this on.",
    "This came up again at our last board meeting.",
    "From our front desk, where people come to us for help with forms:",
    "We answer this survey for {partner}.",
    "Our staff see this constantly.",
]
OPEN_STAFF = [
    "I work the front counter.",
    "Speaking as front-line staff:",
    "From behind the counter:",
    "I've worked at the {place} centre for {yrs} years.",
    "Staff perspective here.",
    "Answering as an employee, anonymously I hope.",
]
OPEN_FR = [
    "Bonjour.",
    "Je serai bref.",
    "Merci de nous consulter.",
    "Franchement, je suis découragée.",
    "Je vais droit au but.",
    "Bonjour, je réponds en français.",
]
CLOSE_FR = [
    "Merci.",
    "Merci de votre attention.",
    "Il faut que ça change.",
    "Bonne journée.",
    "C'est tout.",
    "Merci de nous écouter.",
]
CLOSE_FR_POS = ["Continuez comme ça.", "Merci encore.", "Bravo à l'équipe."]
OPEN_ORG_FR = [
    "Au nom de nos membres :",
    "Nos membres nous en parlent constamment.",
    "C'est ce qu'on entend chaque semaine à notre organisme.",
]
OPEN_STAFF_FR = ["Je travaille au comptoir.", "Du point de vue du personnel :"]
Q2_LEAD = [
    "One more thing.",
    "Also:",
    "Another issue:",
    "Separate issue -",
    "PS:",
    "Second thing.",
    "Oh, and one more:",
]
Q2_LEAD_FR = ["Autre chose :", "Aussi :", "Un dernier point.", "P.-S. :"]

NON_ANSWERS = [
    "n/a",
    "N/A",
    "no",
    "No",
    "nothing",
    "Nothing.",
    "-",
    ".",
    "No comment",
    "no comment",
    "none",
    "None",
    "nope",
    "idk",
    "NA",
    "No.",
    "nothing else",
    "Nope",
    "N/a",
    "--",
]
NON_ANSWERS_FR = ["non", "Non.", "rien", "Rien.", "s.o."]
# Of those, the ones that do answer: "nothing (to change, to add)". The answer key files
# them as "nothing"; the rest ("n/a", "-", "no comment") stay "non_answer".
SAYS_NOTHING = {"nothing", "none", "nothing else", "rien"}


# Satisfied respondents with nothing else to tell us often say so and add why: the answer
# key files these as "nothing" too (nothing to change or add), like a bare "Nothing".
NOTHING_ELSE_OPENINGS = [
    "Nothing else,",
    "No, that's all.",
    "Nothing really.",
    "Not really,",
    "Nothing more to add.",
    "Can't think of anything else,",
    "Nothing else to add -",
    "Nope,",
]
NOTHING_ELSE_REASONS = [
    "the staff were great.",
    "the lady at the counter was very kind to my mother.",
    "it was quick and easy this time.",
    "everyone was friendly and helpful.",
    "keep doing what you're doing.",
    "I was in and out in ten minutes. Thank you!",
    "the young man who helped me was patient and polite.",
    "service was excellent, thanks.",
    "the new online booking worked well for me.",
    "the staff in {place} are wonderful.",
]
NOTHING_ELSE_FR = [
    "Rien d'autre, le personnel était très gentil.",
    "Non, c'est tout. Merci, le service était rapide.",
    "Rien à ajouter, tout s'est bien passé. Merci!",
    "Pas vraiment, l'agente a été excellente.",
]


def add_nothing_else(rng, rows):
    """About one satisfied respondent in eight who left the second question blank says there
    is nothing else, and why ("Nothing else, the staff were great."). Its own random stream:
    the rest of the survey stays as it was."""
    for row in rows:
        done = row["status"] == "Complete" and not row["q2"] and not row["campaign"]
        if not done or row["sat"] not in ("4", "5") or rng.random() >= 0.12:
            continue
        if row["lang"] == "fr" and rng.random() < 0.65:
            row["q2"] = rng.choice(NOTHING_ELSE_FR)
        else:
            reason = rng.choice(NOTHING_ELSE_REASONS).format(place=row["centre"])
            if rng.random() < 0.5:  # half start the reason with a capital
                reason = reason[0].upper() + reason[1:]
            row["q2"] = f"{rng.choice(NOTHING_ELSE_OPENINGS)} {reason}"
        row["t2"] = "nothing"


def answer_key_topic(text, topic):
    """The topic the answer key records for a text written as ``topic``."""
    if topic == "non_answer" and text.strip(" .").lower() in SAYS_NOTHING:
        return "nothing"
    return topic


# --------------------------------------------------------------------------------------
# Communities served: name, respondents' weight, FSAs in town, rural FSAs around it,
# share answering in French, small/remote (rural topics weigh more).
# --------------------------------------------------------------------------------------
CENTRES = [
    (
        "Sudbury",
        190,
        ["P3A", "P3B", "P3C", "P3E", "P3G", "P3L", "P3N", "P3P", "P3Y"],
        ["P0M"],
        0.20,
        False,
    ),
    ("Timmins", 135, ["P4N", "P4P", "P4R"], ["P0N"], 0.30, False),
    ("North Bay", 115, ["P1A", "P1B", "P1C"], ["P0H"], 0.12, False),
    ("Sault Ste. Marie", 125, ["P6A", "P6B", "P6C"], ["P0S"], 0.05, False),
    ("Kingston", 145, ["K7K", "K7L", "K7M", "K7N", "K7P"], ["K0H"], 0.04, False),
    ("Cornwall", 105, ["K6H", "K6J", "K6K"], ["K0C"], 0.22, False),
    ("Pembroke", 70, ["K8A", "K8B"], ["K0J"], 0.04, True),
    ("Kapuskasing", 55, ["P5N"], ["P0L"], 0.62, True),
    ("Hearst", 42, ["P0L"], ["P0L"], 0.78, True),
    ("Hawkesbury", 55, ["K6A"], ["K0B"], 0.66, False),
    ("Cochrane", 32, ["P0L"], ["P0L"], 0.35, True),
    ("Kirkland Lake", 32, ["P2N"], ["P0K"], 0.15, True),
    ("Temiskaming Shores", 28, ["P0J"], ["P0J"], 0.30, True),
    ("Elliot Lake", 24, ["P5A"], ["P0R"], 0.08, True),
    ("Moosonee", 12, ["P0L"], ["P0L"], 0.10, True),
    ("Brockville", 38, ["K6V"], ["K0E"], 0.05, False),
]
CENTRE = {c[0]: c for c in CENTRES}
BILINGUAL = {
    "Hearst",
    "Kapuskasing",
    "Hawkesbury",
    "Timmins",
    "Cochrane",
    "Sudbury",
    "Cornwall",
    "Temiskaming Shores",
}
BASE_WEIGHT = {
    "wait_times": 14,
    "online_services": 13,
    "phone_line": 10,
    "document_requirements": 10,
    "appointment_booking": 9,
    "rural_access": 7,
    "accessibility": 8,
    "staff_courtesy": 9,
    "french_language": 6,
    "opening_hours": 8,
    "kiosk_reliability": 6,
}
CENTRE_BIAS = {
    "Cornwall": {"kiosk_reliability": 2.2},
    "Kingston": {"accessibility": 1.6, "wait_times": 1.2},
    "Sault Ste. Marie": {"kiosk_reliability": 1.5},
    "Sudbury": {"wait_times": 1.3},
    "Kapuskasing": {"opening_hours": 1.6},
    "Pembroke": {"document_requirements": 1.3},
}

LETTERS = "ABCEGHJKLMNPRSTVWXYZ"
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
ALT = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]")
SLOT = re.compile(r"\{(\w+)\}")
PERSONAL = re.compile(r"\b(I|I'm|I've|I'd|me|my|My|mine)\b")
FEMALE = re.compile(r"\b(she|her)\b")
MALE = re.compile(r"\b(he|his|him)\b")


class Ctx(dict):
    """Values for {slots}: fixed ones given, others drawn once per text."""

    def __init__(self, rng: random.Random, place: str, partner: str = ""):
        super().__init__(place=place, partner=partner)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        if key == "other":
            value = self.rng.choice([t for t in BIG_TOWNS if t != self["place"]])
        elif key == "a_service":
            s = self["service"]
            value = ("an " if s[0] in "aeiou" else "a ") + s
        else:
            value = self.rng.choice(FILL[key])
        self[key] = value
        return value


def expand(text: str, ctx: Ctx) -> str:
    while True:
        m = ALT.search(text)
        if not m:
            break
        text = text[: m.start()] + ctx.rng.choice(m.group(1).split("|")) + text[m.end() :]
    return SLOT.sub(lambda m: ctx[m.group(1)], text)


def wchoice(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", strip_accents(text.lower()))


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


# ---------------------------------------------------------------- planted, fictional PII
FIRST = [
    "Lise",
    "Gary",
    "Monique",
    "Darren",
    "Paulette",
    "Kevin",
    "Ginette",
    "Trevor",
    "Nicole",
    "Raymond",
    "Sandra",
    "Denis",
    "Heather",
    "Marc",
    "Brenda",
    "André",
    "Tammy",
    "Steve",
    "Carole",
    "Jamal",
    "Priyanka",
    "Wayne",
    "Suzanne",
    "Louis",
]
LAST = [
    "Beauchamp",
    "Kowalchuk",
    "Lemieux",
    "Patterson",
    "Ouimet",
    "MacLeod",
    "Dubé",
    "Singh",
    "Girard",
    "Hutchinson",
    "Leblanc",
    "Fournier",
    "Petrenko",
    "Morin",
    "Chiasson",
    "Ellis",
    "Lachance",
    "Nadeau",
    "Stewart",
    "Boucher",
]
STREETS = [
    "Larch Street",
    "Birch Street",
    "Cedar Street",
    "Algonquin Avenue",
    "Riverside Drive",
    "Pine Street North",
    "Spruce Road",
    "Elm Street",
    "Lakeshore Road",
    "Second Avenue",
    "Mill Road",
    "Wilson Avenue",
    "Maple Crescent",
    "Balsam Street",
]
RUES = [
    "rue Principale",
    "rue des Pins",
    "rue Lacroix",
    "boulevard du Lac",
    "rue Saint-Jean",
    "rue Laurier",
]


def area_code(rng, fsa):
    return rng.choice(["705", "705", "249"] if fsa.startswith("P") else ["613", "613", "343"])


def phone(rng, style=None, fsa="P"):
    area = area_code(rng, fsa)
    last = f"01{rng.randint(0, 99):02d}"
    style = style if style is not None else rng.randint(0, 3)
    if style == 0:
        return f"{area}-555-{last}"
    if style == 1:
        return f"({area}) 555-{last}"
    if style == 2:
        return f"{area} 555 {last}"
    return f"{area}.555.{last}"


def phone_ext(rng, fsa="P"):
    return f"({area_code(rng, fsa)}) 555-01{rng.randint(0, 99):02d} ext. {rng.randint(11, 48)}"


def email(rng):
    first = strip_accents(rng.choice(FIRST)).lower()
    last = strip_accents(rng.choice(LAST)).lower()
    form = rng.randint(0, 2)
    user = [f"{first}.{last}", f"{first[0]}{last}{rng.randint(50, 99)}", f"{last}.{first}"][form]
    return f"{user}@{rng.choice(['example.com', 'example.com', 'example.net', 'example.org'])}"


def postal(rng, fsa):
    return f"{fsa} {rng.randint(1, 9)}{rng.choice(LETTERS)}{rng.randint(0, 9)}"


def sin(rng):
    while True:
        digits = [rng.choice([1, 2, 3, 4, 5, 6, 7, 9])] + [rng.randint(0, 9) for _ in range(7)]
        for check in range(10):
            full = digits + [check]
            total = 0
            for i, d in enumerate(full):
                d = d * 2 if i % 2 == 1 else d
                total += d - 9 if d > 9 else d
            if total % 10 == 0:
                s = "".join(map(str, full))
                return f"{s[:3]} {s[3:6]} {s[6:]}"


def hcn(rng):
    d = "".join(str(rng.randint(0, 9)) for _ in range(10))
    return f"{d[:4]}-{d[4:7]}-{d[7:]}-{rng.choice(LETTERS)}{rng.choice(LETTERS)}"


def address(rng, french=False):
    if french:
        return f"{rng.randint(2, 980)}, {rng.choice(RUES)}"
    return f"{rng.randint(2, 980)} {rng.choice(STREETS)}"


PII_KINDS: dict[str, int] = {}


class Quota:
    """A steady share instead of a lottery: due() is true for about rate of the calls."""

    def __init__(self, rate):
        self.rate, self.owed = rate, 0.5

    def due(self):
        self.owed += self.rate
        if self.owed >= 1:
            self.owed -= 1
            return True
        return False


def pii_sentence(rng, topic, fsa, place, french=False, note=False, rtype="individual"):
    """A sentence carrying invented personal information, fitting the topic where it can."""
    kinds = ["phone", "phone", "email", "email", "phone_ext"]
    if rtype == "individual":
        kinds += ["address"]
        if topic in (
            "document_requirements",
            "online_services",
            "phone_line",
            "kiosk_reliability",
            "appointment_booking",
        ):
            kinds += ["hcn", "hcn", "hcn", "sin", "sin"]
        if topic in ("rural_access", "accessibility"):
            kinds += ["address", "postal"]
    # Favour kinds planted least so far, so every kind shows up a few times.
    kind = rng.choices(kinds, weights=[1 / (1 + PII_KINDS.get(k, 0)) ** 2 for k in kinds])[0]
    PII_KINDS[kind] = PII_KINDS.get(kind, 0) + 1
    if french:
        return kind, {
            "phone": f"Vous pouvez me joindre au {phone(rng, 0, fsa)}.",
            "phone_ext": f"Au travail : {phone_ext(rng, fsa)}.",
            "email": f"Mon courriel : {email(rng)}",
            "address": f"J'habite au {address(rng, True)}, {place} {postal(rng, fsa)}.",
            "postal": f"Notre code postal est {postal(rng, fsa)}, regardez la distance.",
            "hcn": f"Mon numéro de carte santé est {hcn(rng)} et le système le refuse.",
            "sin": f"On m'a demandé mon NAS ({sin(rng)}) devant tout le monde au comptoir.",
        }[kind]
    if note:
        return kind, {
            "phone": f"Left a number for follow-up: {phone(rng, None, fsa)}.",
            "phone_ext": f"Call back at work: {phone_ext(rng, fsa)}.",
            "email": f"Asked us to write to {email(rng)}.",
            "address": f"Lives at {address(rng)}, {postal(rng, fsa)}; offered to show staff the road in winter.",
            "postal": f"Gave a postal code ({postal(rng, fsa)}) to show the distance.",
            "hcn": f"Read out a health card number ({hcn(rng)}) to show the version code problem.",
            "sin": f"Said the phone agent asked for a SIN ({sin(rng)}) and made them repeat it twice.",
        }[kind]
    options = {
        "phone": [
            f"You can call me at {phone(rng, None, fsa)} if you want more details.",
            f"My number is {phone(rng, None, fsa)}, I'm happy to explain.",
            f"If someone wants to follow up: {phone(rng, None, fsa)}, evenings are best.",
        ],
        "phone_ext": [f"I can be reached at work at {phone_ext(rng, fsa)}."],
        "email": [
            f"Email me at {email(rng)} if you want the whole story.",
            f"Contact me: {email(rng)}",
            f"My email is {email(rng)}, I'd like an answer.",
        ],
        "address": [
            f"I live at {address(rng)}, {place} {postal(rng, fsa)}, if anyone wants to see how far it is.",
            f"My address is {address(rng)}, {postal(rng, fsa)}, if you want to send a reply by mail.",
            f"Come see for yourself: {address(rng)} in {place}.",
        ],
        "postal": [
            f"Our postal code is {postal(rng, fsa)}. Look it up and see how far the nearest office is."
        ],
        "hcn": [
            f"My health card number is {hcn(rng)} if you need to look up my file.",
            f"For reference, my card number is {hcn(rng)}.",
        ]
        + (
            [f"My health card number is {hcn(rng)} and the system kept rejecting it."]
            if topic in ("online_services", "kiosk_reliability")
            else []
        ),
        "sin": [
            f"They asked for my SIN, {sin(rng)}, at the counter in front of everyone. Is that even allowed?",
            f"Why would anyone need my SIN ({sin(rng)}) for this? I gave it anyway.",
        ]
        + (
            [f"I even read out my SIN ({sin(rng)}) twice before the call dropped."]
            if topic == "phone_line"
            else []
        ),
    }
    return kind, rng.choice(options[kind])


# ----------------------------------------------------------------------- surface styles
MISSPELL = [
    ("receive", "recieve"),
    ("definitely", "definately"),
    ("separate", "seperate"),
    ("a lot", "alot"),
    ("government", "goverment"),
    ("because", "becuase"),
    ("appointment", "appointmnet"),
    ("ridiculous", "rediculous"),
    ("wait", "wiat"),
    ("their", "thier"),
    ("business", "buisness"),
    ("definitely", "definitly"),
    ("tomorrow", "tommorow"),
    ("probably", "probly"),
]


def restyle_en(parts, rng, tone):
    """Typing habits of real respondents, applied to every part of one answer alike."""
    lower = rng.random() < 0.06
    no_apos = rng.random() < 0.07
    misspell = rng.random() < 0.05
    swap = rng.random() < 0.05
    no_period = rng.random() < 0.10
    bang = tone == "n" and rng.random() < 0.12
    out = []
    for part in parts:
        if lower:
            part = part.lower()
        if no_apos:
            part = re.sub(r"(\w)'(t|s|m|re|ve|ll|d)\b", r"\1\2", part)
        out.append(part)
    if misspell:
        for good, bad in rng.sample(MISSPELL, len(MISSPELL)):
            hits = [i for i, p in enumerate(out) if good in p]
            if hits:
                i = hits[0]
                out[i] = out[i].replace(good, bad, 1)
                break
    if swap:
        i = rng.randrange(len(out))
        words = out[i].split(" ")
        long_words = [j for j, w in enumerate(words) if len(w) > 5 and w.isalpha()]
        if long_words:
            j = rng.choice(long_words)
            w = words[j]
            k = rng.randrange(1, len(w) - 2)
            words[j] = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
            out[i] = " ".join(words)
    if out and bang and out[-1].endswith("."):
        out[-1] = out[-1][:-1] + rng.choice(["!", "!!", "!!!"])
    elif out and no_period and out[-1].endswith("."):
        out[-1] = out[-1][:-1]
    return out


def restyle_fr(parts, rng):
    plain = rng.random() < 0.14
    lower = rng.random() < 0.04
    no_period = rng.random() < 0.08
    out = []
    for part in parts:
        if plain:
            part = strip_accents(part)
        if lower:
            part = part.lower()
        out.append(part)
    if out and no_period and out[-1].endswith("."):
        out[-1] = out[-1][:-1]
    return out


# Small wording differences between writers: regional words, spelling, contractions.
PARA = [
    (r"\bservice centre\b", ["service centre", "centre", "service center", "office"]),
    (r"\bhealth card\b", ["health card", "health card", "OHIP card"]),
    (r"\bdriver's licence\b", ["driver's licence", "drivers licence", "driver's license"]),
    (r"\bthe counter\b", ["the counter", "the wicket", "the desk"]),
    (r"\bpeople\b", ["people", "people", "folks"]),
    (r"\breally\b", ["really", "very", "so"]),
    (r"\bwebsite\b", ["website", "web site", "site"]),
    (r"\bnobody\b", ["nobody", "no one"]),
    (r"\banymore\b", ["anymore", "any more"]),
    (r"\bkids\b", ["kids", "children"]),
    (r"\bseniors\b", ["seniors", "older people", "the elderly"]),
    (r"\bminutes\b", ["minutes", "mins", "minutes"]),
    (r"\bhuge\b", ["huge", "big", "massive"]),
    (r"\bokay\b", ["okay", "OK", "ok"]),
    (r"\b[Aa] staff member\b", ["a staff member", "an employee", "a clerk"]),
    (r"(?<![Aa] )\bstaff member\b", ["staff member", "employee", "clerk"]),
    (r"\bout of order\b", ["out of order", "broken", "not working"]),
    (r"\bevery single time\b", ["every single time", "every time", "each and every time"]),
    (r"\bterrible\b", ["terrible", "awful", "brutal"]),
    (r"\bquick\b", ["quick", "fast"]),
    (r"\bfriendly\b", ["friendly", "pleasant"]),
    (r"\bimpossible\b", ["impossible", "next to impossible", "almost impossible"]),
    (r"\bemail\b", ["email", "e-mail"]),
    (r"\bonline\b", ["online", "online", "on-line"]),
    (r"\bI was told\b", ["I was told", "they told me", "I got told"]),
    (r"\bcomplicated\b", ["complicated", "complex"]),
    (r"\bfigure out\b", ["figure out", "work out"]),
    (r"\bline-ups\b", ["line-ups", "lineups", "lines"]),
    (r"\bin winter\b", ["in winter", "in the winter", "in January"]),
    (r"\bthree\b", ["three", "3"]),
    (r"\btwo\b", ["two", "2"]),
]
CONTRACTIONS = [
    ("don't", "do not"),
    ("doesn't", "does not"),
    ("can't", "cannot"),
    ("won't", "will not"),
    ("didn't", "did not"),
    ("isn't", "is not"),
    ("wasn't", "was not"),
    ("I'm", "I am"),
    ("it's", "it is"),
    ("It's", "It is"),
    ("there's", "there is"),
    ("There's", "There is"),
    ("That's", "That is"),
    ("that's", "that is"),
    ("I've", "I have"),
    ("I'd", "I would"),
    ("couldn't", "could not"),
    ("shouldn't", "should not"),
    ("aren't", "are not"),
    ("you're", "you are"),
    ("they're", "they are"),
    ("we're", "we are"),
]


CLOSER_KEYS = {
    norm(c)
    for c in CLOSE_NEUTRAL + CLOSE_ANGRY + CLOSE_POSITIVE + CLOSE_FR + CLOSE_FR_POS + ["Merci."]
}


def paraphrase(rng, text, formal=False):
    def swap(m, options):
        if rng.random() >= 0.4:
            return m.group(0)
        new = rng.choice(options)
        return new[0].upper() + new[1:] if m.group(0)[0].isupper() else new

    for pattern, options in PARA:
        text = re.sub(pattern, lambda m, o=options: swap(m, o), text)
    if formal:
        for short, full in CONTRACTIONS:
            text = text.replace(short, full)
    return text


# ---------------------------------------------------------------------- composition
COMPAT = {"n": "nm", "m": "nm", "s": "sn", "p": "p"}
USES: dict[str, int] = {}


def used(text: str) -> None:
    USES[text] = USES.get(text, 0) + 1


def fresh_str(rng, options):
    weights = [1.0 / (1 + USES.get(o, 0)) for o in options]
    choice = rng.choices(options, weights=weights)[0]
    used(choice)
    return choice


def fresh_choice(rng, options):
    """Prefer statements used least so far, so no statement dominates the data."""
    weights = [1.0 / (1 + USES.get(o[1], 0)) ** 2 for o in options]
    choice = rng.choices(options, weights=weights)[0]
    used(choice[1])
    return choice


def pick_core(rng, topic, lang, rtype, avoid=(), tones="nmsp"):
    """A statement from the topic's bank that suits the speaker (None if nothing fits)."""
    bank = BANK[topic]
    if lang == "fr":
        pool = bank["fr"]
        if rtype == "staff":
            pool = (
                STAFF_FR.get(topic)
                if rng.random() < 0.7 and topic in STAFF_FR
                else [c for c in pool if c[0] == "s"] or pool
            )
    elif rtype == "staff":
        pool = [c for c in bank["en"] if c[0] == "s" and not PERSONAL.search(c[1])]
        if len(pool) < 3 or rng.random() < 0.6:
            pool = bank["staff"]
    elif rtype == "organisation" and rng.random() < 0.9:
        pool = [c for c in bank["en"] if not PERSONAL.search(c[1])]
    else:
        pool = bank["en"]
    options = [c for c in pool if c not in avoid and c[0] in tones]
    if rtype == "organisation":
        options = [c for c in options if c[1][0].isupper()] or options
    return fresh_choice(rng, options) if options else None


def opener(rng, tone, rtype, lang, register, personal):
    if lang == "fr":
        if rtype == "organisation" and rng.random() < 0.6:
            return fresh_str(rng, OPEN_ORG_FR)
        if rtype == "staff" and rng.random() < 0.5:
            return fresh_str(rng, OPEN_STAFF_FR)
        return (
            fresh_str(rng, OPEN_FR)
            if rng.random() < (0.2 if register == "terse" else 0.4)
            else None
        )
    if rtype == "organisation" and not personal and rng.random() < 0.6:
        return fresh_str(rng, OPEN_ORG)
    if rtype == "staff" and rng.random() < 0.5:
        return fresh_str(rng, OPEN_STAFF)
    chance = {"terse": 0.0, "normal": 0.33, "long": 0.55}[register]
    if rng.random() >= chance:
        return None
    if tone == "n" and rng.random() < 0.45:
        return fresh_str(rng, OPEN_ANGRY)
    if tone == "p" and rng.random() < 0.6:
        return fresh_str(rng, OPEN_POSITIVE)
    if rtype != "individual":
        return None
    return fresh_str(rng, OPEN_NEUTRAL)


def closer(rng, tone, lang, register, place):
    chance = {"terse": 0.08, "normal": 0.3, "long": 0.5}[register]
    if rng.random() >= chance:
        return None
    if lang == "fr":
        return fresh_str(rng, CLOSE_FR_POS if tone == "p" and rng.random() < 0.6 else CLOSE_FR)
    if place in BILINGUAL and rng.random() < 0.1:
        return "Merci."
    if tone == "n" and rng.random() < 0.6:
        return fresh_str(rng, CLOSE_ANGRY)
    if tone == "p" and rng.random() < 0.6:
        return fresh_str(rng, CLOSE_POSITIVE)
    return fresh_str(rng, CLOSE_NEUTRAL)


def details(bank, ctx, parts):
    """Detail sentences that do not repeat the place already named."""
    named = ctx["place"] in " ".join(parts)
    return [d for d in bank["detail"] if not (named and "{place}" in d)]


def compose(rng, topic, lang, rtype, ctx, mode="q1"):
    """One respondent-voice answer: (parts, tone). Parts are sentences, joined later."""
    registers = {
        "q1": {"terse": 0.27, "normal": 0.48, "long": 0.25},
        "q2": {"terse": 0.55, "normal": 0.40, "long": 0.05},
        "kiosk": {"terse": 0.75, "normal": 0.25},
        "social": {"terse": 0.7, "normal": 0.3},
        "mail": {"terse": 0.15, "normal": 0.5, "long": 0.35},
        "email": {"long": 1.0},
    }[mode]
    register = wchoice(rng, registers)
    first = None
    while first is None:
        first = pick_core(rng, topic, lang, rtype)
    tone, core = first
    personal = bool(PERSONAL.search(core))
    parts = []
    if mode == "q2":
        o = rng.choice(Q2_LEAD_FR if lang == "fr" else Q2_LEAD) if rng.random() < 0.35 else None
    else:
        o = opener(rng, tone, rtype, lang, register, personal)
    if o:
        parts.append(expand(o, ctx))
    parts.append(expand(core, ctx))
    bank = BANK[topic]
    story = lang == "en" and rtype == "individual" and tone in ("n", "m")
    if register == "long":
        chance = 0.9 if mode == "email" else 0.55
        if rng.random() < chance:
            tones = tone if topic == "staff_courtesy" else COMPAT[tone]
            second = pick_core(rng, topic, lang, rtype, avoid=[first], tones=tones)
            if second:
                parts.append(expand(second[1], ctx))
        if story:
            for d in rng.sample(details(bank, ctx, parts), rng.choice([1, 1, 2])):
                parts.append(expand(d, ctx))
    elif register == "normal" and story and rng.random() < 0.3:
        parts.append(expand(rng.choice(details(bank, ctx, parts)), ctx))
    aside_chance = {"terse": 0.04, "normal": 0.12, "long": 0.35}[register]
    if lang == "en" and rtype == "individual" and rng.random() < aside_chance:
        other = rng.choice([t for t in TOPICS if t != topic])
        parts.append(expand(rng.choice(BANK[other]["aside"]), ctx))
    c = closer(rng, tone, lang, register, ctx["place"]) if mode != "email" else None
    if c:
        parts.append(c)
    return parts, tone


def join_parts(rng, parts, register_long=False):
    parts = [p if i == len(parts) - 1 or p[-1] in ".!?:" else p + "." for i, p in enumerate(parts)]
    if len(parts) >= 4 and rng.random() < 0.12:
        cut = rng.randrange(2, len(parts))
        return " ".join(parts[:cut]) + "\n\n" + " ".join(parts[cut:])
    return " ".join(parts)


def satisfaction(rng, tone, blank=0.05):
    if rng.random() < blank:
        return ""
    weights = {
        "n": [27, 35, 24, 10, 4],
        "m": [6, 22, 40, 24, 8],
        "s": [5, 15, 37, 30, 13],
        "p": [1, 3, 10, 38, 48],
        "c": [3, 7, 20, 35, 35],
    }[tone]
    return str(rng.choices([1, 2, 3, 4, 5], weights=weights)[0])


def choose_topic(rng, centre, lang, rtype, partner_key=None, bias=None, exclude=None):
    w = dict(BASE_WEIGHT)
    if CENTRE.get(centre, (None,) * 6)[5]:
        w["rural_access"] *= 3.0
        w["opening_hours"] *= 1.3
    if lang == "fr":
        w["french_language"] *= 5.0
    elif centre in BILINGUAL:
        w["french_language"] *= 1.0
    else:
        w["french_language"] *= 0.25
    if rtype == "staff":
        for t, m in {
            "kiosk_reliability": 1.6,
            "wait_times": 1.4,
            "phone_line": 1.2,
            "staff_courtesy": 1.3,
            "document_requirements": 1.3,
        }.items():
            w[t] *= m
    for t, m in CENTRE_BIAS.get(centre, {}).items():
        w[t] *= m
    if partner_key:
        for t in P[partner_key][17]:
            w[t] *= 4.0
    for t, m in (bias or {}).items():
        w[t] *= m
    if exclude:
        w.pop(exclude, None)
    return wchoice(rng, w)


class Writer:
    """Keeps texts unique (after normalising) except where duplicates are the point."""

    def __init__(self):
        self.seen = set()
        self.pii = {}

    def unique(self, make, tries=60):
        for _ in range(tries):
            result = make()
            key = norm(result[0])
            if key and key not in self.seen:
                self.seen.add(key)
                return result
        self.seen.add(norm(result[0]))
        return result

    def pii_due(self, rate):
        """Plant PII in a steady share of texts (not a lottery), so the count stays near 3%."""
        self.texts = getattr(self, "texts", 0) + 1
        if not rate:
            return False
        self.owed = getattr(self, "owed", 0.0) + rate
        if self.owed >= 1:
            self.owed -= 1
            return True
        return False

    def count_pii(self, kind):
        self.pii[kind] = self.pii.get(kind, 0) + 1


def respondent_text(rng, writer, topic, lang, rtype, ctx, fsa, mode="q1", pii_rate=0.032):
    """A whole answer with style, maybe a planted PII sentence; returns (text, tone)."""

    def make():
        parts, tone = compose(rng, topic, lang, rtype, ctx, mode)
        if lang == "fr":
            parts = restyle_fr(parts, rng)
        else:
            formal = rng.random() < 0.25
            parts = restyle_en([paraphrase(rng, x, formal) for x in parts], rng, tone)
        return join_parts(rng, parts), tone, parts

    text, tone, parts = writer.unique(make)
    if writer.pii_due(pii_rate):
        kind, sentence = pii_sentence(
            rng, topic, fsa, ctx["place"], french=(lang == "fr"), rtype=rtype
        )
        # Before a sign-off such as "Thanks." if there is one, else at the end.
        at = len(parts) - 1 if len(parts) > 1 and norm(parts[-1]) in CLOSER_KEYS else len(parts)
        body = [p if p[-1] in ".!?:" else p + "." for p in parts[:at]]
        text = " ".join(body + [sentence] + parts[at:])
        writer.count_pii(kind)
    return text, tone


# ---------------------------------------------------------------------------- campaign
CAMPAIGN_EN = (
    "[I am writing to ask you to keep|Please keep|Keep|Please, keep] the [Kapuskasing|Kap] "
    "[service centre|Service Centre] open. It is the only place within [two hours|2 hours] where "
    "people in our area can renew a health card, get a driver's licence or register a birth in "
    "person. Many of us are seniors [and|who] do not have internet at home or do not trust doing "
    "this online. Closing it would mean a four-hour round trip on [Highway 11|Hwy 11|Highway 11] "
    "in winter. Our town depends on this office. [Keep it open.|Please keep it open!|Keep it open!!"
    "|Keep it open please.|Keep it open.]"
)
CAMPAIGN_FR = (
    "[Gardez|S'il vous plaît, gardez|Gardez] le centre de services de Kapuskasing ouvert. C'est le "
    "seul endroit à moins de deux heures où on peut renouveler une carte santé, obtenir un permis "
    "de conduire ou enregistrer une naissance en personne. Beaucoup d'entre nous sont des aînés "
    "sans Internet à la maison. Fermer le bureau voudrait dire quatre heures de route aller-retour "
    "sur la 11 en hiver. Notre ville a besoin de ce bureau. [Gardez-le ouvert.|Gardez-le ouvert!]"
)


def campaign_text(rng, french=False):
    ctx = Ctx(rng, "Kapuskasing")
    text = expand(CAMPAIGN_FR if french else CAMPAIGN_EN, ctx)
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    sign = rng.choices(
        [
            "",
            f"\n\n{name}",
            f" - {name}, Kapuskasing",
            f" Thank you, {name.split()[0]}",
            f"\n\nSincerely,\n{name}",
            " (member, Riverside Community Association)",
        ],
        weights=[40, 14, 14, 12, 12, 8],
    )[0]
    if french:
        sign = rng.choice(["", "", f"\n\n{name}", f" Merci, {name.split()[0]}"])
    return text + sign


# ------------------------------------------------------------------------------ survey
def day_weight(d: dt.date) -> float:
    w = 1.0
    since_open = (d - OPENS).days
    if since_open < 7:
        w *= [5, 4, 3, 2.5, 2, 1.6, 1.3][since_open]
    if dt.date(2026, 4, 8) <= d <= dt.date(2026, 4, 10):
        w *= 1.8
    reminder = (d - dt.date(2026, 6, 16)).days
    if 0 <= reminder < 4:
        w *= [3, 2.5, 2, 1.5][reminder]
    if (CLOSES - d).days < 2:
        w *= 1.8
    if d.weekday() >= 5:
        w *= 0.7
    return w


DAYS = [OPENS + dt.timedelta(days=i) for i in range((CLOSES - OPENS).days + 1)]
DAY_W = [day_weight(d) for d in DAYS]
HOUR_W = {
    0: 1,
    6: 1,
    7: 2,
    8: 4,
    9: 5,
    10: 5,
    11: 5,
    12: 7,
    13: 6,
    14: 4,
    15: 4,
    16: 4,
    17: 4,
    18: 5,
    19: 7,
    20: 8,
    21: 7,
    22: 4,
    23: 2,
}


def start_time(rng, day: dt.date) -> dt.datetime:
    hour = wchoice(rng, HOUR_W)
    return dt.datetime(day.year, day.month, day.day, hour, rng.randint(0, 59), rng.randint(0, 59))


def fmt(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M:%S")


def survey_partner(rng, centre):
    local = [p for p in PARTNERS if p[4] == centre and p[6] != "contract"]
    pool = local if local and rng.random() < 0.6 else [p for p in PARTNERS if p[6] != "contract"]
    return rng.choice(pool)[0]


def fsa_for(rng, centre):
    _, _, town, rural, _, _ = CENTRE[centre]
    fsa = rng.choice(rural if rng.random() < 0.15 else town)
    return fsa


def build_survey(rng, writer):
    rows = []
    n_campaign_q1_en, n_campaign_q1_fr = 34, 7
    n_regular = N_SURVEY - n_campaign_q1_en - n_campaign_q1_fr
    q1_non_answer, q2_non_answer = Quota(0.02), Quota(0.12)
    for _ in range(n_regular):
        centre = wchoice(rng, {c[0]: c[1] for c in CENTRES})
        rtype = wchoice(rng, {"individual": 80, "organisation": 8, "staff": 12})
        partner = survey_partner(rng, centre) if rtype == "organisation" else None
        if partner and rng.random() < 0.85:
            home = P[partner][4]
            centre = {"Matheson": "Kirkland Lake", "L'Orignal": "Hawkesbury"}.get(home, home)
        lang = "fr" if rng.random() < CENTRE[centre][4] else "en"
        writes = "fr" if lang == "fr" and rng.random() < 0.65 else "en"
        fsa = fsa_for(rng, centre)
        status = "Partial" if rng.random() < 0.035 else "Complete"
        stage = (
            rng.choice(["before_q1", "before_q1", "before_q1", "after_q1"])
            if status == "Partial"
            else None
        )
        row = {
            "centre": centre,
            "rtype": rtype,
            "lang": lang,
            "partner": partner,
            "fsa": fsa,
            "status": status,
            "q1": "",
            "q2": "",
            "t1": None,
            "t2": None,
            "campaign": False,
        }
        tone = "s"
        if stage != "before_q1":
            if status == "Complete" and rng.random() < 0.008:
                pass
            elif q1_non_answer.due():
                row["q1"] = rng.choice(
                    NON_ANSWERS_FR if writes == "fr" and rng.random() < 0.5 else NON_ANSWERS
                )
                row["t1"] = "non_answer"
            else:
                topic = choose_topic(rng, centre, lang, rtype, partner)
                ctx = Ctx(rng, centre, pname(partner) if partner else "")
                row["q1"], tone = respondent_text(rng, writer, topic, writes, rtype, ctx, fsa)
                row["t1"] = topic
        if status == "Complete" and rng.random() < 0.31:
            if q2_non_answer.due():
                row["q2"] = rng.choice(
                    NON_ANSWERS_FR if writes == "fr" and rng.random() < 0.5 else NON_ANSWERS
                )
                row["t2"] = "non_answer"
            else:
                same = row["t1"] not in (None, "non_answer") and rng.random() < 0.25
                topic = (
                    row["t1"]
                    if same
                    else choose_topic(rng, centre, lang, rtype, partner, exclude=row["t1"])
                )
                ctx = Ctx(rng, centre, pname(partner) if partner else "")
                row["q2"], _ = respondent_text(
                    rng, writer, topic, writes, rtype, ctx, fsa, mode="q2"
                )
                row["t2"] = topic
        row["sat"] = satisfaction(rng, tone, blank=0.5 if stage == "before_q1" else 0.05)
        row["consent"] = "" if status == "Partial" else ("Yes" if rng.random() < 0.8 else "No")
        row["language"] = "" if status == "Partial" else ("Français" if lang == "fr" else "English")
        row["day"] = rng.choices(DAYS, weights=DAY_W)[0]
        rows.append(row)

    # The campaign: letters pasted in the first question within a week of the council's vote.
    burst = [dt.date(2026, 4, 27) + dt.timedelta(days=i) for i in range(8)]
    for i in range(n_campaign_q1_en + n_campaign_q1_fr):
        french = i >= n_campaign_q1_en
        row = {
            "centre": "Kapuskasing",
            "rtype": "individual",
            "lang": "fr" if french else "en",
            "partner": None,
            "fsa": "P5N" if rng.random() < 0.8 else "P0L",
            "status": "Complete",
            "q1": campaign_text(rng, french),
            "t1": "campaign",
            "q2": "",
            "t2": None,
            "campaign": True,
        }
        if rng.random() < 0.15:
            topic = rng.choice(["rural_access", "opening_hours"])
            ctx = Ctx(rng, "Kapuskasing")
            row["q2"], _ = respondent_text(
                rng,
                writer,
                topic,
                row["lang"],
                "individual",
                ctx,
                row["fsa"],
                mode="q2",
                pii_rate=0,
            )
            row["t2"] = topic
        row["sat"] = satisfaction(rng, "c", blank=0.1)
        row["consent"] = "Yes" if rng.random() < 0.85 else "No"
        row["language"] = "Français" if french else "English"
        row["day"] = rng.choices(burst, weights=[1, 4, 5, 3, 2, 2, 1, 1])[0]
        rows.append(row)

    # A few people pasted the letter into the second question instead.
    kap = [
        r
        for r in rows
        if r["centre"] == "Kapuskasing"
        and r["rtype"] == "individual"
        and not r["campaign"]
        and r["status"] == "Complete"
        and r["t1"] not in (None, "non_answer")
    ]
    for row in rng.sample(kap, 4):
        row["q2"], row["t2"] = campaign_text(rng), "campaign"
        row["day"] = rng.choice(burst)

    for row in rows:
        start = start_time(rng, row["day"])
        if row["status"] == "Complete":
            secs = int(min(max(rng.lognormvariate(5.9, 0.6), 75), 4000))
            if rng.random() < 0.02:
                secs += rng.randint(3600, 20000)
        else:
            secs = rng.randint(40, 700)
        last = dt.datetime(CLOSES.year, CLOSES.month, CLOSES.day, 23, 59, 59)
        if start + dt.timedelta(seconds=secs) > last:
            start = last - dt.timedelta(seconds=secs + rng.randint(60, 3600))
        row["start"], row["end"] = start, start + dt.timedelta(seconds=secs)
    rows.sort(key=lambda r: r["start"])
    ids = set()
    for row in rows:
        while True:
            rid = "R_" + "".join(rng.choice(ALNUM) for _ in range(15))
            if rid not in ids:
                ids.add(rid)
                break
        row["id"] = rid
        fsa = row["fsa"]
        r = rng.random()
        row["fsa_out"] = "" if r < 0.02 else (fsa.lower() if r < 0.06 else fsa)
    return rows


RTYPE_LABEL = {
    "individual": "Individual",
    "organisation": "On behalf of an organisation",
    "staff": "Front-line staff",
}


def survey_records(rows):
    out = []
    for r in rows:
        org = ""
        if r["rtype"] == "organisation" and r["partner"] and (hash_keep(r["id"])):
            org = pname(r["partner"])
        out.append(
            [
                r["id"],
                fmt(r["start"]),
                fmt(r["end"]),
                r["status"],
                r["centre"],
                r["fsa_out"],
                RTYPE_LABEL[r["rtype"]],
                org,
                r["sat"],
                r["q1"],
                r["q2"],
                r["consent"],
                r["language"],
            ]
        )
    return out


def hash_keep(response_id: str) -> bool:
    """About 85% of organisation respondents typed their organisation's name."""
    return sum(map(ord, response_id)) % 20 >= 3


# ------------------------------------------------------------------------ session notes
IND_FRAMES = [
    "Participant said {c}.",
    "One participant explained that {c}.",
    "Resident of {place} told us {c}.",
    "Senior participant noted that {c}.",
    "Participant (first time at one of our sessions) said {c}.",
    "Person at the back table said {c}.",
    "A younger participant said {c}.",
    "Participant from a rural route outside {place} said {c}.",
]
PHONE_FRAMES = ["Caller said {c}.", "Interviewee said {c}.", "Interviewee (80s) said {c}."]
ONLINE_FRAMES = ["Participant on the call said {c}.", "Said in the chat: {c}."]
FEMALE_FRAMES = [
    "Woman (60s) said {c}.",
    "Older woman said {c}.",
    "Young mother said {c}.",
    "Woman from {place} said {c}.",
]
MALE_FRAMES = [
    "Man (70s) said {c}.",
    "Older gentleman said {c}.",
    "Man at the back said {c}.",
    "Retired mill worker said {c}.",
]
GROUP_FRAMES = [
    "Several people agreed that {c}.",
    "Table 3 reported that {c}.",
    "Group discussion: {c}.",
    "Came up at two tables: {c}.",
]
NEG_FRAMES = ["Participant was frustrated that {c}.", "Raised concern that {c}.", "Complaint: {c}."]
POS_FRAMES = [
    "Participant was pleased that {c}.",
    "Positive comment: {c}.",
    "Wanted it noted that {c}.",
]
ORG_FRAMES = [
    "Rep from {partner} said {c}.",
    "{partner} rep noted that {c}.",
    "{partner} ({role}): {c}.",
    "{partner} said their members report that {c}.",
    "Rep from {partner} raised that {c}.",
]
ORG_NEG = ["Rep from {partner} raised concerns that {c}.", "{partner} is worried that {c}."]
ORG_POS = ["{partner} rep was glad that {c}.", "{partner} wanted it noted that {c}."]
STAFF_FRAMES = [
    "Staff member said {c}.",
    "Counter clerk noted that {c}.",
    "Front-line staff said {c}.",
    "Contact centre agent said {c}.",
    "Staff participant (10+ years at the counter) said {c}.",
]
FOLLOW = [
    "Others agreed.",
    "Strong agreement in the room.",
    "Asked for a follow-up.",
    "Officer to follow up.",
    "Repeated this point twice.",
    "Applause.",
    "Said this was raised last year too.",
    "Several heads nodding.",
    "Wants to know what will change.",
    "Will send details by email.",
    "Got emotional describing it.",
    "Nobody disagreed.",
]
QUOTE_IND = [
    'Quote: "{q}"',
    'Participant: "{q}"',
    'Direct quote - "{q}"',
    '"{q}" (resident, {place})',
    '"{q}"',
]
FR_QUOTE_IND = [
    "Participant (en français) : « {q} »",
    "Citation : « {q} »",
    "Participante : « {q} »",
    "« {q} » (résident de {place})",
]


def clause_gender(clause):
    if FEMALE.search(clause):
        return "F"
    if MALE.search(clause):
        return "M"
    return None


def officer_note(rng, topic, rtype, partner, ctx, channel, french):
    bank = BANK[topic]
    pn = pname(partner) if partner else ""
    role = P[partner][12] if partner else ""
    if french and rng.random() < 0.6:
        tone, core = fresh_choice(rng, bank["fr"])
        q = expand(core, ctx)
        if rtype == "organisation":
            frame = rng.choice(["{partner} : « {q} »", "Représentante de {partner} : « {q} »"])
        elif rtype == "staff":
            frame = "Employée au comptoir : « {q} »"
        else:
            frame = rng.choice(FR_QUOTE_IND)
        return frame.format(partner=pn, q=q, place=ctx["place"]), tone

    style = wchoice(rng, {"frame": 55, "quote": 18, "terse": 15, "double": 12})
    if style == "quote":
        if rtype == "staff" and rng.random() < 0.6:
            tone, core = fresh_choice(rng, bank["staff"])
            return f'Staff: "{expand(core, ctx)}"', tone
        pool = [c for c in bank["en"] if len(c[1]) < 190]
        if rtype == "organisation":
            pool = [c for c in pool if not PERSONAL.search(c[1])] or pool
        tone, core = fresh_choice(rng, pool)
        q = paraphrase(rng, expand(core, ctx), rng.random() < 0.25)
        if rtype == "organisation":
            return f'{pn}: "{q}"', tone
        return rng.choice(QUOTE_IND).format(q=q, place=ctx["place"]), tone

    clauses = bank["notes"]
    if rtype != "individual":
        clauses = [c for c in clauses if clause_gender(c[1]) is None] or clauses
    tone, clause = fresh_choice(rng, clauses)
    c = expand(clause, ctx)
    g = clause_gender(c)
    if style == "terse":
        label = bank["label"]
        form = rng.choice(["{l}: {c}", "{ll} - {c}", "Re {ll}: {c}", "{l} - {c}."])
        return form.format(l=label, ll=label if label.isupper() else label.lower(), c=c), tone

    if rtype == "organisation":
        frames = ORG_FRAMES + (ORG_NEG if tone == "n" else ORG_POS if tone == "p" else [])
    elif rtype == "staff":
        frames = list(STAFF_FRAMES)
        if partner:
            frames += ["Steward from {partner} said {c}."] * 2
    else:
        frames = list(IND_FRAMES)
        if channel == "phone":
            frames = PHONE_FRAMES * 2 + frames
        if channel == "online":
            frames += ONLINE_FRAMES
        if g in (None, "F"):
            frames += FEMALE_FRAMES
        if g in (None, "M"):
            frames += MALE_FRAMES
        if g is None:
            frames += GROUP_FRAMES
        frames += NEG_FRAMES if tone == "n" else POS_FRAMES if tone == "p" else []
    text = rng.choice(frames).format(c=c, partner=pn, role=role, place=ctx["place"])
    if style == "double":
        others = [x for x in bank["notes"] if x[1] != clause and clause_gender(x[1]) is None]
        if others:
            text += " Also mentioned that " + expand(rng.choice(others)[1], ctx) + "."
    if rng.random() < 0.33:
        text += " " + rng.choice(FOLLOW)
    return text, tone


SOCIAL_TAILS = {
    "n": [" 😡", " 🙄", " 😤", "", "", "", ""],
    "m": ["", "", " 🤷"],
    "s": ["", "", " 🙏"],
    "p": [" 👍", " 🙂", "", ""],
}


def build_notes(rng, writer):
    rows = []
    for session in SESSIONS:
        key, kind, channel, community = session[0], session[2], session[3], session[4]
        attended, n, style, bias = session[10], session[11], session[12], session[13]
        if not n:
            continue
        place = community if community in CENTRE else "Sudbury"
        french_session = key in FRANCOPHONE_SESSIONS
        blanks = {"S07": 3, "S17": 2, "S08": 1}.get(key, 0)
        blank_at = set(rng.sample(range(n), blanks))
        for i in range(n):
            # who is speaking
            if style == "email":
                rtype, partner = "organisation", attended[i % len(attended)]
            elif style == "staff":
                rtype = "staff"
                partner = rng.choice(attended) if rng.random() < 0.4 else None
            elif style == "kiosk":
                rtype, partner = "individual", None
            elif style in ("social", "mail"):
                rtype = "organisation" if rng.random() < 0.12 and attended else "individual"
                partner = rng.choice(attended) if rtype == "organisation" else None
            else:
                share = {
                    "town_hall": (72, 22, 6),
                    "workshop": (50, 42, 8),
                    "focus_group": (35, 65, 0),
                    "drop_in": (85, 12, 3),
                    "interview": (70, 30, 0),
                }[kind]
                rtype = wchoice(
                    rng, dict(zip(["individual", "organisation", "staff"], share, strict=True))
                )
                if rtype == "organisation" and not attended:
                    rtype = "individual"
                partner = rng.choice(attended) if rtype == "organisation" else None
            french = french_session and rng.random() < 0.45
            lang = "fr" if french else "en"
            if i in blank_at:
                rows.append(
                    {
                        "session": key,
                        "partner": "",
                        "rtype": "individual",
                        "text": rng.choice(["n/a", "-", "no", ".", "idk", "nothing"]),
                        "topic": "non_answer",
                        "consent": "yes" if rng.random() < 0.7 else "no",
                        "sat": str(rng.randint(2, 4)) if style == "kiosk" else "",
                    }
                )
                continue
            topic = choose_topic(rng, place, lang, rtype, partner, bias)
            if style == "email" and P[partner][17]:
                topic = P[partner][17][0] if i < len(attended) else topic
            ctx = Ctx(rng, place, pname(partner) if partner else "")
            fsa = CENTRE[place][2][0]
            if style in ("officer", "staff"):
                args = (rng, topic, rtype, partner, ctx, channel, french)
                text, tone = writer.unique(lambda a=args: officer_note(*a))
                if writer.pii_due(0.03):
                    kind_, sentence = pii_sentence(
                        rng,
                        topic,
                        fsa,
                        place,
                        note=True,
                        rtype="individual" if rtype == "individual" else "other",
                    )
                    text = text if text[-1] in '.!?»"' else text + "."
                    text += " " + sentence
                    writer.count_pii(kind_)
            elif style == "email":
                pr = P[partner]
                topic, body = EMAIL_SUBMISSIONS[partner]
                text, tone = body + f"\n\n{pr[11]}, {pr[12]}\n{pr[1]}", "s"
                writer.seen.add(norm(text))
                if "555-01" in body:
                    writer.count_pii("phone")
            else:
                mode = {"kiosk": "kiosk", "social": "social", "mail": "mail"}[style]
                wl = "fr" if (place in BILINGUAL and rng.random() < 0.2) else "en"
                text, tone = respondent_text(
                    rng,
                    writer,
                    topic,
                    wl,
                    rtype,
                    ctx,
                    fsa,
                    mode=mode,
                    pii_rate=0.03 if style == "mail" else 0.0,
                )
                if style == "social":
                    if rng.random() < 0.3:
                        text = text.lower()
                    text += rng.choice(SOCIAL_TAILS[tone])
                    if rng.random() < 0.1:
                        text = rng.choice(["Same here. ", "This!! ", "Agree. "]) + text
                if style == "mail" and rng.random() < 0.35:
                    text = (
                        rng.choice(
                            ["Paper form: ", "(handwritten) ", "Paper survey, written in margin: "]
                        )
                        + text
                    )
            consent_p = {
                "officer": 0.76,
                "staff": 0.7,
                "kiosk": 0.7,
                "social": 0.8,
                "mail": 0.8,
                "email": 0.9,
            }[style]
            sat_p = {
                "officer": 0.35,
                "staff": 0.2,
                "kiosk": 0.85,
                "social": 0.1,
                "mail": 0.6,
                "email": 0.0,
            }[style]
            rows.append(
                {
                    "session": key,
                    "partner": pname(partner) if partner else "",
                    "rtype": rtype,
                    "text": text,
                    "topic": topic,
                    "consent": "yes" if rng.random() < consent_p else "no",
                    "sat": satisfaction(rng, tone, blank=0) if rng.random() < sat_p else "",
                }
            )
    return rows


# ------------------------------------------------------------------------------ output
def write_csv(name, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    (OUT / name).write_text(buf.getvalue(), encoding="utf-8", newline="")
    return len(rows)


def main():
    USES.clear()
    PII_KINDS.clear()
    writer = Writer()
    survey = build_survey(random.Random(SEED), writer)
    notes = build_notes(random.Random(SEED + 1), writer)
    add_nothing_else(random.Random(SEED + 2), survey)

    consultation = {
        "title": TITLE,
        "purpose": (
            "To hear from residents, community partners, businesses, labour, other orders of "
            "government and our own front-line staff how people in Northern and Eastern Ontario "
            "get licences, health cards, birth certificates, vehicle permits and other documents "
            "- at our service centres, by phone, online and at self-serve kiosks - and what we "
            "should change first. The findings will shape the " + OFFICE + "'s 2026-2028 "
            "service plan."
        ),
        "program": "Service delivery",
        "questions": [Q1, Q2, NOTES_Q],
        "opens_on": OPENS.isoformat(),
        "closes_on": CLOSES.isoformat(),
        "status": "closed",
    }
    (OUT / "consultation.json").write_text(
        json.dumps(consultation, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )

    write_csv(
        "partners.csv",
        [
            "name",
            "kind",
            "sector",
            "community",
            "region",
            "relationship",
            "influence",
            "interest",
            "sharing_consent",
            "notes",
            "contact_name",
            "contact_role",
            "contact_email",
            "contact_phone",
            "contact_preferred_channel",
            "contact_consent",
        ],
        [list(p[1:17]) for p in PARTNERS],
    )
    write_csv(
        "interactions.csv",
        ["partner", "date", "kind", "summary", "follow_up_due", "follow_up_owner"],
        [[pname(k), d, kind, s, due, owner] for k, d, kind, s, due, owner in INTERACTIONS],
    )

    wave_split = dt.date(2026, 6, 16)
    counts = {
        "S01": sum(1 for r in survey if r["start"].date() < wave_split),
        "S19": sum(1 for r in survey if r["start"].date() >= wave_split),
    }
    write_csv(
        "sessions.csv",
        [
            "key",
            "date",
            "kind",
            "channel",
            "community",
            "location",
            "facilitator",
            "attendance",
            "accessibility_notes",
            "invited",
            "attended",
        ],
        [
            [
                s[0],
                s[1],
                s[2],
                s[3],
                s[4],
                s[5],
                s[6],
                s[7] if s[7] is not None else counts[s[0]],
                s[8],
                ";".join(pname(k) for k in s[9]),
                ";".join(pname(k) for k in s[10]),
            ]
            for s in SESSIONS
        ],
    )
    write_csv("survey_export.csv", SURVEY_COLUMNS, survey_records(survey))
    write_csv(
        "session_notes.csv",
        ["session", "partner", "respondent_type", "text", "consent_to_quote", "satisfaction"],
        [
            [n["session"], n["partner"], n["rtype"], n["text"], n["consent"], n["sat"]]
            for n in notes
        ],
    )
    key = []
    for i, r in enumerate(survey, start=1):
        if r["q1"]:
            key.append(["survey_export", i, Q1, answer_key_topic(r["q1"], r["t1"])])
        if r["q2"]:
            key.append(["survey_export", i, Q2, answer_key_topic(r["q2"], r["t2"])])
    for i, n in enumerate(notes, start=1):
        key.append(["session_notes", i, NOTES_Q, answer_key_topic(n["text"], n["topic"])])
    write_csv("topics.csv", ["source", "row", "question", "topic"], key)

    totals = {}
    for _, _, _, t in key:
        totals[t] = totals.get(t, 0) + 1
    print(f"survey rows {len(survey)}, session notes {len(notes)}, submissions {len(key)}")
    for t in sorted(totals, key=lambda t: -totals[t]):
        print(f"  {t:24} {totals[t]}")
    print("  planted PII:", sum(writer.pii.values()), dict(sorted(writer.pii.items())))


if __name__ == "__main__":
    main()
