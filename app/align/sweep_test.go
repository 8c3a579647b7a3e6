package align

func sweepPolicies() []policy {
	var out []policy
	for _, r := range []float64{0.4, 0.5} {
		for _, b := range []float64{0.1} {
			q := defaultPolicy
			q.RelaxAt, q.BaseRelatedShift = r, b
			out = append(out, q)
		}
	}
	return out
}
