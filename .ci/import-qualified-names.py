#!/usr/bin/env python3
"""Replaces fully qualified type names written in code with imports.

    .ci/import-qualified-names.py sharenum-core/src/main/java [more roots…]

For every Java file under the roots: each `some.package.Type` written in code (not in comments, strings, imports
or the package line) becomes `Type`, and `import some.package.Type;` is added — unless that simple name is
already taken in the file (imported from elsewhere, declared in it, a type of its own package, a java.lang type,
or another qualified name with the same simple name), in which case the name is left qualified. Nested types
keep their outer type: `fr.sharenum.model.AlertPreferences.Digest` becomes `AlertPreferences.Digest`. Run it
again after a merge that brought qualified names back; `NoQualifiedNamesTest` lists what is left.
"""
import os
import re
import sys

QUALIFIED = re.compile(r'(?<![\w.])((?:fr\.sharenum|java|javax|jakarta|com\.google|com\.fasterxml|org\.slf4j|net\.fortuna)'
                       r'(?:\.[a-z_][a-z0-9_]*)*)\.([A-Z][A-Za-z0-9_]*)\b')
JAVA_LANG = {'Object', 'String', 'Integer', 'Long', 'Double', 'Boolean', 'Character', 'Byte', 'Short', 'Float',
             'Math', 'System', 'Thread', 'Runnable', 'Iterable', 'Comparable', 'Exception', 'RuntimeException',
             'Error', 'Throwable', 'Class', 'Record', 'Enum', 'Void', 'Number', 'StringBuilder', 'Override',
             'Deprecated', 'SuppressWarnings', 'FunctionalInterface', 'SafeVarargs', 'AutoCloseable',
             'IllegalArgumentException', 'IllegalStateException', 'NullPointerException', 'ThreadLocal',
             'InterruptedException', 'UnsupportedOperationException', 'IndexOutOfBoundsException', 'Process',
             'ClassLoader', 'Module', 'Package', 'CharSequence', 'Cloneable', 'Appendable', 'Readable'}


def code_spans(text):
    """(start, end) of the parts of `text` that are code: outside comments, string and char literals."""
    spans, i, start, n = [], 0, 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            spans.append((start, i))
            i = text.find('\n', i)
            i = n if i < 0 else i
            start = i
        elif text.startswith('/*', i):
            spans.append((start, i))
            j = text.find('*/', i + 2)
            i = n if j < 0 else j + 2
            start = i
        elif text.startswith('"""', i):
            spans.append((start, i))
            j = text.find('"""', i + 3)
            i = n if j < 0 else j + 3
            start = i
        elif c == '"' or c == "'":
            spans.append((start, i))
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            i = j + 1
            start = i
        else:
            i += 1
    spans.append((start, n))
    return spans


def same_package_types(directory):
    return {f[:-5] for f in os.listdir(directory) if f.endswith('.java')}


def process(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    package = re.search(r'^package\s+([\w.]+);', text, re.M)
    package = package.group(1) if package else ''
    imports = dict()  # simple name -> fqn
    for m in re.finditer(r'^import\s+(static\s+)?([\w.]+)\s*;', text, re.M):
        if not m.group(1):
            imports[m.group(2).rsplit('.', 1)[1]] = m.group(2)
    declared = set(re.findall(r'\b(?:class|interface|enum|record)\s+([A-Z]\w*)', text))
    local = same_package_types(os.path.dirname(path))
    header_end = 0
    for m in re.finditer(r'^(?:package|import)\s[^;]*;', text, re.M):
        header_end = m.end()
    wanted = {}  # simple -> set of fqn seen in code
    found = []
    for (s, e) in code_spans(text):
        if e <= header_end:
            continue
        s = max(s, header_end)
        for m in QUALIFIED.finditer(text, s, e):
            fqn = m.group(1) + '.' + m.group(2)
            wanted.setdefault(m.group(2), set()).add(fqn)
            found.append((m.start(), m.end(), m.group(1), m.group(2)))
    if not found:
        return 0
    usable = {}
    for simple, fqns in wanted.items():
        if len(fqns) != 1:
            continue
        fqn = next(iter(fqns))
        pkg = fqn.rsplit('.', 1)[0]
        if simple in imports:
            if imports[simple] == fqn:
                usable[simple] = (fqn, False)
            continue
        if pkg == package:
            usable[simple] = (fqn, False)
            continue
        if pkg == 'java.lang':
            usable[simple] = (fqn, False)
            continue
        if simple in declared or simple in local or simple in JAVA_LANG:
            continue
        usable[simple] = (fqn, True)
    out, last, replaced = [], 0, 0
    for (s, e, pkg, simple) in found:
        if simple in usable and usable[simple][0] == pkg + '.' + simple:
            out.append(text[last:s])
            out.append(simple)
            last = e
            replaced += 1
    out.append(text[last:])
    text = ''.join(out)
    new_imports = sorted(fqn for fqn, add in usable.values() if add)
    if new_imports:
        existing = [m for m in re.finditer(r'^import\s+(?!static)[\w.]+\s*;\n', text, re.M)]
        lines = [f'import {fqn};\n' for fqn in new_imports]
        if existing:
            # add each import after the last existing import of the same top-level group, else after the last
            for line in lines:
                fqn = line[7:-2]
                group = fqn.split('.')[0]
                same = [m for m in re.finditer(r'^import\s+(?!static)([\w.]+)\s*;\n', text, re.M)]
                before = [m for m in same if m.group(1).split('.')[0] == group and m.group(1) < fqn]
                after_group = [m for m in same if m.group(1).split('.')[0] == group]
                if before:
                    at = before[-1].end()
                elif after_group:
                    at = after_group[0].start()
                else:
                    at = same[-1].end()
                text = text[:at] + line + text[at:]
        else:
            m = re.search(r'^package\s[^;]*;\n', text, re.M)
            text = text[:m.end()] + '\n' + ''.join(lines) + text[m.end():]
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return replaced


def main(roots):
    total = 0
    for root in roots:
        for d, _, files in os.walk(root):
            for name in sorted(files):
                if name.endswith('.java') and name not in ('module-info.java', 'package-info.java'):
                    n = process(os.path.join(d, name))
                    if n:
                        print(f'{n:4d}  {os.path.join(d, name)}')
                        total += n
    print(f'{total} qualified names imported')


if __name__ == '__main__':
    main(sys.argv[1:] or ['sharenum-core/src/main/java'])
