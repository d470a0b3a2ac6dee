"""Cutting answers into the words and phrases a title can be made of.

An answer is tidied (links, @handles, hashtags' marks and redaction placeholders
removed), cut into sentences and clauses (at punctuation and at words that open
a new clause: "but", "because", "although"...), and each word is given a class:

- **function** words (articles, pronouns, auxiliaries, prepositions, "very",
  "really") carry no subject; a phrase may hold them, never start or end on them;
- **negations** ("not", "can't", "no", "nothing", "jamais") carry the polarity: a
  phrase may start with one and never starts just after one, so "can't fault the
  service" never becomes "Fault the service";
- **fillers** ("I think", "honestly", "overall", "participant") say how someone
  spoke, not what about: never at the start of a phrase, never counted as a subject;
- **content** words: everything else, compared by their stem (waits, waiting → wait).

A phrase's ``key`` is the set of its content and negation stems: two answers
share a phrase when each holds every stem of its key.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from engage.theming.labels import word_set, word_stem

FUNCTION_WORDS = word_set(
    # English
    "a an the this that these those there here it its itself i me my mine myself we us our "
    "ours ourselves you your yours yourself yourselves he him his himself she her hers herself "
    "they them their theirs themselves who whom whose which what whatever whoever when where "
    "why how is am are was were be been being do does did doing have has had having will would "
    "shall should can could may might must ought to of in on at by for with from into onto "
    "about above below over under up down out off through during before after between against "
    "among around across along within upon via per and or nor as if than then so such also "
    "very really quite just too much many more most some any all each every both either other "
    "another own same lot lots bit etc eg ie im ive id ill youre theyre weve theyve hes shes "
    "thats theres whats its it's i'm i've i'd i'll you're you've you'd they're they've they'd "
    "we're we've we'd he's she's that's there's what's let's who's here's one ones got get gets "
    "getting went go goes going come came still even ever always already again yet only "
    "extremely incredibly absolutely totally completely highly truly fairly pretty rather "
    "somewhat slightly especially particularly sometimes often usually whilst while whether "
    "until till once unless whenever "
    # French
    "le la les un une des du de d l au aux ce cet cette ces ceci cela ça ca mon ma mes ton ta tes "
    "son sa ses notre nos votre vos leur leurs je j me m moi tu te t toi il elle on nous vous "
    "ils elles se s lui eux y en qui que qu quoi dont où et ou mais donc car est sont était "
    "étaient être été ai as a avons avez ont avait avaient sera seront fait faire pour par avec "
    "sur sous dans entre vers chez très trop plus aussi tout tous toute toutes comme si c "
    "déjà encore toujours vraiment souvent quand lorsque parce puisque pendant depuis avant après "
    "alors donc ainsi cependant"
)
NEGATIONS = word_set(
    "not no never nothing none nobody noone nowhere neither nor cannot can't cant don't dont "
    "doesn't doesnt didn't didnt won't wont wouldn't wouldnt couldn't couldnt shouldn't shouldnt "
    "isn't isnt aren't arent wasn't wasnt weren't werent haven't havent hasn't hasnt hadn't "
    "hadnt ain't without lack lacking "
    "ne n pas jamais rien aucun aucune personne sans"
)
# Words that say how someone spoke, not what about.
FILLERS = word_set(
    "think thought believe guess suppose feel felt find found say says said tell told mention "
    "mentioned noted noting wants wanted want wish would like need needs needed honestly "
    "overall personally "
    "basically generally actually definitely certainly obviously clearly simply seriously "
    "literally frankly hopefully apparently please thanks thank thankyou thank-you merci "
    "participant participants resident residents respondent someone somebody people person "
    "everyone everybody anyone anybody everything anything something thing things stuff "
    "well yes yeah ok okay oh um erm lol haha omg tbh btw imo re quote direct "
    "dear hi hello bonjour trouve pense crois dit disent voudrais aimerais folks guys"
)
# Words that join two statements: a clause ends before them.
CLAUSE_OPENERS = word_set(
    "but because although though however unless whereas cause cos since which who "
    "mais parce puisque quoique bien"
)
# An auxiliary just before a negation belongs with it: "could not have done better".
AUXILIARIES = word_set(
    "could would can should did do does was were is are have has had will may might must "
    "peut pouvait"
)
_LINK = re.compile(r"https?://\S+|www\.\S+|\S+\.(?:com|org|net|ca|co\.uk|gov)\S*", re.I)
_HANDLE = re.compile(r"[@#](\w+)")
_PLACEHOLDER = re.compile(r"\[[A-Z _-]+\]|\bX{2,}\b|\bredacted\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+|\s[-–—]\s|[;•]+|(?<!\d):(?!\d)|\(|\)|«|»|\"|“|”")
_CLAUSE = re.compile(r",|\s&\s|/")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?|\d+(?:[.:,]\d+)*(?:\s?%)?", re.U)


@dataclass(frozen=True)
class Word:
    """One word of an answer as written, and what kind of word it is."""

    text: str  # as written (apostrophes made plain)
    lower: str
    stem: str
    kind: str  # "function", "negation", "filler", "content" or "number"

    @property
    def counts(self) -> bool:
        """Whether the word is part of what a phrase says (its key)."""
        return self.kind in ("content", "negation")


def tidy(text: str) -> str:
    """The answer without links, @handles, hashtag marks or redaction placeholders."""
    text = _LINK.sub(" . ", text.replace("’", "'"))
    text = _HANDLE.sub(lambda match: "." if match.group(0)[0] == "@" else match.group(1), text)
    return _PLACEHOLDER.sub(" . ", text)


def sentences(text: str) -> list[str]:
    """The answer's sentences, tidied."""
    return [part.strip() for part in _SENTENCE.split(tidy(text)) if part and part.strip(" .!?")]


