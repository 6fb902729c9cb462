// Package work runs independent pieces of work on all processors.
package work

import (
	"runtime"
	"sync"
)

// Each calls f(0) … f(n-1) on as many goroutines as there are processors
// and waits for them. Each call must write only its own results, so that the
// outcome does not depend on the order the calls run in.
func Each(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
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
			for i := range next {
				f(i)
			}
		}()
	}
	wg.Wait()
}
