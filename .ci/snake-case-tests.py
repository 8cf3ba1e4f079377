#!/usr/bin/env python3
"""Renames test methods written in camelCase to the project's one style, snake_case sentences.

    .ci/snake-case-tests.py [roots…]   (default: every src/test/java of the repository)

A method annotated @Test, @ParameterizedTest, @RepeatedTest, @TestFactory, @Property or @Example whose name has an
upper-case letter becomes lower case words joined by underscores (`rejectsBadUai` -> `rejects_bad_uai`,
`parsesV2Header` -> `parses_v2_header`). Other uses of the old name in the same file (a @MethodSource naming a test,
rare) are renamed with it. Re-runnable; `TestNamingTest` lists what is left.
"""
import os
import re
import sys

ANNOT = re.compile(r'@(Test|ParameterizedTest|RepeatedTest|TestFactory|Property|Example)\b')
METHOD = re.compile(r'\bvoid\s+([A-Za-z][A-Za-z0-9_]*)\s*\(')


def snake(name):
    s = re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', name)
    s = re.sub(r'([A-Z]+)([A-Z][a-z])', r'\1_\2', s)
    return s.lower()


def rewrite(path):
    text = open(path, encoding='utf-8').read()
    lines = text.split('\n')
    renames = {}
    pending = False
    for line in lines:
        if ANNOT.search(line):
            pending = True
        if pending:
            m = METHOD.search(line)
            if m:
                name = m.group(1)
                if re.search(r'[A-Z]', name):
                    renames[name] = snake(name)
                pending = False
    if not renames:
        return 0
    for old, new in renames.items():
        text = re.sub(r'\b' + re.escape(old) + r'\b', new, text)
    open(path, 'w', encoding='utf-8').write(text)
    return len(renames)


def main(roots):
    total = 0
    for root in roots:
        for d, _, files in os.walk(root):
            if '/target' in d:
                continue
            for f in files:
                if f.endswith('.java'):
                    n = rewrite(os.path.join(d, f))
                    if n:
                        print(f'{n:4d}  {os.path.join(d, f)}')
                        total += n
    print(f'{total} test methods renamed')


if __name__ == '__main__':
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    roots = sys.argv[1:] or [os.path.join(dp, 'src', 'test', 'java') for dp in
                             (os.path.join(here, m) for m in sorted(os.listdir(here)))
                             if os.path.isdir(os.path.join(dp, 'src', 'test', 'java'))]
    main(roots)
