#!/bin/sh
# Turns `go test -bench` output (stdin) into the speed table the README
# quotes: one line per benchmark in milliseconds with its extra metrics,
# then the scaling of BenchmarkLong and its ratio to dwdiff.
awk '
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
	ms = ""; extra = ""
	for (i = 3; i < NF; i += 2) {
		if ($(i+1) == "ns/op") ms = $i / 1e6
		else extra = extra sprintf("%s %s ", $i, $(i+1))
	}
	order[++n] = name; t[name] = ms; x[name] = extra
}
END {
	printf "| benchmark | ms/op | also |\n| --- | ---: | --- |\n"
	for (i = 1; i <= n; i++) printf "| %s | %.1f | %s|\n", order[i], t[order[i]], x[order[i]]
	printf "\n"
	if (t["Long/words=2000"] && t["Long/words=20000"])
		printf "Long: 2k -> 20k words costs %.1fx the time\n", t["Long/words=20000"] / t["Long/words=2000"]
	if (t["Long/words=20000"] && t["Long/words=200000"])
		printf "Long: 20k -> 200k words costs %.1fx the time (target: at most 15x)\n", t["Long/words=200000"] / t["Long/words=20000"]
	split("2000 20000 200000", sizes, " ")
	for (i = 1; i <= 3; i++) {
		a = t["Long/words=" sizes[i]]; b = t["Dwdiff/words=" sizes[i]]
		if (a && b) printf "Long/dwdiff at %s words: %.1fx\n", sizes[i], a / b
	}
}'
