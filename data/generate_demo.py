#!/usr/bin/env python3
"""Write engage's demo consultation (fictional) into data/ from the files in data/source/:
`python3 data/generate_demo.py`. Standard library only and a fixed seed, so running it again
rewrites every file byte for byte. The words live in data/source/ (see README.md); this
script decides who says what, where and when, and how carefully it is typed."""

import csv
import datetime as dt
import json
import random
import re
import unicodedata
from collections import Counter
from pathlib import Path

SEED = 20260302
OUT = Path(__file__).resolve().parent
SOURCE = OUT / "source"
STAMP = "%Y-%m-%d %H:%M:%S"  # as the survey tool exports dates
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def load(name: str):
    """A source file: a JSON object, or a CSV file's rows."""
    with (SOURCE / name).open(encoding="utf-8", newline="") as handle:
        return json.load(handle) if name.endswith(".json") else list(csv.DictReader(handle))


SURVEY, PHRASES, NOTES = load("survey.json"), load("phrases.json"), load("officer_notes.json")
WORDING, PII = load("wording.json"), load("planted_pii.json")
CONSULTATION = SURVEY["consultation"]
OPENS, CLOSES = (dt.date.fromisoformat(CONSULTATION[k]) for k in ("opens_on", "closes_on"))
SECOND_WAVE = dt.date.fromisoformat(SURVEY["second_wave"])
PARTNERS = {row["key"]: row for row in load("partners.csv")}
CENTRES = {row["community"]: row for row in load("communities.csv")}
TOPICS = {row["topic"]: row for row in load("topic_weights.csv")}
BANK: dict[str, dict[str, list]] = {topic: {"fr": [], "staff fr": []} for topic in TOPICS}
for row in load("statements.csv"):
    BANK[row["topic"]].setdefault(row["voice"], []).append((row["tone"], row["text"]))
EMAILS = {row["partner"]: row for row in load("email_submissions.csv")}
ALT, SLOT = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]"), re.compile(r"\{(\w+)\}")
PERSONAL = re.compile(r"\b(I|I'm|I've|I'd|me|my|My|mine)\b")
GENDERED = re.compile(r"\b(she|her|he|his|him)\b")
SEEN: set[str] = set()  # every text so far, normalised, so that no two read alike
USES: Counter[str] = Counter()  # how often each phrase was used, so that none dominates
PLANTED: Counter[str] = Counter()  # how often each kind of personal information was planted


def split(cell: str | None) -> list[str]:
    return [item for item in (cell or "").split(";") if item]


def context(rng: random.Random, place: str, partner: str | None = None) -> dict[str, str]:
    """Values for the {slots} of one text: place, partner and a fresh draw of fillers."""
    ctx = {slot: rng.choice(values) for slot, values in PHRASES["fillers"].items()}
    ctx["other"] = rng.choice([town for town in PHRASES["big_towns"] if town != place])
    ctx["a_service"] = ("an " if ctx["service"][0] in "aeiou" else "a ") + ctx["service"]
    about = PARTNERS[partner] if partner else {"name": "", "contact_role": ""}
    return ctx | {"place": place, "partner": about["name"], "role": about["contact_role"]}


def expand(rng: random.Random, text: str, ctx: dict[str, str]) -> str:
    """Pick one of each [a|b] and fill each {slot}."""
    while m := ALT.search(text):
        text = text[: m.start()] + rng.choice(m[1].split("|")) + text[m.end() :]
    return SLOT.sub(lambda m: ctx[m[1]], text)


def wchoice(rng: random.Random, weights: dict):
    return rng.choices(list(weights), [float(w) for w in weights.values()])[0]


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def norm(text: str) -> str:
    """Letters and digits only, so that texts that differ in spacing or case compare equal."""
    return re.sub(r"[^a-z0-9]+", "", strip_accents(text.lower()))


def fresh(rng: random.Random, options: list, power: int = 1):
    """Prefer phrases used least so far; an option is a phrase or a (tone, phrase) pair."""
    texts = [o if isinstance(o, str) else o[1] for o in options]
    i = rng.choices(range(len(texts)), [(1 + USES[t]) ** -power for t in texts])[0]
    USES[texts[i]] += 1
    return options[i]


