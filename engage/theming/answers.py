"""What kind of answer a text is: a non-answer, an answer of "nothing", or one to theme.

- **non-answers** ("n/a", "no comment", "-", "idk", empty, or no word that says
  what the answer is about or how it was) are never themed. A bare verdict
  ("Very good!", "Too slow") is an answer: it says how the service was;
- **answers of "nothing"** say that nothing needs to change, or that there is
  nothing to add. Survey coders code them as one category ("nothing to
  improve"), and people put it in many ways:

  1. the whole answer: "Nothing.", "None at all", "No issues", "Can't think of
     anything", "Nothing springs to mind", "Rien à signaler";
  2. an opening that says nothing, then only approval: "Nothing, the staff were
     great", "Nothing everyone was lovely", "No, all good.", "Can't think of
     anything, I was well looked after", "There's nothing you could have done
     better", "Rien, le personnel était super".

  An opening followed by a suggestion or a complaint is themed by what it says
  ("Nothing, but the parking is tight", "None. Soggy toast.", "Nothing was
  explained"), and so is praise that only sounds final ("Couldn't have been
  better", "Can't fault the care"): it says what was good. A bare "No" or "Not
  really" may answer a yes-or-no question: a non-answer.

Everything here is word lists and patterns of English and French feedback; a
text's words are compared in ``duplicate_key`` form (lowercase, apostrophes and
punctuation as spaces: "can't" is "can t").
"""

from __future__ import annotations

import re
import unicodedata

from engage.theming.labels import COMPLAINT_WORDS, PRAISE_WORDS, content_words, word_set
from engage.theming.phrases import NEGATIONS

NON_ANSWERS = frozenset(
    (
        "n a",
        "na",
        "n a n a",
        "null",
        "no comment",
        "no comments",
        "not applicable",
        "no response",
        "no answer",
        "no opinion",
        "idk",
        "i dont know",
        "i don t know",
        "dont know",
        "don t know",
        "not sure",
        "unsure",
        "no idea",
        "same",
        "same as above",
        "as above",
        "see above",
        "yes",
        "x",
        "xx",
        "xxx",
        "test",
        "dunno",
        "no clue",
        "no thanks",
        "no thank you",
        "no feedback",
        "no",
        "nope",
        "nah",
        "not really",
        # French (Ontario offices hear both languages)
        "s o",
        "so",
        "sans objet",
        "je ne sais pas",
        "pas de commentaire",
        "aucun commentaire",
        "pas d opinion",
        "ne s applique pas",
        "non",
        "pas vraiment",
        "aucune idée",
        "aucune idee",
    )
)
# Words that say "nothing" (with the common misspellings of "nothing"), and a "no" to
# problems or changes ("No problems", "Pas de suggestion").
NOTHING_WORDS = frozenset(
    (
        "nothing",
        "none",
        "nil",
        "naught",
        "nought",
        "nowt",
        "nada",
        "zilch",
        "nothin",
        "nothng",
        "nohing",
        "nothign",
        "nothimg",
        "nothinh",
        "noting",
        "nuthin",
        "rien",
        "aucun",
        "aucune",
    )
)
_NEGATIONS = frozenset(("no", "not", "nope", "nah", "non", "pas", "never"))
_SAYING_NO = NOTHING_WORDS | _NEGATIONS  # an answer of "nothing" holds one of these
_NOTHING_OBJECTS = frozenset(
    (
        "issue",
        "issues",
        "problem",
        "problems",
        "complaint",
        "complaints",
        "suggestion",
        "suggestions",
        "improvement",
        "improvements",
        "change",
        "changes",
        "fault",
        "faults",
        "concern",
        "concerns",
        "problème",
        "problèmes",
        "changement",
        "changements",
        "plainte",
        "plaintes",
    )
)
_NOTHING_FILLERS = frozenset(
    (
        "improve",
        "changed",
        "needed",
        "needs",
        "need",
        "add",
        "say",
        "mention",
        "particular",
        "really",
        "else",
        "more",
        "further",
        "time",
        "moment",
        "present",
        "now",
        "comes",
        "mind",
        "springs",
        "spring",
        "specific",
        "specifically",
        "extra",
        "additional",
        "different",
        "better",
        "whatsoever",
        "opinion",
        "honest",
        "ajouter",
        "changer",
        "améliorer",
        "autre",
        "suggérer",
        "signaler",
        "particulier",
        "vraiment",
        "special",
        "spécial",
        "significant",
        "major",
        "big",
        "report",
        "knowledge",
        "changing",
        "improving",
        "improved",
        "fixing",
    )
)
# "I can't think of anything (else, to improve)", "R.A.S.", "Rien à signaler".
_CANNOT = r"(?:can t|cant|cannot|can not|couldn t|couldnt|could not|difficult to|hard to)"
_SAYS_NOTHING = re.compile(
    rf"(?:i )?(?:really )?{_CANNOT} (?:really )?think of any(?:thing)?(?: else)?(?: really)?"
    r"(?: (?:to be honest|honestly|tbh|right now|at the moment|at present))?"
    r"|not that i (?:can|could) think of|not that i know of|none that i (?:can think|know) of"
    r"|(?:je )?(?:ne )?vois rien(?: (?:à|a) (?:améliorer|changer|ajouter|signaler|dire))?"
    r"|(?:no )?(?:i )?don t think so(?: no)?|not (?:much|a lot|a thing|anything)(?: really)?"
    r"|(?:very )?little(?: really)?|nothing (?:bad|negative) to say(?: about \w+)?"
    r"|that s (?:all|it)(?: for now| really)?|c est tout"
    r"|r a s|ras|rien (?:à|a) signaler"
)
# ... unless it says the writer does not know, or has no comment: that is a non-answer.
_UNKNOWING = frozenset(
    (
        "know",
        "sure",
        "idea",
        "opinion",
        "comment",
        "comments",
        "applicable",
        "answer",
        "response",
        "sais",
        "commentaire",
        "idée",
    )
)
NOTHING_LABEL = "Nothing to add or change"
NOTHING_DESCRIPTION = "People say there is nothing they would change or add."

