# The scaling curve (issue #13 part 3), sourced by benches/compare.sh --scale after its tools,
# build and measuring helpers: the corpus at 0.1×, 1× and 10× the full size (at most
# --scale-max), and at each size the import and export time per row, three point queries, and
# peak memory; then how each grew from the smallest to the largest size, against its target,
# and a log-log plot (benches/scaling.svg).
FACTORS=()
for f in 0.1 1 10; do
    awk -v f="$f" -v m="$SCALE_MAX" 'BEGIN { exit !(f <= m) }' && FACTORS+=("$f")
done
CURVE=target/bench-data/scaling.tsv
printf 'factor\tsignatures\toperation\tseconds\tpeak_mb\n' >"$CURVE"

# time_and_peak CMD…: "SECONDS PEAK_MB" of one run (wall time and peak RSS from /usr/bin/time).
time_and_peak() {
    /usr/bin/time -f '%e %M' -o "$RES/time-peak.txt" "$@" >/dev/null 2>"$RES/peak.err" || { echo "nan nan"; return; }
    awk '{ printf "%s %.1f\n", $1, $2 / 1024 }' "$RES/time-peak.txt"
}

# scale_point FACTOR: measure one size into $CURVE (one run each above the quick size: the
# multi-second figures are stable to a few percent, and a 10× run is long).
scale_point() {
    local f=$1 runs=3 n_csv n_sigs stmt org t rss
    case $f in
        0.1) SIZE=quick ;;
        1) SIZE=full ;;
        *) SIZE=x$f ;;
    esac
    DATA=target/bench-data/$SIZE RES=target/bench-data/$SIZE/results
    corpus_size "$f"
    make_corpus
    [ "$DATA_ONLY" = 1 ] && return
    awk -v f="$f" 'BEGIN { exit !(f > 0.1) }' && runs=1
    local large=$DATA/large.sqlite imp=$RES/import.sqlite csv=$DATA/csv/signatures.csv
    n_csv=$(($(wc -l <"$csv") - 1))
    n_sigs=$(sqlite3 "$large" "SELECT count(*) FROM signatures")
    say "scale ${f}×: $ORGS organisations, $n_sigs signatures ($(du -h "$large" | cut -f1))"
    # Above the quick size one run each, timed and its peak memory read in the same run.
    if [ "$runs" = 1 ]; then
        cp "$DATA/base.sqlite" "$imp" && rm -f "$imp-wal" "$imp-shm"
        read -r t rss < <(time_and_peak "$B" --db "$imp" import signatures "$csv")
    else
        t=$(median "scale-import" "$runs" 0 "cp $DATA/base.sqlite $imp && rm -f $imp-wal $imp-shm" "$B --db $imp import signatures $csv")
        cp "$DATA/base.sqlite" "$imp" && rm -f "$imp-wal" "$imp-shm"
        rss=$(peak_mb "$B" --db "$imp" import signatures "$csv")
    fi
    rm -f "$imp" "$imp-wal" "$imp-shm"
    printf '%s\t%s\timport (per row)\t%s\t%s\n' "$f" "$n_sigs" "$(awk -v t="$t" -v n="$n_csv" 'BEGIN { printf "%.9f", t / n }')" "$rss" >>"$CURVE"
    if [ "$runs" = 1 ]; then
        read -r t rss < <(time_and_peak "$B" --db "$large" export signatories -o "$RES/export.csv")
    else
        t=$(median "scale-export" "$runs" 0 "" "$B --db $large export signatories -o $RES/export.csv")
        rss=$(peak_mb "$B" --db "$large" export signatories -o "$RES/export.csv")
    fi
    rm -f "$RES/export.csv"
    printf '%s\t%s\texport (per row)\t%s\t%s\n' "$f" "$n_sigs" "$(awk -v t="$t" -v n="$n_sigs" 'BEGIN { printf "%.9f", t / n }')" "$rss" >>"$CURVE"
    local per_doc="FROM signatures WHERE document_id LIKE 'synth-%' GROUP BY document_id"
    stmt=$(sqlite3 "$large" "SELECT document_id $per_doc ORDER BY count(*), document_id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM (SELECT 1 $per_doc))")
    org=$(sqlite3 "$large" "SELECT org_id FROM stances WHERE org_id LIKE 'synth-%' GROUP BY org_id ORDER BY count(*) DESC, org_id LIMIT 1")
    for op in "signatories of the median statement|signatories $stmt" "stance of one organisation|stance $org" "search a name (КПРФ)|search КПРФ"; do
        IFS='|' read -r label args <<<"$op"
        t=$(median "scale-point" "$RUNS" 2 "" "$B --db $large -f csv $args")
        printf '%s\t%s\t%s\t%s\t\n' "$f" "$n_sigs" "$label" "$t" >>"$CURVE"
    done
}