def pii_value(rng: random.Random, slot: str, fsa: str) -> str:
    """An invented value for a {slot}: see 'values' in planted_pii.json."""
    sin = [rng.choice([1, 2, 3, 4, 5, 6, 7, 9])] + [rng.randint(0, 9) for _ in range(7)]
    luhn = sum(d * 2 - 9 if i % 2 and d > 4 else d * (1 + i % 2) for i, d in enumerate(sin))
    s = "".join(map(str, sin + [-luhn % 10]))  # the check digit every real SIN has
    atoms = {"sin": f"{s[:3]} {s[3:6]} {s[6:]}", "area": rng.choice(PII["area_codes"][fsa[0]])}
    atoms |= {"fsa": fsa, "number": rng.randint(2, 980)}
    template = rng.choice(PII["values"][slot])  # names, streets, domains: from the fillers
    value = template.format(**context(rng, "Sudbury"), **atoms)
    value = strip_accents(value).lower() if slot == "email" else value
    value = re.sub("#", lambda _: str(rng.randint(0, 9)), value)
    return re.sub("%", lambda _: rng.choice(PII["letters"]), value)


def plant_pii(rng: random.Random, text: str, topic: str, fsa: str, place: str, voice: str, person):
    """The text and a sentence with invented personal details (voice: survey, french, note)."""
    kinds = PII["kinds"]["anyone"] + (PII["kinds"]["person"] + PII["kinds"].get(topic, [])) * person
    kind = rng.choices(kinds, [(1 + PLANTED[k]) ** -2 for k in kinds])[0]  # rarest first
    PLANTED[kind] += 1
    sentences = PII["sentences"][voice][kind]
    if voice == "survey":  # a few sentences fit one topic only
        sentences = sentences + PII["topic_sentences"].get(topic, {}).get(kind, [])
    fill = lambda m: place if m[1] == "place" else pii_value(rng, m[1], fsa)  # noqa: E731
    return f"{text}{'' if text[-1] in '.!?:»' else '.'} {SLOT.sub(fill, rng.choice(sentences))}"


def restyle(rng: random.Random, parts: list[str], tone: str, lang: str) -> tuple[str, str]:
    """Typing habits, alike over one answer: swapped words, lower case, no final period..."""
    odds = (0.25, 0.06, 0.07, 0.1, 0) if lang == "en" else (0, 0.04, 0, 0.08, 0.14)
    formal, lower, no_apos, no_period, plain = (rng.random() < p for p in odds)
    out = [paraphrase(rng, p, formal) if lang == "en" else p for p in parts]
    out = [strip_accents(p) if plain else p.lower() if lower else p for p in out]
    out = [re.sub(r"(\w)'(t|s|m|re|ve|ll|d)\b", r"\1\2", p) if no_apos else p for p in out]
    if out[-1].endswith(".") and (no_period or tone == "n" and rng.random() < 0.12):
        out[-1] = out[-1][:-1] + ("" if no_period else rng.choice(["!", "!!", "!!!"]))
    return " ".join([p if p[-1] in ".!?:" else p + "." for p in out[:-1]] + out[-1:]), tone


def paraphrase(rng: random.Random, text: str, formal: bool = False) -> str:
    """Words swapped as in 'swaps' in wording.json; contractions written out if formal."""

    def swap(m: re.Match, options: list[str], chance: float) -> str:
        new = rng.choice(options) if rng.random() < chance else m[0]
        return new[0].upper() + new[1:] if m[0][0].isupper() else new

    for pattern, options, chance in WORDING["swaps"]:
        text = re.sub(pattern, lambda m, o=options, c=chance: swap(m, o, c), text)
    for short, full in WORDING["contractions"] if formal else []:
        text = text.replace(short, full)
    return text


