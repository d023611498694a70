#!/usr/bin/env bash
# Side-by-side benchmarks (issue #6): stancedb against sqlite3 and sqlite-utils on a synthetic
# corpus (examples/synth), all in one run on one machine; prints every figure, its ratio, and a
# final Markdown table. Usage: benches/compare.sh [--quick] [--runs N] [--drop-caches]
#        benches/compare.sh --scale [--scale-max F]   (the scaling curve: 0.1×, 1×, 10× the full corpus)
#        benches/compare.sh [--quick | --scale] --data-only   (only make the corpora, ahead of a run)
# (see benches/README.md). A new block of figures: a section calling `median`/`peak_mb` and
# `record` (see "measuring" below); it lands in the printed table with its ratio and target.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=0
RUNS=10
DROP=0
SCALE=0
SCALE_MAX=10
DATA_ONLY=0
while [ $# -gt 0 ]; do
    case $1 in
        --quick) QUICK=1 ;;
        --runs) RUNS=$2; shift ;;
        --drop-caches) DROP=1 ;; # also time (1) with the OS page cache dropped before each run (root)
        --scale) SCALE=1 ;;
        --scale-max) SCALE_MAX=$2; shift ;; # largest factor of the full corpus to run (disk, time)
        --data-only) DATA_ONLY=1 ;; # generate (or migrate) the corpus of this run's sizes, measure nothing
        -h | --help) sed -n '2,8p' "$0" | sed 's/^# //'; exit 0 ;;
        *) echo "compare.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done
# corpus_size FACTOR: the size variables for FACTOR × the full corpus (0.1 = the quick one).
corpus_size() {
    ORGS=$(awk -v f="$1" 'BEGIN { printf "%d", 100000 * f }')
    STATEMENTS=$(awk -v f="$1" 'BEGIN { printf "%d", 10000 * f }')
    SIGS=$(awk -v f="$1" 'BEGIN { printf "%d", 1000000 * f }')
    STANCES=$(awk -v f="$1" 'BEGIN { printf "%d", 200000 * f }')
}
if [ "$QUICK" = 1 ]; then
    SIZE=quick && corpus_size 0.1
else
    SIZE=full && corpus_size 1
fi
DATA=target/bench-data/$SIZE
RES=$DATA/results
BIG_RUNS=3 # runs of the multi-second figures (export, import, matrix at scale)

