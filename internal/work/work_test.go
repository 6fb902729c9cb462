package work

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 2, 100} {
		out := make([]int, n)
		Each(n, func(i int) { out[i] = i * i })
		for i, x := range out {
			if x != i*i {
				t.Fatalf("n=%d: out[%d] = %d", n, i, x)
			}
		}
	}
}

// TestEachStartsInOrder: a call that waits for the start of the call
// before it (as corpus's pieces of units wait for their report's tree)
// always finds it started, on one processor or several; a call started
// before one of a smaller index would leave it waiting for good.
func TestEachStartsInOrder(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		const n = 200
		started := make([]chan struct{}, n)
		for i := range started {
			started[i] = make(chan struct{})
		}
		done := make(chan struct{})
		go func() {
			Each(n, func(i int) {
				close(started[i])
				if i > 0 {
					<-started[i-1]
				}
			})
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("GOMAXPROCS %d: a call waits for one of a smaller index never started", procs)
		}
	}
}

// EachWith calls every index once, and no two calls use one scratch at
// the same time; calls reuse scratches (fewer than calls are made).
func TestEachWith(t *testing.T) {
	type scratch struct{ busy bool }
	for _, n := range []int{0, 1, 2, 100} {
		var mu sync.Mutex
		seen := map[*scratch]bool{}
		out := make([]int, n)
		EachWith(n, func(s *scratch, i int) {
			mu.Lock()
			if s.busy {
				t.Errorf("n=%d: call %d got a scratch in use", n, i)
			}
			s.busy = true
			seen[s] = true
			mu.Unlock()
			out[i]++
			mu.Lock()
			s.busy = false
			mu.Unlock()
		})
		for i, x := range out {
			if x != 1 {
				t.Fatalf("n=%d: index %d called %d times", n, i, x)
			}
		}
		if n >= 100 && len(seen) >= n {
			t.Errorf("n=%d: %d scratches for %d calls: none reused", n, len(seen), n)
		}
	}
}

func TestOrdered(t *testing.T) {
	for _, jobs := range []int{1, 2, 4, 16} {
		for _, n := range []int{0, 1, 7, 50} {
			var got []int
			err := Ordered(n, jobs, 2, func(i int) (int, error) { return i * i, nil }, func(i, v int) error {
				if v != i*i {
					t.Errorf("jobs=%d n=%d: result %d for %d", jobs, n, v, i)
				}
				got = append(got, i)
				return nil
			})
			if err != nil || len(got) != n {
				t.Fatalf("jobs=%d n=%d: err %v, %d results", jobs, n, err, len(got))
			}
			for i, x := range got {
				if x != i {
					t.Fatalf("jobs=%d n=%d: result %d handed on %d-th", jobs, n, x, i)
				}
			}
		}
	}
}

// TestOrderedOnePiece checks the piece of a one-piece run, done on the
// calling goroutine: an error of do is returned and nothing emitted, an
// error of emit is returned.
func TestOrderedOnePiece(t *testing.T) {
	errDo, errEmit := errors.New("do"), errors.New("emit")
	for _, tc := range []struct {
		doErr, emitErr, want error
		emitted              int
	}{
		{nil, nil, nil, 1},
		{errDo, nil, errDo, 0},
		{nil, errEmit, errEmit, 1},
	} {
		emitted := 0
		err := Ordered(1, 4, 4, func(i int) (int, error) { return 7, tc.doErr }, func(i, v int) error {
			if i != 0 || v != 7 {
				t.Errorf("emit(%d, %d), want emit(0, 7)", i, v)
			}
			emitted++
			return tc.emitErr
		})
		if err != tc.want || emitted != tc.emitted {
			t.Errorf("do %v, emit %v: got %v after %d emitted, want %v after %d", tc.doErr, tc.emitErr, err, emitted, tc.want, tc.emitted)
		}
	}
}

func TestOrderedStopsAtFirstError(t *testing.T) {
	var mu sync.Mutex
	started := 0
	var emitted []int
	err := Ordered(100, 2, 2, func(i int) (int, error) {
		mu.Lock()
		started++
		mu.Unlock()
		if i == 3 || i == 5 {
			return 0, fmt.Errorf("piece %d", i)
		}
		return i, nil
	}, func(i, v int) error { emitted = append(emitted, i); return nil })
	if err == nil || err.Error() != "piece 3" {
		t.Fatalf("error %v, want piece 3 (the first in order)", err)
	}
	if len(emitted) != 3 {
		t.Errorf("emitted %v, want the 3 before the error", emitted)
	}
	if started > 3+2+2 {
		t.Errorf("%d pieces started: the window should have held them back", started)
	}
}

func TestOrderedWindowBoundsWaiting(t *testing.T) {
	// Piece 0 is slow: no more than window pieces may finish meanwhile.
	release := make(chan struct{})
	var mu sync.Mutex
	done := 0
	go func() {
		time.Sleep(50 * time.Millisecond)
		close(release)
	}()
	var most int
	err := Ordered(20, 4, 4, func(i int) (int, error) {
		if i == 0 {
			<-release
			mu.Lock()
			most = done
			mu.Unlock()
		}
		mu.Lock()
		done++
		mu.Unlock()
		return i, nil
	}, func(i, v int) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if most > 3 {
		t.Errorf("%d pieces finished while the first waited, want at most window-1 = 3", most)
	}
}
