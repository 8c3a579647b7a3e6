package align

// sweepPolicies lists the policies TestECBSweep compares: edit it to
// explore, tuning on the train topics only.
func sweepPolicies() []policy {
	var out []policy
	for _, k := range []int{8, 32} {
		q := defaultPolicy
		q.TopK = k
		out = append(out, q)
	}
	return out
}
