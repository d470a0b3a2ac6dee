"""Theme names a manager can read: tidy keyphrases and a short title.

c-TF-IDF gives scored words and word pairs per theme ("wait", "wait time",
"waits", "long wait" ...). Here they become a short list without repeats —
one form per word (plurals and -ing forms fold together), no single word that a
chosen pair already says, no stop words — and a title such as
"Wait times · long lines" (never "3_wait_long_time").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_EXTRA_STOP_WORDS = _word_set(
    "also just really like get got would could i'm im ive i've i'd i'll dont don't didn't didnt "
    "can't cant won't wouldn't couldn't shouldn't isn't aren't wasn't weren't doesn't haven't "
    "hasn't it's that's there's they're we're you're he's she's let's what's who's "
    "etc lot lots thing things way ok okay yes maybe make makes made able said says told asked "
    "took take taken went gone kept tried come came know think want wanted going"
)
# Ontario offices hear French too: its function words must not name a theme either.
FRENCH_STOP_WORDS = _word_set(
    "au aux avec ce ces cette ceci cela ça dans de des du elle elles en et eux il ils je la le "
    "les leur leurs lui ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu "
    "que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y été "
    "être avoir ai as avons avez ont était étais suis es est sommes êtes sont fait faire très "
    "plus aussi bien tout tous toute toutes alors donc car si non oui merci bonjour comme "
    "quand chaque encore fois peu trop"
)
_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu)['’](?=\w)")


def tidy_for_words(text: str) -> str:
    """Lowercase, with French elisions opened up (l'appel → appel, n'en → en)."""
    return _ELISION.sub("", text.lower())


TOKEN_PATTERN = r"(?u)\b[^\W\d_][\w'’-]*[^\W_]\b"  # words of 2+ characters starting with a letter


def word_options() -> dict[str, object]:
    """How answers are cut into words for keyphrases and LSA (scikit-learn vectorizer options)."""
    return {
        "stop_words": sorted(stop_words()),
        "token_pattern": TOKEN_PATTERN,
        "preprocessor": tidy_for_words,
    }


def stop_words() -> frozenset[str]:
    """English (scikit-learn's list) and French stop words, plus filler common in feedback."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | _EXTRA_STOP_WORDS | FRENCH_STOP_WORDS


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


def _stems(phrase: str) -> tuple[str, ...]:
    return tuple(word_stem(word) for word in phrase.split())


def clean_keyphrases(
    scored: Iterable[tuple[str, float]] | Iterable[str], limit: int = 6
) -> list[str]:
    """Keyphrases best first, without stop words, repeats or words a chosen pair contains."""
    blocked = stop_words()
    chosen: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for item in scored:
        phrase = " ".join((item if isinstance(item, str) else item[0]).lower().split())
        stems = _stems(phrase)
        words = phrase.split()
        if not words or any(word in blocked for word in words) or len(set(stems)) < len(stems):
            continue
        key = tuple(sorted(stems))
        if key in seen:
            continue
        seen.add(key)
        chosen.append(phrase)
    covered = {stem for phrase in chosen if len(phrase.split()) > 1 for stem in _stems(phrase)}
    kept = [p for p in chosen if len(p.split()) > 1 or _stems(p)[0] not in covered]
    return kept[:limit]


def theme_label(keyphrases: Sequence[str], max_words: int = 5) -> str:
    """A short title: a word pair among the first three keyphrases if there is one, then the
    next keyphrase that repeats none of its words — "Wait times · long lines"."""
    if not keyphrases:
        return "Other feedback"
    pairs = [phrase for phrase in keyphrases[:3] if len(phrase.split()) > 1]
    head = pairs[0] if pairs else keyphrases[0]
    parts = [head]
    for phrase in keyphrases:
        if set(_stems(phrase)) & set(_stems(head)):
            continue
        if len(f"{head} {phrase}".split()) <= max_words:
            parts.append(phrase)
        break
    title = " · ".join(parts)
    return title[0].upper() + title[1:]


def unique_labels(keyphrase_lists: Sequence[Sequence[str]]) -> list[str]:
    """One label per theme; a label already taken gets the theme's next keyphrase added."""
    labels: list[str] = []
    taken: Counter[str] = Counter()
    for keyphrases in keyphrase_lists:
        label = theme_label(keyphrases)
        extra = iter(keyphrases[2:])
        while label in taken:
            following = next(extra, None)
            if following is None:
                label = f"{label} ({taken[label] + 1})"
                break
            label = f"{label} · {following}"
        taken[label] += 1
        labels.append(label)
    return labels


def count_keyphrases(texts: Sequence[str], limit: int = 6) -> list[str]:
    """Keyphrases by plain counts of words and word pairs (for a handful of texts)."""
    blocked = stop_words()
    counts: Counter[str] = Counter()
    for text in texts:
        words = _WORD.findall(text.lower())
        useful = [w if w not in blocked and len(w) > 2 else "" for w in words]
        counts.update(w for w in useful if w)
        counts.update(f"{a} {b}" for a, b in zip(useful, useful[1:], strict=False) if a and b)
    ranked = sorted(counts.items(), key=lambda item: (-item[1] * len(item[0].split()), item[0]))
    return clean_keyphrases(
        ((phrase, float(n)) for phrase, n in ranked if n > 1 or len(texts) < 3), limit
    )