# "Keep doing what you're doing", "Keep up the good work"; "No complaints (at all)".
_KEEP_DOING = (
    r"(?:just )?keep (?:up |on )?doing what (?:you re|youre|you are|your|you|they re|they are|"
    r"they) (?:doing|do)|(?:just )?keep up the (?:good|great|excellent|amazing|fantastic) work"
    r"|(?:just )?carry on (?:as you are|as you were|as you re|as it is|the good work)"
)
_NO_COMPLAINTS = (
    r"no (?:complaints?|problems?|issues?|faults?|concerns?|criticism)"
    r"(?: (?:at all|whatsoever|really|from me))*"
)
# An opening that says nothing, when the answer goes on: "I can't think of anything (that
# could be better)", "I don't think you could have done anything better", "I wouldn't
# change a thing", "I don't have anything to add".
_OPENINGS = re.compile(
    rf"(?:i )?(?:really |honestly )?{_CANNOT} (?:really )?(?:think of|find|see|come up with) "
    r"(?:any(?:thing| thing)?|a thing|one thing)(?: (?:else|at all|really|to add|to say"
    r"|to (?:improve|change)(?: on| about)?(?: (?:the|this|your|my|our) \w+)?"
    r"|(?:that )?(?:you|we|they|anyone|staff) (?:could|can|would|should)(?: have)?(?: done)?"
    r" (?:improve|change|do better|done better|better)"
    r"|that (?:could|would|should|can|needs to)(?: have)?(?: be| been)?"
    r"(?: done| improved| changed)?(?: any)?(?: better| differently)?))*"
    r"|(?:i )?(?:don t|dont|do not) (?:think|believe|feel) (?:that )?(?:there (?:is|was|s) )?"
    r"(?:\w+ ){0,3}(?:could|can|would)(?: have| of)?(?: been| be)?(?: done| do)? "
    r"(?:any(?:thing| thing)? |much )?(?:better|more|differently|improved)"
    r"|(?:i )?(?:wouldn t|wouldnt|would not|won t|wont|don t|dont|do not)(?: want to)? "
    r"change (?:a thing|anything)"
    r"|(?:i )?(?:don t|dont|do not|didn t|didnt) have (?:any(?:thing)?|much) "
    r"(?:to add|to say|to suggest|improvements?|suggestions?|complaints?)"
    rf"|(?:i )?{_CANNOT} (?:really )?(?:find )?(?:a |any )?fault(?: with)? (?:anything|a thing)"
    r"|no (?:changes?|improvements?)(?: (?:needed|necessary|required|at all|really))*"
    rf"|{_NO_COMPLAINTS}|{_KEEP_DOING}"
)
# After "nothing", these make it the subject of a statement ("Nothing was explained",
# "Nothing is ever on time", "Nothing could be better") or of a phrase that says what
# there was ("Nothing but complaints", "Nothing of the sort"): not an answer of nothing.
_STATEMENT = word_set(
    "was is were are has had have seems seemed works worked happened happens gets got goes "
    "went changed changes helped helps made makes matters will would could can should might "
    "may did does do done ever gives gave stands felt feels looks said says told wrong but "
    "est était a n"
)
_SUBJECT_OF = _STATEMENT | word_set("of about in on")
# What may follow an opening of "nothing" in the same breath and still say nothing:
# "Nothing (that) you could have done better", "Nothing was too much trouble".
_CONTINUATIONS = re.compile(
    r"(?:that |which |i feel |i think )?(?:\w+ ){1,3}(?:could|can|would)(?: have| of)?"
    r"(?: been| be)?(?: done| do)?(?: any| much| anything)? (?:better|more|differently|improved)"
)
# Approval that is not a word of praise: "keep doing what you're doing", "thank you".
_APPROVALS = re.compile(
    rf"{_KEEP_DOING}|{_NO_COMPLAINTS}"
    r"|nothing (?:was|is|is ever|was ever) too much trouble|nothing too much trouble"
    r"|nothing but (?:praise|good|great|excellent|positive|the best|kindness)"
    r"|second to none|thank you|thanks|thankyou|merci"
)
_PLEASED = PRAISE_WORDS | word_set(
    "kind friendly caring polite patient professional supportive comfortable safe ace spot "
    "fine ok okay smooth efficient pleasant exceptional faultless love loved attentive "
    "compassionate grateful impressed positive content well brill fab marvellous "
    "wonderful first class cared bien bon bonne bons excellente parfait parfaite super génial "
    "géniale satisfait satisfaite contente aimable aimables gentil gentille rapide efficace "
    "courtois courtoise formidable impeccable"
)
# Words that turn an answer of "nothing" into a suggestion or a complaint.
_RESERVATIONS = COMPLAINT_WORDS | word_set(
    "but except apart besides however although though only maybe perhaps possibly suggest "
    "suggestion wish if unless should would could might more less improve improved "
    "improvement improvements change changed changes not no never nor cannot cant dont didnt "
    "doesnt wasnt werent isnt arent wouldnt couldnt shouldnt wont havent hasnt t poor rude "
    "wait waiting waited late delay delayed problem problems issue issues complaint complain "
    "complaints lack lacking missing need needs needed fail failed wrong pain sadly shame "
    "mais sauf sinon cependant pourtant seulement peut devrait faudrait pourrait pas jamais "
    "ne trop attente long longue lent lente problème plainte manque besoin"
)
_AFFIRMING = word_set("lots lot many some several plenty loads")  # "Nothing, lots of issues"
_SARCASM = re.compile(r"\bthank(?:s| you) for nothing\b")
_BARE_NO = frozenset(("no", "nope", "nah", "non", "not really", "no not really", "pas vraiment"))
_AFTER_BARE_NO = word_set("i im it its everything all everyone")
_LEAD_INS = re.compile(
    r"^(?:(?:absolutely|honestly|really|truly|genuinely|definitely|well|um|erm|oh|so|personally|"
    r"overall|truthfully|to be honest|to be fair|in my (?:opinion|experience|situation|case|"
    r"view)|from my (?:experience|point of view)|on reflection|for me|there is|there was|"
    r"there s|theres) )+"
)
_CLAUSE = re.compile(r"[.,;:!?\n()]+|\s[-–—]+\s*|[-–—]{2,}")
_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w]+")


