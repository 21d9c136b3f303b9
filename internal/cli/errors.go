package cli

import (
	"errors"
	"fmt"
)

// exitError carries the exit status a command ends with, and a one-line message
// for standard error (none when the command already said what it had to).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// usageErr is bad input: exit 2, with a message saying what was wrong and what is accepted.
func usageErr(format string, args ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, args...)}
}

// silentExit ends with a status and no message (lint problems, no search hits).
func silentExit(code int) error { return &exitError{code: code} }

// exitCode maps an error from a command to the process's exit status: 2 for bad
// input (cobra's own flag and argument errors included), 1 for anything else.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var e *exitError
	if errors.As(err, &e) {
		return e.code
	}
	return 1
}