say() { printf '\n== %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

# ---- tools: install only what is missing, and say how --------------------------------------
apt_install() {
    echo "installing $*: apt-get install -y $*" >&2
    if [ "$(id -u)" = 0 ] && have apt-get; then
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >/dev/null 2>&1 || return 1
    elif have sudo && have apt-get; then
        { sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >/dev/null 2>&1 || return 1
    else
        return 1
    fi
}
say "tools"
have sqlite3 || apt_install sqlite3 || { echo "sqlite3 is required: apt-get install -y sqlite3" >&2; exit 1; }
[ -x /usr/bin/time ] || apt_install time || { echo "/usr/bin/time is required: apt-get install -y time" >&2; exit 1; }
have hyperfine || apt_install hyperfine || echo "hyperfine not found (apt-get install -y hyperfine): timing with a bash loop" >&2
SQLITE_UTILS=""
sqlite_utils_cmd() {
    if have sqlite-utils; then SQLITE_UTILS=sqlite-utils
    elif have python3 && python3 -c 'import sqlite_utils' 2>/dev/null; then SQLITE_UTILS="python3 -m sqlite_utils"
    fi
}
sqlite_utils_cmd
if [ -z "$SQLITE_UTILS" ] && have python3; then
    echo "installing sqlite-utils: pip install sqlite-utils" >&2
    python3 -m pip install -q sqlite-utils >/dev/null 2>&1 || python3 -m pip install -q --user sqlite-utils >/dev/null 2>&1 || true
    sqlite_utils_cmd
fi
[ -n "$SQLITE_UTILS" ] || echo "sqlite-utils not available (pip install sqlite-utils): its figure is skipped" >&2
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1); hyperfine: $(hyperfine --version 2>/dev/null || echo none); sqlite-utils: ${SQLITE_UTILS:-none}" >&2

# ---- measuring ------------------------------------------------------------------------------
# median NAME RUNS WARMUP PREPARE CMD: median wall time in seconds of CMD (a sh command line),
# a new process each run; PREPARE (may be empty) runs untimed before each run.
median() {
    local name=$1 runs=$2 warm=$3 prep=$4 cmd=$5
    if have hyperfine; then
        local args=(--runs "$runs" --warmup "$warm" --style none -n "$name"
            --export-json "$RES/$name.json" --export-csv "$RES/$name.csv")
        [ -n "$prep" ] && args+=(--prepare "$prep")
        if ! hyperfine "${args[@]}" "$cmd" >/dev/null 2>"$RES/$name.err"; then
            echo "   FAILED: $cmd" >&2 && tail -3 "$RES/$name.err" >&2 && echo nan && return
        fi
        awk -F, 'NR == 2 { print $4 }' "$RES/$name.csv"
    else
        local i s e times=()
        for ((i = 0; i < warm; i++)); do
            [ -z "$prep" ] || sh -c "$prep" >/dev/null 2>&1
            sh -c "$cmd" >/dev/null 2>&1 || true
        done
        for ((i = 0; i < runs; i++)); do
            [ -z "$prep" ] || sh -c "$prep" >/dev/null 2>&1
            s=$(date +%s.%N)
            if ! sh -c "$cmd" >/dev/null 2>"$RES/$name.err"; then
                echo "   FAILED: $cmd" >&2 && tail -3 "$RES/$name.err" >&2 && echo nan && return
            fi
            e=$(date +%s.%N)
            times+=("$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.6f", e - s }')")
        done
        printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
    fi
}
# peak_mb CMD…: peak resident memory (MB) of one run, from /usr/bin/time -v; stdout discarded.
peak_mb() {
    /usr/bin/time -v -o "$RES/time-v.txt" "$@" >/dev/null 2>"$RES/peak.err" || { echo nan; return; }
    awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$RES/time-v.txt"
}

ROWS=()
# record FIGURE UNIT STANCEDB BASELINE_NAME BASELINE TARGET: TARGET is "x1.2" (ratio at most)
# or "<20" (stancedb's own figure at most, in UNIT); seconds are shown in ms.
record() {
    local fig=$1 unit=$2 ours=$3 bname=$4 base=$5 target=$6 ratio met shown_ours shown_base
    ratio=$(awk -v a="$ours" -v b="$base" 'BEGIN { if (b + 0 > 0 && a + 0 > 0) printf "%.2f", a / b; else print "-" }')
    case $target in
        x*) met=$(awk -v r="$ratio" -v t="${target#x}" 'BEGIN { print (r == "-") ? "?" : (r <= t ? "yes" : "NO") }')
            target="≤ ${target#x}×" ;;
        "<"*) met=$(awk -v a="$ours" -v u="$unit" -v t="${target#<}" 'BEGIN { if (a == "nan") print "?"; else print ((u == "s" ? a * 1000 : a) <= t + 0 ? "yes" : "NO") }')
            target="≤ ${target#<} $([ "$unit" = s ] && echo ms || echo "$unit")" ;;
        *) met="—" target="—" ;;
    esac
    fmt() { awk -v v="$1" -v u="$unit" 'BEGIN { if (v == "nan" || v == "") print "n/a"; else if (u == "s") { if (v >= 1) printf "%.2f s", v; else if (v >= 0.001) printf "%.1f ms", v * 1000; else printf "%.2f µs", v * 1e6 } else printf "%.1f %s", v, u }'; }
    shown_ours=$(fmt "$ours")
    shown_base=$([ -z "$base" ] && echo "—" || echo "$(fmt "$base") ($bname)")
    printf '   %s: stancedb %s | %s | ratio %s | target %s | met: %s\n' "$fig" "$shown_ours" "$shown_base" "$ratio" "$target" "$met" >&2
    ROWS+=("| $fig | $shown_ours | $shown_base | $ratio | $target | $met |")
}

# ---- build and data -------------------------------------------------------------------------
say "build (release)"
cargo build --release --quiet --bin stancedb --example synth
B=$PWD/target/release/stancedb
SYNTH=$PWD/target/release/examples/synth