def pick_core(rng, topic, lang, rtype, avoid=(), tones="nmsp"):
    """A statement (tone, text) from the topic's bank that suits the speaker, or None."""
    bank = BANK[topic]
    staff = rtype == "staff" and rng.random() < 0.7 and bank[f"staff {lang}"]
    pool = bank[f"staff {lang}" if staff else lang]
    if rtype != "individual":  # organisations and staff rarely speak of "my" or "I"
        pool = [c for c in pool if not PERSONAL.search(c[1])] or pool
    options = [c for c in pool if c not in avoid and c[0] in tones]
    return fresh(rng, options, 2) if options else None


def phrase(rng, group, lang, rtype, tone, length):
    """An opener ("Speaking for our members:") or a closer ("Do better."), or None."""
    if rng.random() >= PHRASES["chances"][group][length]:
        return None
    mood = {"n": "angry", "p": "positive"}.get(tone, "neutral") if rng.random() < 0.5 else ""
    keys = [f"{lang} {rtype}", f"{lang} {mood}", f"{lang} neutral"]
    return fresh(rng, PHRASES[group][next(k for k in keys if k in PHRASES[group])])


def compose(rng, topic, lang, rtype, ctx, mode="q1"):
    """One answer in the respondent's voice: (sentences, tone)."""
    length = wchoice(rng, PHRASES["lengths"][mode])
    tone, core = first = pick_core(rng, topic, lang, rtype)
    if mode == "q2":  # "One more thing." / "Also:"
        lead = rng.choice(PHRASES["second_question_leads"][lang]) if rng.random() < 0.35 else None
    else:
        lead = phrase(rng, "openers", lang, rtype, tone, length)
    parts = ([expand(rng, lead, ctx)] if lead else []) + [expand(rng, core, ctx)]
    if length == "long" and rng.random() < 0.55:  # a second statement in the same vein
        vein = {"n": "nm", "m": "nm", "s": "sn"}.get(tone, tone)
        second = pick_core(rng, topic, lang, rtype, avoid=[first], tones=vein)
        parts += [expand(rng, second[1], ctx)] if second else []
    story = lang == "en" and rtype == "individual" and tone in "nm"
    if story and length != "terse" and rng.random() < (0.8 if length == "long" else 0.3):
        named = ctx["place"] in " ".join(parts)  # name the place once
        details = [d for _, d in BANK[topic]["detail"] if not (named and "{place}" in d)]
        parts += [expand(rng, d, ctx) for d in rng.sample(details, rng.choice([1, 1, 2]))]
    aside = lang == "en" and rtype == "individual"
    if aside and rng.random() < PHRASES["chances"]["aside"][length]:
        other = rng.choice([t for t in BANK if t != topic])  # a word on a second topic
        parts.append(expand(rng, rng.choice(BANK[other]["aside"])[1], ctx))
    closer = phrase(rng, "closers", lang, rtype, tone, length)
    return parts + ([closer] if closer else []), tone


def choose_topic(rng, centre, lang, rtype, partner=None, bias="", exclude=None):
    """What a respondent writes about: the topics' weights, leaned by who and where."""
    home, w = CENTRES[centre], {t: float(row["weight"]) for t, row in TOPICS.items()}
    w["french_language"] *= 5.0 if lang == "fr" else 1.0 if home["bilingual"] == "yes" else 0.25
    for t, row in TOPICS.items() if rtype == "staff" else []:
        w[t] *= float(row["staff_weight"] or 1)
    leans = f"{home['topic_bias']};{bias};{PARTNERS[partner]['topic_bias'] if partner else ''}"
    for t, m in (lean.split("=") for lean in split(leans)):  # the place's, session's, partner's
        w[t] *= float(m)
    w.pop(exclude, None)
    return wchoice(rng, w)


def unique(make):
    """A text no earlier one reads like after normalising (try 60 times), and its tone."""
    for _ in range(60):
        text, tone = make()
        if norm(text) and norm(text) not in SEEN:
            break
    SEEN.add(norm(text))
    return text, tone


def answer(rng, topic, lang, rtype, ctx, fsa, mode="q1", pii=0.032):
    """An answer in the respondent's voice as typed, maybe with invented personal details."""
    text, tone = unique(lambda: restyle(rng, *compose(rng, topic, lang, rtype, ctx, mode), lang))
    if rng.random() < pii:
        voice = "french" if lang == "fr" else "survey"
        text = plant_pii(rng, text, topic, fsa, ctx["place"], voice, rtype == "individual")
    return text, tone


