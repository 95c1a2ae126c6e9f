#!/usr/bin/env python3
"""Growth of every kind on a pathological shape: does each stay linear whatever the input?

For each shape below (one per kind, plus the shared readings), writes a fictional file of N and of
4N units (lines, clauses or names), runs `zglint check --format json` with only that kind's rules
(`--select`), and prints the median CPU time (user + system) of 3 runs of each and their ratio. A
linear kind gives a ratio near 4; a quadratic one near 16. Nothing is asserted: it is measured.

Usage: bench/shapes.py [--bin PATH] [--n N] [SHAPE ...]
    (default: target/release/zglint, after `cargo build --release`; N = 20000)
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HEAD = "中共云岭镇委员会关于巡察集中整改进展情况的通报\n一、整改工作总体情况\n"


def one_item(n):
    """One item heading, then n lines of its rectification text."""
    return HEAD + "二、具体问题\n1.关于村级财务不规范的问题\n" + "整改情况:开展清理,退还资金3万元。\n" * n


def numbered(n):
    """n numbered items, markers of every length (1. … 10000. …)."""
    return HEAD + "二、具体问题\n" + "".join(
        f"{k}.关于档案管理不规范的问题。已完成整改。\n" for k in range(1, n + 1)
    )


def quotes(n):
    """n unclosed quotation marks, one per line."""
    return HEAD + "“\n" * n


def date_lines(n):
    """n date ranges, one per line."""
    return HEAD + "".join(
        f"2024年{k % 12 + 1}月{k % 28 + 1}日至2024年{k % 12 + 1}月{k % 28 + 1}日开展检查。\n"
        for k in range(n)
    )


def date_paragraph(n):
    """n dates in one paragraph with no line break."""
    return HEAD + "".join(f"于2024年{k % 12 + 1}月{k % 28 + 1}日召开会议," for k in range(n)) + "。\n"


def deadlines(n):
    """n deadlines, one per line, each with a completion claim."""
    return HEAD + "".join(
        f"整改时限:2024年{k % 12 + 1}月底前。已于2024年{k % 12 + 1}月{k % 28 + 1}日完成整改。\n"
        for k in range(n)
    )


def tallies(n):
    """n status tallies in one paragraph."""
    return HEAD + "".join(
        f"反馈问题{k + 10}个,已完成整改{k + 5}个,正在整改5个;" for k in range(n)
    ) + "。\n"


def shares(n):
    """One total and n shares of it in one paragraph."""
    return HEAD + "共受理信访件2000件," + "".join(
        f"其他问题{k % 50 + 1}件,占比{(k % 50 + 1) / 20:.2f}%;" for k in range(n)
    ) + "。\n"


def sums(n):
    """n totals with their parts (其中) in one paragraph."""
    return HEAD + "".join(
        f"清退资金{k % 90 + 20}万元,其中退还{k % 90 + 10}万元、上缴10万元;" for k in range(n)
    ) + "。\n"


def same(n):
    """n identical lines."""
    return HEAD + "对村级财务管理开展专项清理,建立台账并每季度检查一次。\n" * n


def restated(n):
    """The same count restated in n paragraphs, every tenth with another figure."""
    return HEAD + "".join(
        f"巡察组共反馈问题{86 if k % 10 else 87}个,均已建立台账。\n" for k in range(n)
    )


def names(n):
    """One list of n names with its count."""
    return HEAD + "对" + "、".join(f"第{k}村" for k in range(n)) + f"{n}个村开展巡察。\n"


def placeholders(n):
    """n lines of template placeholders."""
    return HEAD + "整改责任人:XXX,完成时限:20XX年X月。\n" * n


# shape: (generator, the rule ids it exercises)
SHAPES = {
    "one-item": (one_item, ["count-mismatch", "tally-mismatch", "problem-unanswered"]),
    "numbered": (numbered, ["count-mismatch", "heading-number-skipped", "enumeration-out-of-order"]),
    "quotes": (quotes, ["pair-unclosed", "pair-unopened"]),
    "date-lines": (date_lines, ["date-range-reversed", "date-out-of-order", "date-impossible"]),
    "date-paragraph": (date_paragraph, ["date-out-of-order", "measure-after-report"]),
    "deadlines": (deadlines, ["open-task-past-deadline", "completed-after-report", "time-limit-exceeded"]),
    "tallies": (tallies, ["tally-mismatch", "deadline-tally-mismatch"]),
    "shares": (shares, ["percent-mismatch", "share-of-total-mismatch", "rate-mismatch"]),
    "sums": (sums, ["sum-mismatch", "sum-mismatch-uncertain"]),
    "same": (same, ["rectification-text-duplicated"]),
    "restated": (restated, ["conflicting-figures"]),
    "names": (names, ["list-count-mismatch"]),
    "placeholders": (placeholders, ["placeholder-mark", "date-number-missing", "ordinal-missing"]),
}


def cpu(argv):
    """Median CPU seconds (user + system of the child) of 3 runs."""
    times = []
    for _ in range(3):
        before = os.times()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = os.times()
        times.append(
            after.children_user - before.children_user + after.children_system - before.children_system
        )
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/zglint")
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("shapes", nargs="*")
    args = ap.parse_args()
    known = set(subprocess.run([args.bin, "rules"], capture_output=True, text=True).stdout.split())
    chosen = args.shapes or list(SHAPES)
    with tempfile.TemporaryDirectory() as work:
        print(f"{'shape':<15} {'rules':<60} {'N':>7} {'4N':>7} {'ratio':>6}")
        for name in chosen:
            make, rules = SHAPES[name]
            rules = [r for r in rules if r in known]
            select = ["--select", ",".join(rules)] if rules else []
            row = []
            for n in (args.n, 4 * args.n):
                path = os.path.join(work, f"{name}-{n}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(make(n))
                row.append(cpu([args.bin, "check", "--format", "json", *select, path]))
            ratio = row[1] / row[0] if row[0] > 0 else float("nan")
            print(f"{name:<15} {','.join(rules):<60} {row[0]:>6.2f}s {row[1]:>6.2f}s {ratio:>6.1f}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