def normalise_text(text: str) -> str:
    """The text with Unicode compatibility forms folded and runs of spacing collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text or "")).strip()


def duplicate_key(text: str) -> str:
    """Lowercase words only: two texts with the same key are the same answer."""
    return _NOT_WORD.sub(" ", text.casefold()).replace("_", " ").strip()


def is_non_answer(text: str) -> bool:
    """True for empty or placeholder texts ("n/a", "idk"), for texts with no word saying
    what they are about or how it was, and for answers that only say "nothing"
    (``says_only_nothing``) — taken alone; among enough answers of "nothing",
    ``prepare_texts`` makes those a theme. Short answers that name something ("Parking",
    "Rude staff") or judge it ("Very good!") are answers, and so is "Nothing, the staff
    were great"."""
    key = duplicate_key(text)
    return says_too_little(text, key) or says_only_nothing(text)


def says_too_little(text: str, key: str) -> bool:
    """A placeholder ("n/a", "idk", "no comment"), or a text with no word that says anything
    ("Very much so", "Yes, definitely"; ``key``: the text's ``duplicate_key``). Any word
    that does is enough: "Because they put me first", "Don't like it here", "Fine", "All
    O.K." are answers."""
    if not key or key in NON_ANSWERS:
        return True
    words = _SPELLED_OUT.sub(lambda match: match.group(0).replace(" ", ""), key).split()
    return all(
        word in _SAYS_NOTHING_ALONE or len(word) < 2 or _PLACEHOLDER.fullmatch(word)
        for word in words
    )