# make_corpus: generate the corpus of the current size variables into $DATA once (again only when
# the generator changes), with the databases the figures start from. A new migration alone
# migrates the cached databases forward, as any user's database would be (the data is the same).
make_corpus() {
    local key schema
    key="$(cat examples/synth/*.rs | sha256sum | cut -c1-16) $ORGS $STATEMENTS $SIGS $STANCES"
    schema="$(cat migrations/*.sql | sha256sum | cut -c1-16)"
    if [ "$(cat "$DATA/key" 2>/dev/null)" != "$key" ] || [ ! -f "$DATA/base.sqlite" ]; then
        say "data: generating the $SIZE corpus into $DATA (cached until the generator changes)"
        rm -rf "$DATA" && mkdir -p "$DATA"
        /usr/bin/time -f '   (%e s)' "$SYNTH" --out "$DATA/csv" --db "$DATA/large.sqlite" \
            --orgs "$ORGS" --statements "$STATEMENTS" --signatures "$SIGS" --stances "$STANCES" --seed 42
        "$B" --db "$DATA/seed.sqlite" init >/dev/null
        # The import benchmark loads signatures into a database holding everything else. The
        # positions trigger on deleted signatures would recompute a pair per row (at 10×,
        # 10M rows: longer than the whole generation), so it is set aside for the delete and
        # the positions recomputed from their definition, the current_stances view, as
        # migration V8 did; all in one transaction, the trigger put back from its own SQL.
        cp "$DATA/large.sqlite" "$DATA/base.sqlite"
        local trig=$DATA/positions-ad.sql
        sqlite3 "$DATA/base.sqlite" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger' AND name = 'signatures_positions_ad'" >"$trig"
        sqlite3 "$DATA/base.sqlite" <<SQL
BEGIN;
DROP TRIGGER signatures_positions_ad;
DELETE FROM signatures;
DELETE FROM current_positions;
INSERT INTO current_positions (org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id)
    SELECT org_id, issue_id, value, as_of, evidence, basis, stance_id, signature_id FROM current_stances;
.read $trig
COMMIT;
VACUUM;
SQL
        rm -f "$trig"
        echo "$key" >"$DATA/key"
        echo "$schema" >"$DATA/schema"
    elif [ "$(cat "$DATA/schema" 2>/dev/null)" != "$schema" ]; then
        say "data: migrating the cached $SIZE corpus forward to the current schema"
        for db in large base seed; do
            "$B" --db "$DATA/$db.sqlite" issues >/dev/null
            sqlite3 "$DATA/$db.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
        done
        echo "$schema" >"$DATA/schema"
    fi
    mkdir -p "$DATA/results"
}
[ "$DATA_ONLY" = 1 ] && [ "$SCALE" = 0 ] && { make_corpus; echo "corpus ready in $DATA" >&2; exit 0; }
[ "$SCALE" = 1 ] && { source benches/scale.sh; exit 0; }
make_corpus
SEED_DB=$DATA/seed.sqlite LARGE=$DATA/large.sqlite CSV=$DATA/csv/signatures.csv
q() { sqlite3 "$LARGE" "$1"; }
N_SIGS=$(q "SELECT count(*) FROM signatures")
N_NAMES=$(q "SELECT count(*) FROM names")
echo "large DB: $(q "SELECT count(*) FROM organisations") organisations, $N_NAMES names, $(q "SELECT count(*) FROM documents") documents, $N_SIGS signatures, $(q "SELECT count(*) FROM stances") stances; $(du -h "$LARGE" | cut -f1)" >&2

# The SQL stancedb runs, with the parameters inlined (see src/store/*.rs): same work for sqlite3.
# For matrix, compare and camps the baseline computes the same rows from the current_stances
# view, as a sqlite3 user would; stancedb reads its materialised current_positions (V6).
sig_sql() {
    echo "SELECT printed_group AS [group], position, name_as_printed, org_id, organisation, country, signed_on FROM signatories WHERE statement_id = '$1' ORDER BY group_order, position, signature_id"
}
EXPORT_SQL="SELECT * FROM signatories ORDER BY statement_id, group_order, position, signature_id"