def non_answer(rng: random.Random, lang: str) -> tuple[str, str]:
    """("n/a", "non_answer"), or ("Nothing.", "nothing"): nothing to change or to add."""
    text = rng.choice(PHRASES["non_answers"]["fr" if lang == "fr" and rng.random() < 0.5 else "en"])
    return text, "nothing" if text.strip(" .").lower() in PHRASES["says_nothing"] else "non_answer"


def answers(rng: random.Random, row: dict, writes: str) -> None:
    """The respondent's answers to the two questions, their topics and the first one's tone."""
    ctx, campaign = context(rng, row["centre"], row["partner"]), SURVEY["campaign"]
    kapuskasing = row["centre"] == "Kapuskasing" and row["rtype"] == "individual"
    if kapuskasing and rng.random() < campaign["share"]:  # the letter to keep it open
        letter = campaign[writes] + rng.choice(campaign["sign_offs"][writes])
        row |= {"q1": expand(rng, letter, ctx), "t1": "campaign", "tone": "c"}
        row["day"] = dt.date.fromisoformat(wchoice(rng, campaign["days"]))  # after the vote
    done = row["status"] == "Complete"
    for q, chance, no_answer in (("1", 0.992, 0.02), ("2", 0.31 * done, 0.12)):
        if row["q" + q] or rng.random() >= chance:
            continue
        if rng.random() < no_answer:
            row["q" + q], row["t" + q] = non_answer(rng, writes)
            continue
        topic = row["t1"] if q == "2" and row["t1"] in TOPICS and rng.random() < 0.25 else None
        args = (row["centre"], row["lang"], row["rtype"], row["partner"])
        topic = topic or choose_topic(rng, *args, "", row["t1"])
        row["q" + q], tone = answer(rng, topic, writes, row["rtype"], ctx, row["fsa"], "q" + q)
        row["t" + q], row["tone"] = topic, row["tone"] or tone


def respondent(rng: random.Random, days: list[dt.date], busy: list[float]) -> dict:
    """One survey respondent: who, where from, in which language, when, and the answers."""
    centre = wchoice(rng, {c: row["respondents"] for c, row in CENTRES.items()})
    rtype = wchoice(rng, {k: v["weight"] for k, v in SURVEY["respondent_types"].items()})
    partners = [k for k, p in PARTNERS.items() if p["relationship"] != "contract"]  # no vendors
    partner = rng.choice(partners) if rtype == "organisation" else None
    if partner and rng.random() < 0.85:  # most answer from their own town
        centre = SURVEY["nearest_centre"].get(PARTNERS[partner]["community"], centre)
    lang = "fr" if rng.random() < float(CENTRES[centre]["french_share"]) else "en"
    writes = "fr" if lang == "fr" and rng.random() < 0.65 else "en"
    fsa = rng.choice(split(CENTRES[centre]["rural_fsas" if rng.random() < 0.15 else "town_fsas"]))
    done = rng.random() >= 0.035  # else stopped, most before the first question
    row = {"centre": centre, "rtype": rtype, "lang": lang, "partner": partner, "fsa": fsa}
    row |= {"status": "Complete" if done else "Partial", "day": rng.choices(days, busy)[0]}
    row |= {"q1": "", "t1": None, "q2": "", "t2": None, "tone": ""}
    if done or rng.random() < 0.25:
        answers(rng, row, writes)
    tone = row["tone"] or "s"
    blank = 0.1 if tone == "c" else 0.05 if done or row["q1"] else 0.5
    row["satisfaction"] = "" if rng.random() < blank else wchoice(rng, SURVEY["satisfaction"][tone])
    if done and row["satisfaction"] in ("4", "5") and not row["q2"] and rng.random() < 0.12:
        said = rng.choice(PHRASES["nothing_else"][writes])  # "Nothing else, the staff were great."
        row["q2"], row["t2"] = expand(rng, said, {"place": centre}), "nothing"
    secs = rng.lognormvariate(5.9, 0.6) if done else rng.randint(40, 700)
    secs = min(max(secs, 75), 4000) + (rng.randint(3600, 20000) if rng.random() < 0.02 else 0)
    start = dt.datetime.combine(row["day"], dt.time(int(wchoice(rng, SURVEY["start_hours"]))))
    start += dt.timedelta(seconds=rng.randrange(3600))
    start = min(start, dt.datetime.combine(CLOSES, dt.time(23)) - dt.timedelta(seconds=secs))
    end, typed = start + dt.timedelta(seconds=secs), rng.choice(["", fsa.lower()] + [fsa] * 23)
    row |= {"began": start, "start": f"{start:{STAMP}}", "end": f"{end:{STAMP}}", "fsa": typed}
    row["id"] = "R_" + "".join(rng.choices(ALNUM, k=15))  # ("typed": some leave the FSA out)
    row["as"] = SURVEY["respondent_types"][rtype]["label"]
    row["organisation"] = PARTNERS[partner]["name"] if partner and rng.random() < 0.85 else ""
    row["consent"] = ("Yes" if rng.random() < 0.8 else "No") if done else ""
    row["language"] = {"en": "English", "fr": "Français"}[lang] if done else ""
    return row


