package align

// sweepPolicies lists the policies TestECBSweep compares: edit it to
// explore, tuning on the train topics only.
func sweepPolicies() []policy {
	var out []policy
	for _, g := range []float64{0.3, 0.32, 0.35} {
		q := defaultPolicy
		q.GroupAt = g
		out = append(out, q)
	}
	return out
}
