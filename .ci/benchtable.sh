#!/bin/sh
# Turns `go test -bench` output (stdin) into the speed table the README
# quotes: one line per benchmark in milliseconds with its extra metrics,
# then the scaling of BenchmarkLong (in process) and BenchmarkProcess
# (parallax compare as a process) and their ratios to dwdiff.
awk '
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
	ms = ""; extra = ""
	for (i = 3; i < NF; i += 2) {
		if ($(i+1) == "ns/op") ms = $i / 1e6
		else extra = extra sprintf("%s %s ", $i, $(i+1))
		m[name, $(i+1)] = $i
	}
	order[++n] = name; t[name] = ms; x[name] = extra
}
function scaling(kind, target) {
	if (t[kind "/words=2000"] && t[kind "/words=20000"])
		printf "%s: 2k -> 20k words costs %.1fx the time\n", kind, t[kind "/words=20000"] / t[kind "/words=2000"]
	if (t[kind "/words=20000"] && t[kind "/words=200000"])
		printf "%s: 20k -> 200k words costs %.1fx the time (target: at most %dx)\n", kind, t[kind "/words=200000"] / t[kind "/words=20000"], target
}
END {
	printf "| benchmark | ms/op | also |\n| --- | ---: | --- |\n"
	for (i = 1; i <= n; i++) printf "| %s | %.1f | %s|\n", order[i], t[order[i]], x[order[i]]
	printf "\n"
	scaling("Long", 12)
	scaling("Process", 12)
	split("2000 20000 200000", sizes, " ")
	for (i = 1; i <= 3; i++) {
		a = t["Long/words=" sizes[i]]; b = t["Dwdiff/words=" sizes[i]]
		if (a && b) printf "Long/dwdiff at %s words: %.1fx\n", sizes[i], a / b
	}
	for (i = 1; i <= 3; i++) {
		p = "Process/words=" sizes[i]
		if (m[p, "x-dwdiff"]) printf "Process/dwdiff at %s words, same run: %.1fx (%.0f against %.0f ms; parallax CPU %.0f ms, peak RSS %.0f MB)\n", sizes[i], m[p, "x-dwdiff"], t[p], m[p, "dwdiff-ms"], m[p, "cpu-ms"], m[p, "peak-RSS-MB"]
	}
}'
