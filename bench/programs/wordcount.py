# Strings and dicts: generate text, split it, count words and bigrams, format a report.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1200000

SYLLABLES = ["ka", "lo", "mi", "nu", "ra", "te", "shi", "po", "an", "el", "or", "ve"]


def make_words(count):
    seed = 42
    words = []
    for _ in range(count):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        length = 1 + (seed >> 8) % 3
        w = ""
        s = seed
        for _ in range(length):
            w += SYLLABLES[s % len(SYLLABLES)]
            s //= len(SYLLABLES)
        if (seed >> 4) % 11 == 0:
            w = w.capitalize()
        words.append(w)
    return words


def main(n):
    words = make_words(n)
    text = ""
    lines = []
    for i in range(0, len(words), 12):
        lines.append(" ".join(words[i:i + 12]) + ("." if i % 5 == 0 else ","))
    text = "\n".join(lines)
    counts = {}
    bigrams = {}
    prev = None
    for line in text.split("\n"):
        for raw in line.split():
            w = raw.strip(".,").lower()
            counts[w] = counts.get(w, 0) + 1
            if prev is not None:
                key = prev + " " + w
                if key in bigrams:
                    bigrams[key] += 1
                else:
                    bigrams[key] = 1
            prev = w
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print("chars", len(text), "distinct", len(counts), "bigrams", len(bigrams))
    for w, c in top:
        print("%-10s %6d" % (w, c))
    longest = max(counts, key=lambda w: (len(w), w))
    vowels = sum(text.count(v) for v in "aeiou")
    print("longest", longest, "vowels", vowels, "upper", sum(1 for w in words if w[0].isupper()))


main(N)
