"""One message read as the assistant reads it, for the tests of what the
blind pools showed (tests/test_reading_pool_*.py)."""
from bot.understanding import interpret


def read(text, asked=None):
    """The message read as the answer to `asked`, the open question, or as an
    opening when none is open."""
    return interpret(text, "inform", [], asked, {"requested_slot": asked})