# ---- (1) cold signatories -------------------------------------------------------------------
say "(1) signatories, a new process per run (process start included), CSV to stdout"
SEED_STMT=solidnet-2022-01-18-kazakhstan
per_doc="FROM signatures WHERE document_id LIKE 'synth-%' GROUP BY document_id"
TYPICAL=$(q "SELECT document_id $per_doc ORDER BY count(*), document_id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM (SELECT 1 $per_doc))")
LARGEST=$(q "SELECT document_id $per_doc ORDER BY count(*) DESC, document_id LIMIT 1")
for case in "seed DB|$SEED_DB|$SEED_STMT" "large DB, median statement|$LARGE|$TYPICAL" "large DB, largest statement|$LARGE|$LARGEST"; do
    IFS='|' read -r label db stmt <<<"$case"
    n=$(sqlite3 "$db" "SELECT count(*) FROM signatures WHERE document_id = '$stmt'")
    ours=$(median "sig-$n" "$RUNS" 3 "" "$B --db $db signatories $stmt -f csv")
    base=$(median "sig-$n-sqlite3" "$RUNS" 3 "" "sqlite3 -csv -header $db \"$(sig_sql "$stmt")\"")
    record "(1) signatories, $label ($n rows)" s "$ours" "sqlite3" "$base" x1.2
    if [ "$DROP" = 1 ]; then
        drop="sync; echo 3 > /proc/sys/vm/drop_caches"
        if sh -c "$drop" 2>/dev/null; then
            ours=$(median "sig-$n-cold" "$RUNS" 0 "$drop" "$B --db $db signatories $stmt -f csv")
            base=$(median "sig-$n-cold-sqlite3" "$RUNS" 0 "$drop" "sqlite3 -csv -header $db \"$(sig_sql "$stmt")\"")
            record "(1) signatories, $label, page cache dropped" s "$ours" "sqlite3" "$base" x1.2
        else
            echo "   --drop-caches: cannot write /proc/sys/vm/drop_caches (needs root); skipped" >&2
        fi
    fi
done

# ---- (1b) every query at seed scale ------------------------------------------------------------
say "(1b) every query on the seeded database, a new process per run (process start included)"
for case in \
    "statements|statements" \
    "orgs --member-of SolidNet|orgs --member-of SolidNet" \
    "show КПРФ|show КПРФ --section stances" \
    "signed 'PKP 1930'|signed 'PKP 1930'" \
    "stance KPRF --history|stance KPRF --history" \
    "compare KPRF 'Communist Party of Greece'|compare KPRF 'Communist Party of Greece' --section comparison" \
    "matrix|matrix" \
    "camps csto-kazakhstan-2022|camps csto-kazakhstan-2022 --section organisations" \
    "members SKP-KPSS|members SKP-KPSS" \
    "search кпрф|search кпрф" \
    "check|check"; do
    IFS='|' read -r label args <<<"$case"
    ours=$(median "seed-$(echo "$label" | tr -c 'a-zA-Z0-9' '-')" "$RUNS" 3 "" "$B --db $SEED_DB -f csv $args")
    record "(1b) $label, seed DB" s "$ours" "" "" "<20"
done

# ---- (2) export -----------------------------------------------------------------------------
say "(2) export all $N_SIGS signature rows with names (the signatories view) to CSV"
ours=$(median export "$BIG_RUNS" 1 "" "$B --db $LARGE export signatories -o $RES/export.csv")
base=$(median export-sqlite3 "$BIG_RUNS" 1 "" "sqlite3 -csv -header $LARGE \"$EXPORT_SQL\" > $RES/export-sqlite3.csv")
record "(2) export $N_SIGS signatories rows to CSV" s "$ours" "sqlite3 -csv" "$base" x1.0

