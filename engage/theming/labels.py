"""Keyphrases a manager can read: the line under a theme's title.

Keyphrases are words and phrases as people wrote them: a phrase never bridges a
stop word or a punctuation mark ("renew my health card" gives "health card", not
"renew health"), except the "of" of a noun phrase ("proof of address"). c-TF-IDF
scores them per theme; here they become a short list without repeats — one form
per word (plurals and -ing forms fold together), no single word that a chosen
phrase already says, no stop words. ``nameable`` tells the phrases that can name
a topic (a theme with no better title lists them, see ``titles``). The word
lists here (stop words, words of praise and complaint) serve the other modules.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_EXTRA_STOP_WORDS = word_set(
    "also just really like get got would could i'm im ive i've i'd i'll dont don't didn't didnt "
    "can't cant won't wouldn't couldn't shouldn't isn't aren't wasn't weren't doesn't haven't "
    "hasn't it's that's there's they're we're you're he's she's let's what's who's "
    "etc lot lots thing things way ok okay yes maybe make makes made able said says told asked "
    "took take taken went gone kept tried come came know think want wanted going "
    # filler adverbs and hedges: they say how someone felt, never what about
    "actually basically honestly clearly literally probably definitely absolutely totally "
    "simply seriously certainly obviously apparently especially truly frankly hopefully "
    "thanks thank please sure bit pretty "
    # chat fillers
    "lol haha omg btw tbh imo thank-you thankyou instead"
)
# Ontario offices hear French too: its function words must not name a theme either.
FRENCH_STOP_WORDS = word_set(
    "au aux avec ce ces cette ceci cela ça dans de des du elle elles en et eux il ils je la le "
    "les leur leurs lui ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu "
    "que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y été "
    "être avoir ai as avons avez ont était étais étaient étions étiez étant sera seront serais "
    "avais avions aviez avaient eu suis es est sommes êtes sont fait faire très "
    "plus aussi bien tout tous toute toutes alors donc car si non oui merci bonjour comme "
    "quand chaque encore fois peu trop "
    # common verb forms and adverbs that say nothing of the topic
    "parle parler peut peux faut dit va vais avait aurait serait pourrait devrait doit sais "
    "veux veut voulu pris mis franchement vraiment toujours jamais rien ici"
)
# Words that say how a thing was, never which thing: fine in keyphrases, not in a title.
PRAISE_WORDS = word_set(
    "good great nice excellent amazing wonderful brilliant lovely fantastic perfect happy pleased "
    "quick easy superb outstanding fab fabulous marvellous satisfied helpful useful better best"
)
COMPLAINT_WORDS = word_set(
    "bad worse worst terrible awful horrible ridiculous unhappy disappointed frustrating annoying "
    "slow hard difficult impossible unhelpful useless confusing complicated"
)
_VERDICTS = (
    PRAISE_WORDS
    | COMPLAINT_WORDS
    | word_set("fine satisfactory adequate acceptable average okay ok different big huge")
)
# Words too general to make an answer about something: "Excellent service" says how, not what.
_GENERAL = word_set("service services experience overall everything anything")
_LY_NOUNS = word_set("family supply reply assembly ally anomaly monopoly july italy rally")
# Verb forms that name nothing: past forms that do not end in -ed ("Cope · dealt",
# "Informative · gave"), and -ing forms of verbs that could be about anything ("keep doing it").
_VERB_FORMS = word_set(
    "dealt done given taken seen told sent kept left felt found paid brought thought bought "
    "caught taught got gotten gone made heard held met put read said shown spent understood "
    "gave took came went did saw doing going getting making taking trying having being"
)
# Words that alone say how long or how soon, or what someone did, never what about: "long
# waits" and "feel safe" can name a theme, "Short" and "Feel" cannot.
_NOT_ALONE = word_set(
    "short long quick fast early late soon "
    "feel understand ask wish improve complain want need think know like love hope say tell try"
)
_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu)['’](?=\w)")


def tidy_for_words(text: str) -> str:
    """Lowercase, typographic apostrophes made plain (can’t → can't), French elisions
    opened up (l'appel → appel, n'en → en)."""
    return _ELISION.sub("", text.lower().replace("’", "'"))


_TOKEN = re.compile(r"(?u)\b[^\W\d_](?:[\w'’-]*[^\W_])?\b")  # one-letter words too: they break
_PLACEHOLDER = re.compile(r"x+|redacted")  # "XXXX", "[Redacted]": what someone took out
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”/|\n\r\t…]+|\s[-–—]+\s|\d+")  # ends a phrase
WORD_OVER_PHRASE = 0.75  # a word is kept beside its phrases when they score under 3/4 of it
JOINER = "of"  # the one stop word a phrase may hold: "proof of address", "hard of hearing"


@functools.cache
def stop_words() -> frozenset[str]:
    """English (scikit-learn's list) and French stop words, plus filler common in feedback."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # sklearn loads slowly

    return frozenset(ENGLISH_STOP_WORDS) | _EXTRA_STOP_WORDS | FRENCH_STOP_WORDS


@functools.lru_cache(maxsize=1 << 18)
def _keeps(word: str) -> bool:
    """Whether a word can be part of a phrase: two letters or more, no stop word or placeholder
    (asked for every word of every answer, a few times a run: hence the cache)."""
    return len(word) > 1 and word not in stop_words() and not _PLACEHOLDER.fullmatch(word)


class PhraseAnalyzer:
    """Words and contiguous phrases of up to ``max_words`` words (scikit-learn analyzer).

    A phrase stops at punctuation, a number or a stop word, so every phrase is
    something a person wrote; "X of Y" is kept whole as one three-word phrase.
    """

    def __init__(self, max_words: int = 2) -> None:
        self.max_words = max_words

    def __call__(self, text: str) -> list[str]:
        grams: list[str] = []
        for piece in _BREAK.split(tidy_for_words(text)):
            words = _TOKEN.findall(piece)
            run: list[str] = []
            for position, word in enumerate(words + [""]):
                if _keeps(word):
                    run.append(word)
                    continue
                self._grams(run, grams)
                if (
                    word == JOINER
                    and self.max_words > 1
                    and run
                    and position + 1 < len(words)
                    and _keeps(words[position + 1])
                ):
                    grams.append(f"{run[-1]} {JOINER} {words[position + 1]}")
                run = []
        return grams

    def _grams(self, run: list[str], grams: list[str]) -> None:
        for size in range(1, self.max_words + 1):
            grams.extend(" ".join(run[i : i + size]) for i in range(len(run) - size + 1))


def content_words(text: str) -> list[str]:
    """The words of a text that say what it is about or how it was: not stop words and
    not too general ("service", "everything")."""
    return [word for word in _words(text) if word not in _GENERAL]


_words = PhraseAnalyzer(1)


def word_stem(word: str) -> str:
    """A crude lemma for spotting repeats: waits, waiting, waited → wait; services → servic."""
    word = word.lower().strip("'-")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        word = word[:-2]
    elif not word.endswith(("ss", "us", "is")):
        for ending in ("ing", "ed", "s"):
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                break
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def stems_of(phrase: str) -> tuple[str, ...]:
    return tuple(word_stem(word) for word in phrase.split())


@functools.lru_cache(maxsize=1 << 16)
def akin(first: str, second: str) -> bool:
    """Whether two stems are one word told two ways: the same, or the shorter is the
    other's beginning but for a letter or two ("advice"/"advise", "improve"/"improvement",
    "informative"/"information")."""
    if first == second:
        return True
    shared = len(os.path.commonprefix([first, second]))
    return shared >= 4 and shared >= min(len(first), len(second)) - 2


def repeats(phrase: str, said: Iterable[str]) -> bool:
    """Whether ``phrase`` repeats a word of ``said`` (stems)."""
    return any(akin(stem, other) for stem in stems_of(phrase) for other in said)


def clean_keyphrases(
    scored: Iterable[tuple[str, float]] | Iterable[str], limit: int = 6
) -> list[str]:
    """Keyphrases best first, without stop words (but the "of" inside "proof of address"),
    repeats, or single words that a chosen phrase contains ("health" beside "health card")
    unless the word scores well above every such phrase ("parking" beside "parking near")."""
    blocked = stop_words()
    chosen: list[str] = []
    score: dict[str, float] = {}
    seen: set[tuple[str, ...]] = set()
    for item in scored:
        phrase = " ".join((item if isinstance(item, str) else item[0]).lower().split())
        stems = stems_of(phrase)
        words = phrase.split()
        held = [
            word for n, word in enumerate(words) if not (word == JOINER and 0 < n < len(words) - 1)
        ]
        if not words or any(word in blocked for word in held) or len(set(stems)) < len(stems):
            continue
        key = tuple(sorted(stems))
        if key in seen:
            continue
        seen.add(key)
        chosen.append(phrase)
        score[phrase] = 1.0 if isinstance(item, str) else float(item[1])
    covering: dict[str, float] = {}
    for phrase in chosen:
        if len(phrase.split()) > 1:
            for stem in stems_of(phrase):
                covering[stem] = max(covering.get(stem, 0.0), score[phrase])
    kept = [
        p
        for p in chosen
        if len(p.split()) > 1 or covering.get(stems_of(p)[0], -1.0) < WORD_OVER_PHRASE * score[p]
    ]
    return kept[:limit]


def nameable(phrase: str) -> bool:
    """Whether a phrase can name a topic: no verdict words ("great", "worse"), not only
    general words ("experience") or a lone measure or verb ("short", "feel"), and it does not
    end in an adverb or an empty verb form ("clearly", "dropped", "doing")."""
    words = phrase.split()
    if not words or any(word in _VERDICTS for word in words):
        return False
    if all(word in _GENERAL for word in words) or (len(words) == 1 and words[0] in _NOT_ALONE):
        return False
    last = words[-1]
    if (last.endswith("ly") and last not in _LY_NOUNS) or last in _VERB_FORMS:
        return False
    return not (len(last) > 4 and last.endswith("ed") and not last.endswith("eed"))


def count_keyphrases(texts: Sequence[str], limit: int = 6) -> list[str]:
    """Keyphrases by plain counts of words and phrases (for a handful of texts)."""
    analyzer = PhraseAnalyzer(2)
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(phrase for phrase in set(analyzer(text)) if len(phrase) > 2)
    ranked = sorted(counts.items(), key=lambda item: (-item[1] * len(item[0].split()), item[0]))
    return clean_keyphrases(
        ((phrase, float(n)) for phrase, n in ranked if n > 1 or len(texts) < 3), limit
    )
