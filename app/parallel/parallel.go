// Package parallel spreads independent work over the processors. Scoring
// claim pairs and featurising training data are embarrassingly parallel;
// one small helper keeps the worker pattern in one place.
package parallel

import (
	"runtime"
	"sync"
)

// For calls f(i) for every i in [0, n), spread over GOMAXPROCS goroutines
// with a stride so neighbouring items (often of similar cost) are shared
// out evenly. It returns when every call has returned; f must be safe to
// call concurrently for different i.
func For(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(i)
			}
		}()
	}
	wg.Wait()
}