# ---- (3) import -----------------------------------------------------------------------------
N_CSV=$(($(wc -l <"$CSV") - 1))
say "(3) import a $N_CSV-row signatures CSV (stancedb: checked, into the full schema; baselines: plain tables)"
IMP=$RES/import.sqlite PLAIN=$RES/plain.sqlite
ours=$(median import "$BIG_RUNS" 0 "cp $DATA/base.sqlite $IMP && rm -f $IMP-wal $IMP-shm" "$B --db $IMP import signatures $CSV")
base=$(median import-sqlite3 "$BIG_RUNS" 0 "rm -f $PLAIN" "sqlite3 $PLAIN \".import --csv $CSV signatures\"")
record "(3) import $N_CSV signatures vs sqlite3 .import" s "$ours" "sqlite3 .import" "$base" x1.5
# The change log's cost (issue #22: at most 15 %): the same import with the log triggers set
# aside by the benchmark switch (STANCEDB_BENCHMARK_LOG_OFF=1, not for users).
nolog=$(median import-log-off "$BIG_RUNS" 0 "cp $DATA/base.sqlite $IMP && rm -f $IMP-wal $IMP-shm" "STANCEDB_BENCHMARK_LOG_OFF=1 $B --db $IMP import signatures $CSV")
record "(3) import $N_CSV signatures, change log on vs off" s "$ours" "the same import, log off" "$nolog" x1.15
# What SQLite alone needs to put the same rows into the same schema (constraints, indexes,
# foreign keys on), from the plain table just imported: the floor for any checked import.
# Two floors: without the positions trigger (SQLite keeps no positions: the honest floor the
# target is measured against), and with it (SQLite keeping positions row by row, as any
# plain-SQL writer does).
FLOOR_INSERT="INSERT INTO signatures SELECT CAST(id AS INTEGER), document_id, org_id, name_as_printed, NULLIF(printed_group, ''), CAST(NULLIF(position, '') AS INTEGER), NULLIF(signed_on, ''), source_id, NULLIF(note, '') FROM p.signatures;"
FLOOR_SQL="PRAGMA foreign_keys = ON; ATTACH '$PLAIN' AS p; BEGIN; DROP TRIGGER signatures_positions_ai; $FLOOR_INSERT COMMIT;"
floor=$(median import-schema-floor "$BIG_RUNS" 0 "cp $DATA/base.sqlite $IMP && rm -f $IMP-wal $IMP-shm" "sqlite3 $IMP \"$FLOOR_SQL\"")
record "(3) import $N_CSV signatures, positions included, vs sqlite3 into the same schema, no positions" s "$ours" "sqlite3 INSERT…SELECT, same schema, no positions trigger" "$floor" x1.2
FLOOR_SQL="PRAGMA foreign_keys = ON; ATTACH '$PLAIN' AS p; BEGIN; $FLOOR_INSERT COMMIT;"
floor=$(median import-schema-floor-triggers 1 0 "cp $DATA/base.sqlite $IMP && rm -f $IMP-wal $IMP-shm" "sqlite3 $IMP \"$FLOOR_SQL\"")
record "(3) import $N_CSV signatures vs sqlite3 into the same schema, positions kept row by row by the triggers" s "$ours" "sqlite3 INSERT…SELECT, same schema" "$floor" ""
if [ -n "$SQLITE_UTILS" ]; then
    su=$(median import-sqlite-utils 1 0 "rm -f $PLAIN" "$SQLITE_UTILS insert $PLAIN signatures $CSV --csv")
    record "(3) import $N_CSV signatures vs sqlite-utils" s "$ours" "sqlite-utils insert --csv" "$su" x0.2
else
    record "(3) import $N_CSV signatures vs sqlite-utils" s "$ours" "sqlite-utils (not installed)" "" x0.2
fi

# ---- (4) peak memory ------------------------------------------------------------------------
say "(4) peak resident memory (/usr/bin/time -v)"
ours=$(peak_mb "$B" --db "$LARGE" export signatories -o "$RES/export.csv")
base=$(peak_mb sqlite3 -csv -header "$LARGE" "$EXPORT_SQL")
record "(4) peak RSS, export $N_SIGS rows" MB "$ours" "sqlite3 -csv" "$base" "<64"
cp "$DATA/base.sqlite" "$IMP" && rm -f "$IMP-wal" "$IMP-shm"
ours=$(peak_mb "$B" --db "$IMP" import signatures "$CSV")
rm -f "$PLAIN"
base=$(peak_mb sqlite3 "$PLAIN" ".import --csv $CSV signatures")
record "(4) peak RSS, import $N_CSV rows" MB "$ours" "sqlite3 .import" "$base" "<64"
# The first query that reads current positions after a bulk load: since V7 the import brings
# them up to date before it commits, so the first run costs what the second does.
# A first run exists once per import: three imports, each followed by its first query and
# three more; the medians of the firsts and of the later runs are compared.
FIRSTS=() LATERS=()
for ((i = 0; i < 3; i++)); do
    if [ "$i" -gt 0 ]; then
        cp "$DATA/base.sqlite" "$IMP" && rm -f "$IMP-wal" "$IMP-shm"
        "$B" --db "$IMP" import signatures "$CSV" >/dev/null
    fi
    FIRSTS+=("$(median first-after-import 1 0 "" "$B --db $IMP -f csv matrix --kind alliance")")
    LATERS+=("$(median second-after-import 3 0 "" "$B --db $IMP -f csv matrix --kind alliance")")
