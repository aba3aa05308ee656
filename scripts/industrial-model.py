#!/usr/bin/env python3
"""Writes an industrial-size product model in DIMACS CNF to stdout (issue 18's configurator rows).

   scripts/industrial-model.py [COPIES]      (default: 6)

The model is COPIES renamed copies of the automotive product line in
Tests/ConfiguratorTests/Models/automotive01.dimacs (2,513 variables and 10,300 clauses each,
MIT-licensed, see the LICENSE beside it), tied together: in every copy after the first, its
first option is equivalent to the first copy's, so a choice in one line constrains the
others. Each variable keeps its `c N NAME` line, named `LINE<k>_NAME`, so every one becomes
an option of the imported product.
"""
import pathlib
import sys

copies = int(sys.argv[1]) if len(sys.argv) > 1 else 6
source = pathlib.Path(__file__).resolve().parent.parent / "Tests/ConfiguratorTests/Models/automotive01.dimacs"
names, clauses, variables = [], [], 0
for line in source.read_text().splitlines():
    if line.startswith("c "):
        number, name = line[2:].split(" ", 1)
        names.append((int(number), name))
    elif line.startswith("p cnf"):
        variables = int(line.split()[2])
    elif line.strip():
        clauses.append([int(literal) for literal in line.split()[:-1]])

out = []
for copy in range(copies):
    offset = copy * variables
    out += [f"c {number + offset} LINE{copy}_{name}" for number, name in names]
ties = [[-(1 + copy * variables), 1] for copy in range(1, copies)] + [[1 + copy * variables, -1] for copy in range(1, copies)]
out.append(f"p cnf {copies * variables} {copies * len(clauses) + len(ties)}")
for copy in range(copies):
    offset = copy * variables
    out += [" ".join(str(literal + offset if literal > 0 else literal - offset) for literal in clause) + " 0" for clause in clauses]
out += [" ".join(map(str, tie)) + " 0" for tie in ties]
print("\n".join(out))