def clauses(text: str) -> list[list[Word]]:
    """The answer's clauses, each a list of words (a clause ends at punctuation and before
    a word that opens another statement)."""
    found: list[list[Word]] = []
    for sentence in sentences(text):
        for part in _CLAUSE.split(sentence):
            clause: list[Word] = []
            for token in _WORD.findall(part):
                word = classify(token)
                if word.lower in CLAUSE_OPENERS and clause:
                    found.append(clause)
                    clause = []
                clause.append(word)
            if clause:
                found.append(clause)
    return found


@functools.lru_cache(maxsize=1 << 16)
def classify(token: str) -> Word:
    """A token as a ``Word`` (asked for every word of every answer: hence the cache)."""
    lower = token.lower().strip("'-")
    if lower[:1].isdigit():
        kind = "number"
    elif lower in NEGATIONS or lower.endswith("n't"):
        kind = "negation"
    elif lower in FUNCTION_WORDS or len(lower) < 2 or lower in CLAUSE_OPENERS:
        kind = "function"
    elif lower in FILLERS:
        kind = "filler"
    else:
        kind = "content"
    stem = "not" if kind == "negation" and lower not in _OWN_NEGATIONS else word_stem(lower)
    return Word(token.strip("'-"), lower, stem, kind)


# Negations that say more than "not": kept apart in a phrase's key.
_OWN_NEGATIONS = word_set(
    "nothing none nobody noone nowhere without lack lacking rien aucun aucune"
)


NEGATION_SCOPE = 4  # a negation turns the next four words


def clause_stems(clause: list[Word]) -> list[str | None]:
    """Each word's stem as a phrase's key holds it (None for words that do not count): a
    content word within reach of a negation before it is held negated ("!fault" in "can't
    fault the care"), so that "listened to" and "no one listens" never share a key."""
    stems: list[str | None] = []
    negated_until = -1
    for position, word in enumerate(clause):
        if word.kind == "negation":
            negated_until = position + NEGATION_SCOPE
            stems.append(word.stem)
        elif word.kind == "content":
            stems.append(("!" if position <= negated_until else "") + word.stem)
        else:
            stems.append(None)
    return stems


def negated_start(clause: list[Word], start: int) -> bool:
    """Whether a phrase starting at ``start`` would leave out a negation that turns it."""
    return any(
        clause[position].kind == "negation"
        for position in range(max(0, start - NEGATION_SCOPE), start)
    )


def answer_key(text: str) -> frozenset[str]:
    """The stems of every content word and negation of an answer (see ``clause_stems``)."""
    return frozenset(
        stem for clause in clauses(text) for stem in clause_stems(clause) if stem is not None
    )
