package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The queue runs one store call at a time in the order issued, and keeps at most one reload
// waiting.
func TestQueueSerialisesCalls(t *testing.T) {
	var q queue
	var ran []string
	op := func(name string, write, load bool) storeOp {
		return storeOp{write: write, load: load, run: func(Store) tea.Msg { ran = append(ran, name); return nil }}
	}
	first := q.push(nil, op("a", true, false))
	if first == nil {
		t.Fatal("an idle queue did not start the call")
	}
	if q.push(nil, op("b", true, false)) != nil || q.push(nil, op("load1", false, true)) != nil {
		t.Fatal("a busy queue started a second call")
	}
	if q.push(nil, op("load2", false, true)) != nil || len(q.pending) != 2 {
		t.Fatalf("a second waiting reload was queued: %d pending", len(q.pending))
	}
	if !q.writing() || q.idle() {
		t.Fatal("queue state wrong while writing")
	}
	cmd := first
	for cmd != nil {
		cmd()
		cmd = q.done(nil)
	}
	if got := len(ran); got != 3 || ran[0] != "a" || ran[1] != "b" || ran[2] != "load1" {
		t.Fatalf("ran %v", ran)
	}
	if !q.idle() || q.writing() {
		t.Fatal("queue not idle at the end")
	}
	// Once the reload has started, a new one may wait again.
	c := q.push(nil, op("load3", false, true))
	if c == nil || q.push(nil, op("load4", false, true)) == nil && len(q.pending) != 1 {
		t.Fatal("reload after a started reload refused")
	}
}