done
mid() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
first=$(mid "${FIRSTS[@]}") second=$(mid "${LATERS[@]}")
record "(4) first query after the import (matrix --kind alliance) vs its second run" s "$first" "second run" "$second" x1.2
ours=$(peak_mb "$B" --db "$IMP" -f csv matrix --kind alliance)
record "(4) first query after the import: peak RSS" MB "$ours" "" "" "<64"

# ---- (6) single edits -------------------------------------------------------------------------
say "(6) single edits on the large DB, positions kept exact by the triggers (a new process per run)"
EDIT_ORG=$(q "SELECT org_id FROM stances WHERE org_id LIKE 'synth-%' GROUP BY org_id ORDER BY count(*) DESC, org_id LIMIT 1")
EDIT_DOC=$(q "SELECT p.document_id FROM statement_positions p JOIN documents d ON d.id = p.document_id WHERE p.document_id LIKE 'synth-%' AND length(d.date) = 10 ORDER BY p.document_id LIMIT 1")
EDIT_DATE=$(q "SELECT date FROM documents WHERE id = '$EDIT_DOC'")
EDIT_ISSUE=$(q "SELECT issue_id FROM statement_positions WHERE document_id = '$EDIT_DOC' LIMIT 1")
SIGNER=$(q "SELECT id FROM organisations WHERE id LIKE 'synth-%' AND id NOT IN (SELECT org_id FROM signatures WHERE document_id = '$EDIT_DOC') ORDER BY id LIMIT 1")
undo_stance="sqlite3 $IMP \"DELETE FROM stances WHERE quote = 'Benchmark edit.'\""
ours=$(median edit-add-stance "$RUNS" 2 "$undo_stance" "$B --db $IMP add stance $EDIT_ORG $EDIT_ISSUE --value oppose --as-of $EDIT_DATE --quote 'Benchmark edit.' --source $EDIT_DOC --evidence own --unverified")
record "(6) add stance (organisation with the most stances)" s "$ours" "" "" "<10"
undo_sign="sqlite3 $IMP \"DELETE FROM signatures WHERE document_id = '$EDIT_DOC' AND org_id = '$SIGNER'\""
ours=$(median edit-sign "$RUNS" 2 "$undo_sign" "$B --db $IMP sign $EDIT_DOC $SIGNER --date $EDIT_DATE --unverified")
record "(6) sign a statement" s "$ours" "" "" "<10"
sh -c "$undo_stance; $undo_sign"

# ---- (7) the first run ------------------------------------------------------------------------
say "(7) the first command on a missing database (create, migrate, seed, answer) vs sqlite3 restoring it"
sqlite3 "$SEED_DB" .dump >"$RES/seed.dump"
FIRST=$RES/first.sqlite RESTORED=$RES/restored.sqlite
ours=$(median first-run "$RUNS" 2 "rm -f $FIRST $FIRST-wal $FIRST-shm" "$B --db $FIRST -f csv signatories $SEED_STMT")
base=$(median first-run-sqlite3 "$RUNS" 2 "rm -f $RESTORED" "sqlite3 $RESTORED < $RES/seed.dump")
record "(7) first run: create, migrate, seed and answer signatories" s "$ours" "sqlite3 restoring the seeded DB from its .dump" "$base" x1.0
rm -f "$FIRST" "$FIRST-wal" "$FIRST-shm" "$RESTORED"

# ---- (5) queries at scale -------------------------------------------------------------------
say "(5) search, matrix, compare, camps on the large DB"
search_sql() {
    echo "SELECT n.org_id, o.name, n.name FROM names n JOIN organisations o ON o.id = n.org_id WHERE n.search_key LIKE '%$1%' ORDER BY length(n.name), n.org_id LIMIT 50"
}
for term in "КПРФ|kprf" "revolutionary communist|revolutionary communist"; do
    IFS='|' read -r text key <<<"$term"
    ours=$(median "search-$key" "$RUNS" 3 "" "$B --db $LARGE search '$text' -f csv")
    base=$(median "search-$key-sqlite3" "$RUNS" 3 "" "sqlite3 $LARGE \"$(search_sql "$key")\"")
    record "(5) search \"$text\" over $N_NAMES names" s "$ours" "sqlite3 LIKE on names" "$base" "<20"