def officer_note(rng, topic, rtype, partner, ctx, channel):
    """A clause in a frame, as an officer types what was said: "Participant said ..."."""
    notes = [c for c in BANK[topic]["note"] if rtype == "individual" or not GENDERED.search(c[1])]
    tone, clause = fresh(rng, notes or BANK[topic]["note"], 2)
    mood = {"n": "complaint", "p": "praise"}.get(tone)
    keys = [rtype, f"{rtype} {mood}", "terse", f"{rtype} partner" if partner else ""]
    if rtype == "individual":  # "Woman (60s) said ..." only if the clause says no "he"
        keys += [channel] + ["woman", "man", "group"] * (not GENDERED.search(clause))
    fields = {"c": expand(rng, clause, ctx), "l": TOPICS[topic]["note_label"]}
    text = rng.choice([f for k in keys for f in NOTES["frames"].get(k, [])]).format(**ctx, **fields)
    return text + (" " + rng.choice(NOTES["follow_ups"]) if rng.random() < 0.33 else ""), tone


def note(rng: random.Random, session: dict, rtype: str, partner, lang: str):
    """One note of a session, as its style records it: (text, topic, tone)."""
    style, place = session["note_style"], session["community"]
    if style == "email":  # written in full by the partner
        return EMAILS[partner]["text"], EMAILS[partner]["topic"], "s"
    place = place if place in CENTRES else "Sudbury"
    topic = choose_topic(rng, place, lang, rtype, partner, session["topic_bias"])
    ctx, fsa = context(rng, place, partner), split(CENTRES[place]["town_fsas"])[0]
    officer = style in ("officer", "staff")
    if officer and lang == "en" and rng.random() < 0.8:
        args = (rng, topic, rtype, partner, ctx, session["channel"])
        text, tone = unique(lambda: officer_note(*args))
        if rng.random() < 0.03:  # "Left a number for follow-up: ..."
            text = plant_pii(rng, text, topic, fsa, place, "note", rtype == "individual")
        return text, topic, tone
    mode = "kiosk" if officer else style  # a quote is short, like a kiosk comment
    text, tone = answer(rng, topic, lang, rtype, ctx, fsa, mode, 0.03 * (style == "mail"))
    if officer:
        return rng.choice(NOTES["quotes"][f"{lang} {rtype}"]).format(**ctx, q=text), topic, tone
    habits = PHRASES["channel_habits"].get(style, {})  # Facebook comments, paper forms
    text = text.lower() if rng.random() < habits.get("lower", 0) else text
    text += rng.choice(habits.get("tails", {}).get(tone, [""]))
    lead = rng.choice(habits["leads"]) if rng.random() < habits.get("lead", 0) else ""
    return lead + text, topic, tone


