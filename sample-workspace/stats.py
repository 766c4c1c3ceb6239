"""Tiny text statistics, used as something to chat about."""
from collections import Counter


def word_counts(text: str) -> Counter:
    """Count words case-insensitively, ignoring surrounding punctuation."""
    words = (w.strip(".,;:!?\"'()").lower() for w in text.split())
    return Counter(w for w in words if w)


def most_common(text: str, n: int = 3) -> list[tuple[str, int]]:
    return word_counts(text).most_common(n)


if __name__ == "__main__":
    print(most_common("The cat sat on the mat. The mat was flat."))