_PLACEHOLDER = re.compile(r"x+|redacted")  # "XXXX", "[Redacted]": what someone took out
# Letters spelled out one by one are one word: "o k" (from "O.K.") is "ok".
_SPELLED_OUT = re.compile(r"\b(?:[a-z] )+[a-z]\b")
# Words that say nothing on their own: articles, pronouns, auxiliaries, prepositions,
# negations, assent and hedges ("Very much so", "Yes, definitely", "All of it").
_SAYS_NOTHING_ALONE = NEGATIONS | word_set(
    "a an the this that these those it its i me my we us our you your he him his she her "
    "they them their is am are was were be been being do does did have has had will would "
    "shall should can could may might must to of in on at by for with from and or but so as "
    "if than then very much really quite just too also all any some same etc here there "
    "yes yeah yep yup nope nah definitely absolutely certainly maybe perhaps possibly "
    "probably sure unsure idk na comment comments answer response applicable know "
    "everything anything something "
    "le la les un une de des du et ou je il elle on nous vous ils oui non peut-être"
)


def says_nothing(text: str) -> bool:
    """True for an answer of "nothing": the whole answer ("Nothing.", "No issues", "Can't
    think of anything") or an opening saying so followed by approval only ("Nothing, the
    staff were great", "No, all good"). Not for "I don't know" or "no comment", nor for a
    bare "No" or "Not really"; not when a suggestion or complaint follows."""
    return says_only_nothing(text) or _opens_with_nothing(text)


