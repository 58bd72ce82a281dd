package cli

import (
	"bytes"
	"context"
	"errors"
	"syscall"
	"testing"

	"ccselect/model"
)

// The workbench's end goes past fang (whose error path first waits up to 2 s for the terminal's
// background colour): a signal's end is the shell's 128 + signal with nothing printed, any other
// error one plain line and status 1, and an error fang already printed keeps its own status.
func TestWorkbenchEndPastFang(t *testing.T) {
	ended := &workbenchEnd{}
	ctx := context.WithValue(context.Background(), workbenchEndKey{}, ended)
	if err := endWorkbench(ctx, nil); err != nil || ended.err != nil {
		t.Fatalf("a clean end: %v, held %v", err, ended.err)
	}
	stopped := &signalExit{sig: syscall.SIGTERM}
	if err := endWorkbench(ctx, stopped); err != nil || ended.err != stopped {
		t.Fatalf("a signal's end reached fang (%v) or was not held (%v)", err, ended.err)
	}
	if err := endWorkbench(context.Background(), stopped); err != stopped {
		t.Fatalf("without Run around it the error must come back as it is: %v", err)
	}
	for _, tc := range []struct {
		name    string
		fangErr error
		ended   error
		code    int
		printed string
	}{
		{"SIGTERM", nil, &signalExit{sig: syscall.SIGTERM}, 143, ""},
		{"SIGHUP", nil, &signalExit{sig: syscall.SIGHUP}, 129, ""},
		{"refused save", nil, errors.New("2 edits were not saved"), ExitData, "ccselect: 2 edits were not saved\n"},
		{"fang's own", errors.New(`unknown flag: --x`), nil, ExitUsage, ""},
		{"clean", nil, nil, ExitOK, ""},
	} {
		var out bytes.Buffer
		if code := finish(&out, model.LangEn, tc.fangErr, &workbenchEnd{err: tc.ended}); code != tc.code || out.String() != tc.printed {
			t.Errorf("%s: exit %d, printed %q; want %d, %q", tc.name, code, out.String(), tc.code, tc.printed)
		}
	}
}
