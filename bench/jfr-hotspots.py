#!/usr/bin/env python3
"""Hot spots of a JFR recording, from `jfr print --stack-depth 200 --events jdk.ExecutionSample`.

    bench/jfr-hotspots.py RECORDING.jfr [--top N]

Prints, as shares of all execution samples (every thread): the phase of the ingest each sample belongs to (by the
outermost wirearchive or Spring frame on its stack), the top methods by self time (top frame), the top
wirearchive / H2 / JDBC methods by inclusive time, and self time by package group.
"""
import collections
import re
import subprocess
import sys

PHASES = [  # first match wins, checked from the outermost frame inwards is not needed: any frame on the stack
    ("report step (ReportTasklet)", "org.wirearchive.batch.ingest.ReportTasklet."),
    ("freeze step (FreezeInputsTasklet)", "org.wirearchive.batch.ingest.FreezeInputsTasklet."),
    ("write: StoreWriter (SQL per article)", "org.wirearchive.batch.ingest.StoreWriter."),
    ("process: ParseFileProcessor (sha256 + parse)", "org.wirearchive.batch.ingest.ParseFileProcessor."),
    ("read: the step's reader", "ItemReader"),
    ("chunk/transaction machinery (Spring Batch)", "org.springframework.batch."),
    ("start-up (Spring context, Flyway, schema)", "org.springframework.boot.SpringApplication."),
    ("start-up (class loading, launcher)", "org.springframework.boot.loader."),
]

GROUPS = [
    ("H2 database", "org.h2."),
    ("Spring JDBC", "org.springframework.jdbc."),
    ("Spring Batch", "org.springframework.batch."),
    ("other Spring", "org.springframework."),
    ("wirearchive core extract", "org.wirearchive.core.extract."),
    ("wirearchive core normalize", "org.wirearchive.core.normalize."),
    ("wirearchive core dedup", "org.wirearchive.core.dedup."),
    ("wirearchive core format", "org.wirearchive.core.format."),
    ("wirearchive other", "org.wirearchive."),
    ("jsoup", "org.jsoup."),
    ("java.util.regex", "java.util.regex."),
    ("JDK crypto (SHA-256)", "sun.security."),
    ("JDK io/nio/fs", ("java.io.", "java.nio.", "sun.nio.")),
    ("JDK zip/gzip", "java.util.zip."),
    ("JDK text (Normalizer)", ("java.text.", "jdk.internal.icu.")),
    ("JDK reflection / invoke / class loading", ("java.lang.invoke.", "java.lang.reflect.", "jdk.internal.reflect.",
                                                 "java.lang.ClassLoader", "jdk.internal.loader.")),
    ("JDK collections / strings", ("java.util.", "java.lang.String", "java.lang.AbstractStringBuilder",
                                   "java.lang.StringBuilder", "java.lang.StringLatin1", "java.lang.StringUTF16")),
    ("JFR itself", "jdk.jfr."),
]


def method(frame):
    return re.sub(r"\s+line:.*$", "", frame.strip())


def group(m):
    for name, prefix in GROUPS:
        if m.startswith(prefix if isinstance(prefix, tuple) else (prefix,)):
            return name
    return "other (" + ".".join(m.split("(")[0].split(".")[:2]) + ")"


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(2)
    top = 25
    if "--top" in args:
        top = int(args[args.index("--top") + 1])
    text = subprocess.run(["jfr", "print", "--stack-depth", "200", "--events", "jdk.ExecutionSample", args[0]],
                          check=True, capture_output=True, text=True).stdout
    stacks = []
    for ev in text.split("jdk.ExecutionSample {")[1:]:
        m = re.search(r"stackTrace = \[\n(.*?)\n\s*\]", ev, re.S)
        if not m:
            continue
        frames = [method(f) for f in m.group(1).split("\n") if f.strip() and f.strip() != "..."]
        if frames:
            stacks.append(frames)
    n = len(stacks)
    print(f"{n} execution samples\n")

    phase = collections.Counter()
    for s in stacks:
        joined = "\n".join(s)
        for name, marker in PHASES:
            if marker in joined:
                phase[name] += 1
                break
        else:
            phase["other (JIT/GC threads are not sampled; JVM start, shutdown)"] += 1
    print("| phase | share |\n|---|---:|")
    for k, v in phase.most_common():
        print(f"| {k} | {100 * v / n:.1f}% |")

    self_ = collections.Counter(s[0] for s in stacks)
    print(f"\n| top {top} methods by self time | share |\n|---|---:|")
    for k, v in self_.most_common(top):
        print(f"| `{k}` | {100 * v / n:.1f}% |")

    grp = collections.Counter(group(s[0]) for s in stacks)
    print("\n| self time by package group | share |\n|---|---:|")
    for k, v in grp.most_common(top):
        print(f"| {k} | {100 * v / n:.1f}% |")

    incl = collections.Counter()
    for s in stacks:
        for f in set(s):
            if f.startswith(("org.wirearchive.", "org.springframework.jdbc.core.JdbcTemplate.query(",
                             "org.springframework.jdbc.core.JdbcTemplate.update(", "org.h2.command.Command.execute",
                             "org.h2.engine.SessionLocal.commit", "org.h2.mvstore.MVStore.commit",
                             "java.util.regex.Pattern.compile", "java.util.regex.Matcher.",
                             "java.security.MessageDigest.digest", "java.text.Normalizer.")):
                incl[f] += 1
    print(f"\n| top {top * 2} wirearchive / JDBC / H2 / regex frames by inclusive time | share |\n|---|---:|")
    for k, v in incl.most_common(top * 2):
        print(f"| `{k}` | {100 * v / n:.1f}% |")


if __name__ == "__main__":
    main()
