"""Prints a benchmark's figures for one or two builds side by side, with new/old when
there are two (imported by scripts/bench-large.sh and scripts/bench-configurator.sh)."""


def print_table(title, rows, labels):
    """rows: {label: {figure: value}}, every label with the same figures in the same order."""
    print(f"\n{title}")
    print(f"  {'figure':<34}" + "".join(f"{label:>14}" for label in labels) + ("        new/old" if len(labels) == 2 else ""))
    for key in rows[labels[0]]:
        values = [rows[label][key] for label in labels]
        line = f"  {key:<34}" + "".join(f"{v:>14.3f}" if isinstance(v, float) else f"{v:>14}" for v in values)
        if len(values) == 2 and values[0]:
            line += f"  {values[1] / values[0]:>13.3f}"
        print(line)