done
KIND=youth_org
N_KIND=$(q "SELECT count(*) FROM organisations WHERE kind = '$KIND'")
MATRIX_SQL="SELECT c.org_id, c.organisation, c.kind, c.country, c.issue_id, c.value FROM current_stances c WHERE c.kind = '$KIND' ORDER BY c.org_id, c.issue_id"
ours=$(median matrix "$BIG_RUNS" 1 "" "$B --db $LARGE matrix --kind $KIND -f csv")
base=$(median matrix-sqlite3 "$BIG_RUNS" 1 "" "sqlite3 $LARGE \"$MATRIX_SQL\"")
record "(5) matrix --kind $KIND ($N_KIND organisations)" s "$ours" "sqlite3 on the current_stances view" "$base" "<200"
ORGS3=$(q "SELECT group_concat(org_id, ' ') FROM (SELECT org_id FROM stances WHERE org_id LIKE 'synth-%' GROUP BY org_id ORDER BY count(*) DESC, org_id LIMIT 3)")
IN_LIST=$(echo "$ORGS3" | sed "s/\([^ ]*\)/'\1'/g; s/ /, /g")
ours=$(median compare "$RUNS" 2 "" "$B --db $LARGE compare $ORGS3 -f csv --section comparison")
base=$(median compare-sqlite3 "$RUNS" 2 "" "sqlite3 $LARGE \"SELECT org_id, issue_id, value, quote, document FROM current_stances WHERE org_id IN ($IN_LIST) ORDER BY issue_id, org_id\"")
record "(5) compare 3 organisations" s "$ours" "sqlite3 on the current_stances view" "$base" x1.2
ISSUE=csto-kazakhstan-2022
CAMPS_SQL="SELECT value, count(*) OVER (PARTITION BY value) AS camp_size, org_id, organisation, kind, country, as_of, evidence, basis, quote, document_id, document, speaker FROM current_stances WHERE issue_id = '$ISSUE' ORDER BY CASE value WHEN 'support' THEN 1 WHEN 'oppose' THEN 2 WHEN 'ambivalent' THEN 3 ELSE 4 END, org_id"
ours=$(median camps "$BIG_RUNS" 1 "" "$B --db $LARGE camps $ISSUE -f csv --section organisations")
base=$(median camps-sqlite3 "$BIG_RUNS" 1 "" "sqlite3 $LARGE \"$CAMPS_SQL\"")
record "(5) camps $ISSUE ($(q "SELECT count(*) FROM current_stances WHERE issue_id = '$ISSUE'") organisations)" s "$ours" "sqlite3 on the current_stances view" "$base" ""

# ---- (8) the HTML report (issue #12; owned by f-report) --------------------------------------
# Self-contained: the seed database, and the quick corpus (10k organisations, 100k signatures)
# whatever the size of this run, generated here if missing (cached like the corpus above).
say "(8) report: the static HTML site of the seed database and of the quick corpus"
REPORT_DATA=target/bench-data/report-quick
REPORT_KEY="$(cat examples/synth/*.rs migrations/*.sql | sha256sum | cut -c1-16) report-quick"
if [ "$(cat "$REPORT_DATA/key" 2>/dev/null)" != "$REPORT_KEY" ] || [ ! -f "$REPORT_DATA/quick.sqlite" ]; then
    rm -rf "$REPORT_DATA" && mkdir -p "$REPORT_DATA"
    "$SYNTH" --out "$REPORT_DATA/csv" --db "$REPORT_DATA/quick.sqlite" \
        --orgs 10000 --statements 1000 --signatures 100000 --stances 20000 --seed 42 >/dev/null
    rm -rf "$REPORT_DATA/csv"
    echo "$REPORT_KEY" >"$REPORT_DATA/key"
fi
SITE=$RES/report-site
ours=$(median report-seed "$RUNS" 1 "rm -rf $SITE" "$B --db $SEED_DB report -o $SITE")
record "(8) report of the seed database ($(find "$SITE" -name '*.html' | wc -l) pages)" s "$ours" "" "" "<1000"
ours=$(median report-quick "$BIG_RUNS" 1 "rm -rf $SITE" "$B --db $REPORT_DATA/quick.sqlite report -o $SITE")
record "(8) report of the quick corpus ($(find "$SITE" -name '*.html' | wc -l) pages)" s "$ours" "" "" "<15000"
rm -rf "$SITE"
ours=$(peak_mb "$B" --db "$REPORT_DATA/quick.sqlite" report -o "$SITE")
record "(8) report of the quick corpus, peak RSS" MB "$ours" "" "" "<128"
rm -rf "$SITE"

