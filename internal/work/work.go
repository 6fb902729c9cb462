// Package work runs independent pieces of work on all processors.
package work

import (
	"runtime"
	"sync"
)

// Each calls f(0) … f(n-1) on as many goroutines as there are processors
// and waits for them. Each call must write only its own results, so that the
// outcome does not depend on the order the calls run in. The calls start in
// order of i: a call may wait for one of a smaller i that waits for none.
func Each(n int, f func(i int)) {
	EachWith(n, func(_ *struct{}, i int) { f(i) })
}

// EachWith calls f(0) … f(n-1) as Each does, handing each call the scratch
// value of its goroutine (a T's zero value at first): the calls that run one
// after another reuse one value and its buffers rather than each allocating
// its own. What f leaves in the scratch must not change what a later call
// computes.
func EachWith[T any](n int, f func(scratch *T, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		var s T
		for i := 0; i < n; i++ {
			f(&s, i)
		}
		return
	}
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s T
			for i := range next {
				f(&s, i)
			}
		}()
	}
	wg.Wait()
}

// Ordered calls do(0) … do(n-1) on up to jobs goroutines and hands each
// result to emit in index order, on the calling goroutine, as soon as the
// results before it have been handed on. At most window results wait for
// their turn (window < jobs counts as jobs): a slow piece holds the others
// back instead of letting finished results pile up, so memory stays bounded
// by window pieces. The first error, of do or emit, in index order, stops
// the work and is returned; pieces not started by then are not started.
func Ordered[T any](n, jobs, window int, do func(i int) (T, error), emit func(i int, v T) error) error {
	if n == 1 {
		// One piece (a corpus of one government): done and handed on here,
		// with no goroutine to start or channel to pass it through.
		v, err := do(0)
		if err == nil {
			err = emit(0, v)
		}
		return err
	}
	jobs = max(1, min(jobs, n))
	window = max(window, jobs)
	type result struct {
		v   T
		err error
	}
	results := make([]chan result, n)
	for i := range results {
		results[i] = make(chan result, 1)
	}
	// A token per piece that may run: window of them at first, one more
	// each time a result is handed on.
	tokens := make(chan struct{}, n)
	for i := 0; i < min(window, n); i++ {
		tokens <- struct{}{}
	}
	stop := make(chan struct{})
	next := make(chan int)
	go func() {
		defer close(next)
		for i := 0; i < n; i++ {
			select {
			case <-tokens:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				v, err := do(i)
				results[i] <- result{v, err}
			}
		}()
	}
	var err error
	for i := 0; i < n; i++ {
		r := <-results[i]
		if err = r.err; err == nil {
			err = emit(i, r.v)
		}
		if err != nil {
			break
		}
		if i+window < n {
			tokens <- struct{}{}
		}
	}
	close(stop)
	for range next {
	}
	wg.Wait()
	return err
}