for f in "${FACTORS[@]}"; do
    scale_point "$f"
done
[ "$DATA_ONLY" = 1 ] && { echo "corpora ready for ${FACTORS[*]} ×" >&2; exit 0; }
RES=target/bench-data/scaling-results && mkdir -p "$RES"

# How each operation grew from the smallest size to the largest, against its target.
growth() { # OPERATION TARGET_RATIO
    local first last
    first=$(awk -F'\t' -v op="$1" '$3 == op { print $4; exit }' "$CURVE")
    last=$(awk -F'\t' -v op="$1" '$3 == op { v = $4 } END { print v }' "$CURVE")
    record "scale: $1, ${FACTORS[0]}× → ${FACTORS[-1]}×" s "$last" "at ${FACTORS[0]}×" "$first" "x$2"
}
growth "import (per row)" 1.5
growth "export (per row)" 1.5
growth "signatories of the median statement" 2
growth "stance of one organisation" 2
growth "search a name (КПРФ)" 2
peak=$(awk -F'\t' 'NR > 1 && $5 != "" && $5 + 0 > m { m = $5 + 0 } END { print m + 0 }' "$CURVE")
record "scale: peak RSS, largest at any size (import, export)" MB "$peak" "" "" "<64"

# The curve: time per operation against the number of signatures, log-log.
if have python3; then
    python3 - "$CURVE" benches/scaling.svg <<'PY'
import csv, math, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
ops = list(dict.fromkeys(r["operation"] for r in rows))
xs = [int(r["signatures"]) for r in rows]
ys = [float(r["seconds"]) for r in rows if float(r["seconds"]) > 0]
W, H, L, R, T, B = 760, 440, 80, 250, 30, 50
lx0, lx1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
ly0, ly1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
lx1 = max(lx1, lx0 + 1)
X = lambda v: L + (math.log10(v) - lx0) / (lx1 - lx0) * (W - L - R)
Y = lambda v: H - B - (math.log10(v) - ly0) / (ly1 - ly0) * (H - T - B)
colours = ["#1b6ca8", "#d1495b", "#2e8540", "#edae49", "#6a4c93", "#555"]
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<text x="{L}" y="18" font-size="14">stancedb: time per operation against corpus size (log-log)</text>']
for e in range(lx0, lx1 + 1):
    x = X(10 ** e)
    out.append(f'<line x1="{x:.1f}" y1="{T}" x2="{x:.1f}" y2="{H - B}" stroke="#ddd"/>')
    out.append(f'<text x="{x:.1f}" y="{H - B + 16}" text-anchor="middle">1e{e}</text>')
for e in range(ly0, ly1 + 1):
    y = Y(10 ** e)
    out.append(f'<line x1="{L}" y1="{y:.1f}" x2="{W - R}" y2="{y:.1f}" stroke="#ddd"/>')
    out.append(f'<text x="{L - 6}" y="{y + 4:.1f}" text-anchor="end">1e{e} s</text>')
out.append(f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">signatures in the database</text>')
for i, op in enumerate(ops):
    pts = [(int(r["signatures"]), float(r["seconds"])) for r in rows if r["operation"] == op and float(r["seconds"]) > 0]
    c = colours[i % len(colours)]
    out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (c, " ".join(f"{X(a):.1f},{Y(b):.1f}" for a, b in pts)))
    for a, b in pts:
        out.append(f'<circle cx="{X(a):.1f}" cy="{Y(b):.1f}" r="3.5" fill="{c}"/>')
    out.append(f'<rect x="{W - R + 15}" y="{T + 10 + i * 22}" width="14" height="4" fill="{c}"/>')
    out.append(f'<text x="{W - R + 35}" y="{T + 16 + i * 22}">{op}</text>')
out.append("</svg>")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
    echo "curve: benches/scaling.svg (data: $CURVE)" >&2
else
    echo "python3 not found: no plot (data: $CURVE)" >&2
fi
{
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sm); $(sqlite3 --version | cut -d' ' -f1) sqlite3; scaling run at ${FACTORS[*]} × the full corpus (100k organisations, 1M signatures), seed 42."
    echo
    echo "| size | signatures | operation | time | peak RSS |"
    echo "| --- | --- | --- | --- | --- |"
    awk -F'\t' 'NR > 1 { t = $4 + 0; shown = (t < 0.001) ? sprintf("%.2f µs", t * 1e6) : sprintf("%.1f ms", t * 1e3); printf "| %s× | %s | %s | %s | %s |\n", $1, $2, $3, shown, ($5 == "" ? "" : $5 " MB") }' "$CURVE"
    echo
    echo "| figure | stancedb | baseline | ratio | target | met? |"
    echo "| --- | --- | --- | --- | --- | --- |"
    printf '%s\n' "${ROWS[@]}"
} | tee "$RES/results.md"
