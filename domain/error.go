package domain

import (
	"errors"
	"fmt"
)

// Error codes let callers (CLI exit status, GUI dialogs) react to the kind of
// failure without parsing messages.
const (
	EINVALID  = "invalid"   // the user gave something we cannot accept
	ENOTFOUND = "not_found" // the thing asked for does not exist
	ECONFLICT = "conflict"  // the operation clashes with existing data
	EINTERNAL = "internal"  // our fault; the message is not for end users
)

// Error is an application error whose Message is written for the analyst:
// it says what is wrong and, where possible, what to do about it.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf builds an *Error with a formatted, user-facing message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	var mc *MergeConflict
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	case errors.As(err, &mc):
		return ECONFLICT
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the user-facing message of the first *Error in err's
// chain; other errors are reported whole since they are all we know.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	default:
		return err.Error()
	}
}

// ErrGone marks the refusal of a write to something deleted for good
// (not merely in the trash): the writer's copy has nowhere to go.
var ErrGone = errors.New("deleted for good")

type goneError struct{ user *Error }

func (e goneError) Error() string   { return e.user.Message }
func (e goneError) Unwrap() []error { return []error{e.user, ErrGone} }

// Gonef is a not-found error that also matches ErrGone.
func Gonef(format string, args ...any) error {
	return goneError{Errorf(ENOTFOUND, format, args...)}
}
