import re
import sys
from collections import Counter

LINE = re.compile(r'(\S+) - - \[(.*?)\] "(\w+) (\S+) HTTP/1\.\d" (\d{3}) (\d+)')

def main(path):
    counts = Counter()
    for line in open(path):
        m = LINE.match(line)
        if m:
            counts[m.group(5)] += 1
    for status, n in counts.most_common():
        print(status, n)

if __name__ == '__main__':
    main(sys.argv[1])