def says_only_nothing(text: str) -> bool:
    """True when the whole answer says "nothing": "Nothing.", "None", "Nothing at all",
    "No issues", "Can't think of anything", "Rien", "Pas de suggestion"."""
    key = duplicate_key(text)
    if _SAYS_NOTHING.fullmatch(key):
        return True
    words = set(key.split())
    if not words & _SAYING_NO or words & _UNKNOWING or key in NON_ANSWERS:
        return False
    if _states(key.split()) or words & _AFFIRMING or _SARCASM.search(key):
        return False  # "Nothing was done", "Nothing but complaints", "Lots of complaints"
    content = set(content_words(text))
    if content - NOTHING_WORDS - _NOTHING_OBJECTS - _NOTHING_FILLERS:
        return False  # it says something: "No parking", "Nothing works"
    return bool(words & NOTHING_WORDS or (words & _NEGATIONS and content & _NOTHING_OBJECTS))


def _states(words: list[str]) -> bool:
    """Whether "nothing" is the subject of a statement: "Nothing was done", "None is
    working", "Nothing but complaints"."""
    return any(
        word in NOTHING_WORDS and following in _STATEMENT
        for word, following in zip(words, words[1:], strict=False)
    )


def _opens_with_nothing(text: str) -> bool:
    """An opening that says nothing, then approval and nothing else; or approval, then a
    close that says nothing ("All good, nothing to add")."""
    clauses = [key for key in map(duplicate_key, _CLAUSE.split(text)) if key]
    while len(clauses) > 1 and _LEAD_INS.fullmatch(clauses[0] + " "):
        clauses.pop(0)  # "In my opinion, nothing."
    opening = _opening(clauses[0]) if clauses else None
    if opening is None:
        closes = len(clauses) > 1 and says_only_nothing(clauses[-1])
        return closes and _approves(" ".join(clauses[:-1]), praise_needed=True)
    bare_no, rest = opening
    if bare_no and not rest and len(clauses) > 1 and says_only_nothing(clauses[1]):
        bare_no, clauses = False, clauses[1:]  # "No, that's all.", "No, nothing else."
    rest = " ".join(part for part in (rest, *clauses[1:]) if part)
    if not rest:  # "I wouldn't change a thing" says it all; a bare "No" says too little
        return not bare_no
    return _approves(rest, praise_needed=bare_no)


def _opening(clause: str) -> tuple[bool, str] | None:
    """(whether the opening is a bare "no", what the clause says after it), or None when
    the clause does not open by saying nothing."""
    if clause in _BARE_NO:
        return True, ""
    for bare in _BARE_NO:  # "No I'm very happy", "No not really everything was good"
        after = clause[len(bare) + 1 :] if clause.startswith(bare + " ") else ""
        if after.split(" ", 1)[0] in _AFTER_BARE_NO:
            return True, after
    if says_only_nothing(clause):
        return False, ""
    clause = _LEAD_INS.sub("", clause)
    said = _OPENINGS.match(clause)
    if said:
        return False, clause[said.end() :].strip()
    words = clause.split()
    if not words or words[0] not in NOTHING_WORDS or (len(words) > 1 and words[0] == "none"):
        return None  # "None of the staff..." names who
    rest = " ".join(words[1:])
    continued = _CONTINUATIONS.match(rest)
    if continued:
        return False, rest[continued.end() :].strip()
    if words[1:] and (words[1] in _SUBJECT_OF or words[1] in _PLEASED):
        return None  # "Nothing was explained to me", "Nothing good about the car park"
    return False, rest


def _approves(rest: str, praise_needed: bool) -> bool:
    """Whether what follows an opening of "nothing" only approves: words of praise or
    thanks, and no reservation, suggestion or complaint."""
    if _SARCASM.search(rest):
        return False
    approvals = _APPROVALS.findall(rest)
    rest = _APPROVALS.sub(" ", rest)
    words = set(rest.split())
    if words & _RESERVATIONS:
        return False
    if praise_needed:
        return bool(words & _PLEASED) or any(
            "thank" not in a and "merci" not in a for a in approvals
        )
    return bool(words & _PLEASED or approvals)
