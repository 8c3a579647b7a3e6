package align

// sweepPolicies lists the policies TestECBSweep compares: edit it to
// explore, tuning on the train topics only.
func sweepPolicies() []policy {
	var out []policy
	for _, c := range []float64{0.5, 0.7, 1.5} {
		for _, f := range []float64{0, 0.3, 0.35} {
			q := defaultPolicy
			q.AffCap, q.LiftFloor = c, f
			out = append(out, q)
		}
	}
	return out
}