# ---- (9) sources in the database (issue #16) ---------------------------------------------------
# Self-contained: a 1 MB text made of the corpus's own names in sentences, matched by
# `mentions` against every name form; and a quote proven against a 100 kB stored text.
say "(9) mentions in a 1 MB text over all $N_NAMES names; a quote proven in a 100 kB text"
TEXT1M=$RES/text-1mb.txt TEXT100K=$RES/text-100kb.txt SRC_DB=$RES/sources.sqlite
sqlite3 "$LARGE" "SELECT name FROM names WHERE rowid % 37 = 0 LIMIT 6000" | awk '
    { n[NR] = $0 }
    END { srand(42); s = 0
        while (s < 1048576) {
            line = "In its statement of " int(1 + rand() * 28) " January the " n[int(1 + rand() * NR)] \
                " denounced the intervention and called on the " n[int(1 + rand() * NR)] \
                " and all workers’ parties to stand together against the repression."
            print line; s += length(line) + 1 } }' >"$TEXT1M"
head -c 100000 "$TEXT1M" | sed '$d' >"$TEXT100K"
QUOTE="called on all parties to prove this quote at the very end"
echo "The statement $QUOTE." >>"$TEXT100K"
cp "$SEED_DB" "$SRC_DB" && rm -f "$SRC_DB-wal" "$SRC_DB-shm"
"$B" --db "$SRC_DB" add document --id bench-100kb --title "Bench 100 kB" --kind statement --languages en --text "$TEXT100K" >/dev/null
# The matcher is kept in the database (V14) and rebuilt by the first `mentions` after a name
# changes: the warm-up runs build it, the timed runs use it; the rebuild is its own figure.
ours=$(median mentions-1mb "$RUNS" 2 "" "$B --db $LARGE mentions $TEXT1M -f csv")
record "(9) mentions in a 1 MB text over $N_NAMES names, process start included (matcher kept)" s "$ours" "" "" "<100"
ours=$(median mentions-1mb-rebuild 3 0 "sqlite3 $LARGE 'DELETE FROM mention_index'" "$B --db $LARGE mentions $TEXT1M -f csv")
record "(9) the same, first run after a name changed (the matcher rebuilt and kept)" s "$ours" "" "" ""
ours=$(median quote-100kb "$RUNS" 3 "" "$B --db $SRC_DB -f csv text bench-100kb --around '$QUOTE'")
record "(9) a quote found in a 100 kB stored text (text --around), process start included" s "$ours" "" "" ""
# The proof at entry: the same add stance with the quote proven against the 100 kB text, and
# with --unverified (no proof); the difference is what proving costs.
entry_prep="cp $SRC_DB $RES/entry.sqlite && rm -f $RES/entry.sqlite-wal $RES/entry.sqlite-shm"
ADD_STANCE="$B --db $RES/entry.sqlite add stance kprf csto-kazakhstan-2022 --value oppose --as-of 2022 --source bench-100kb --quote '$QUOTE'"
proven=$(median quote-entry-100kb "$RUNS" 1 "$entry_prep" "$ADD_STANCE")
unproven=$(median quote-entry-unverified "$RUNS" 1 "$entry_prep" "$ADD_STANCE --unverified")
record "(9) add stance with its quote proven in a 100 kB text (write and commit included)" s "$proven" "the same, --unverified" "$unproven" ""
proof=$(awk -v a="$proven" -v b="$unproven" 'BEGIN { d = a - b; printf "%.6f", (d > 0 ? d : 0) }')
record "(9) proving a quote at entry in a 100 kB text (the difference of the two)" s "$proof" "" "" "<5"
rm -f "$RES/entry.sqlite" "$SRC_DB"

# ---- table ----------------------------------------------------------------------------------
rm -f "$IMP" "$PLAIN" "$RES/export.csv" "$RES/export-sqlite3.csv"
{
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sm); $(sqlite3 --version | cut -d' ' -f1) sqlite3; corpus: $SIZE ($ORGS organisations, $STATEMENTS statements, $SIGS signatures, $STANCES stances, seed 42). Times: median of a new process per run; memory: peak RSS."
    echo
    echo "| figure | stancedb | baseline | ratio | target | met? |"
    echo "| --- | --- | --- | --- | --- | --- |"
    printf '%s\n' "${ROWS[@]}"
} | tee "$RES/results.md"
echo >&2
echo "(also in $RES/results.md; hyperfine JSON per figure in $RES/)" >&2
