"""Elided articles and pronouns: French "l'essai", "d'Ildamar", "j'utilise",
"n'a"; Italian "un'altra". Readers that look words up in a vocabulary look
past the elided head to the word it is attached to."""
from __future__ import annotations

# "qu'il" has the longest head the readers need; longer heads ("aujourd'hui")
# are one word, not an elision.
_MAX_HEAD = 2


def unelided(word: str) -> str:
    """The word an elided head is attached to ("l'essai" -> "essai"), or the
    word itself when it carries no elision."""
    head, mark, rest = word.partition("'")
    return rest if mark and 0 < len(head) <= _MAX_HEAD and rest else word