def session_notes(rng: random.Random) -> list[tuple]:
    """What was said in each session, as an officer, a kiosk or a mailbox recorded it."""
    rows = []
    for session in load("sessions.csv"):
        style, attended = session["note_style"], split(session["attended"])
        n = int(session["notes"])
        blanks = rng.sample(range(n), int(session["blank_notes"]))  # "n/a", "-"
        for i in range(n):
            rtype = wchoice(rng, NOTES["speakers"].get(style) or NOTES["speakers"][session["kind"]])
            if rtype == "organisation" and not attended or i in blanks:
                rtype = "individual"
            speaks = rtype == "organisation" or rtype == "staff" and attended and rng.random() < 0.4
            partner = rng.choice(attended) if speaks else None
            partner = attended[i % len(attended)] if style == "email" else partner
            lang = "fr" if rng.random() < float(session["french_share"] or 0) else "en"
            if i in blanks:
                text, topic, tone = *non_answer(rng, "en"), "m"
            else:
                text, topic, tone = note(rng, session, rtype, partner, lang)
            sat = rng.random() < NOTES["satisfaction"][style]
            sat = wchoice(rng, SURVEY["satisfaction"][tone]) if sat else ""
            consent = "yes" if rng.random() < NOTES["consent"][style] else "no"
            name = PARTNERS[partner]["name"] if partner else ""
            rows.append((session["key"], name, rtype, text, consent, sat, topic))
    return rows


def write_csv(name: str, columns: list[str] | dict, rows: list) -> None:
    """Rows under the given columns (a dict maps each column to its header)."""
    with (OUT / name).open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(columns.values() if isinstance(columns, dict) else columns)
        out.writerows([row[c] for c in columns] for row in rows)


def main() -> None:
    rng = random.Random(SEED)
    days = [OPENS + dt.timedelta(i) for i in range((CLOSES - OPENS).days + 1)]
    busy = [SURVEY["busy_days"].get(f"{d}", 1) * (0.7 if d.weekday() >= 5 else 1) for d in days]
    rows = [respondent(rng, days, busy) for _ in range(SURVEY["respondents"])]
    rows.sort(key=lambda row: row["began"])
    notes = session_notes(random.Random(SEED + 1))
    text = json.dumps(CONSULTATION, ensure_ascii=False, indent=2) + "\n"
    (OUT / "consultation.json").write_text(text, encoding="utf-8")
    write_csv("partners.csv", list(load("partners.csv")[0])[1:-1], PARTNERS.values())
    names = lambda keys: ";".join(PARTNERS[k]["name"] for k in split(keys))  # noqa: E731
    interactions = [row | {"partner": names(row["partner"])} for row in load("interactions.csv")]
    write_csv("interactions.csv", list(interactions[0]), interactions)
    waves = Counter("S01" if row["began"].date() < SECOND_WAVE else "S19" for row in rows)
    sessions = load("sessions.csv")
    for session in sessions:
        session |= {"invited": names(session["invited"]), "attended": names(session["attended"])}
        session["attendance"] = session["attendance"] or waves[session["key"]]
    write_csv("sessions.csv", list(sessions[0])[:11], sessions)
    write_csv("survey_export.csv", SURVEY["columns"], rows)
    columns = ["session", "partner", "respondent_type", "text", "consent_to_quote", "satisfaction"]
    write_csv("session_notes.csv", dict(enumerate(columns)), notes)
    q1, q2, notes_q = CONSULTATION["questions"]
    key, questions = [], {"1": q1, "2": q2}  # the answer key: the topic of each answer
    for i, row in enumerate(rows, 1):
        key += [("survey_export", i, q, row["t" + n]) for n, q in questions.items() if row["q" + n]]
    key += [("session_notes", i, notes_q, entry[-1]) for i, entry in enumerate(notes, 1)]
    write_csv("topics.csv", dict(enumerate(["source", "row", "question", "topic"])), key)
    print(f"{len(rows)} survey rows, {len(notes)} session notes, {len(key)} answers:")
    print(" ", Counter(topic for *_, topic in key).most_common())
    print("  planted PII:", sum(PLANTED.values()), dict(sorted(PLANTED.items())))


if __name__ == "__main__":
    main()
