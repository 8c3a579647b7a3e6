package fetch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"syscall"
	"time"
)

// Kinds of failure, for errors.Is; the messages of the errors that match
// them say what happened in the editor's words.
var (
	// ErrAddress is an address Parallax cannot fetch (not http or https,
	// no server named).
	ErrAddress = errors.New("not a web address")
	// ErrOffline is a server that could not be reached at all: no
	// network, or a name that could not be looked up.
	ErrOffline = errors.New("could not reach the server")
	// ErrNoServer is a server name that does not exist.
	ErrNoServer = errors.New("no such server")
	// ErrRefused is a server that refused the connection.
	ErrRefused = errors.New("the server refused the connection")
	// ErrTimeout is a server that did not answer in time.
	ErrTimeout = errors.New("the server did not answer in time")
	// ErrSecure is a failed secure (TLS) connection: an invalid or
	// untrusted certificate.
	ErrSecure = errors.New("the secure connection failed")
	// ErrStatus is an error status (4xx, 5xx); Error.Status has it.
	ErrStatus = errors.New("the server answered with an error")
	// ErrTooLarge is a body over the size limit.
	ErrTooLarge = errors.New("the page is too large")
	// ErrRedirects is a redirect loop, or one to another kind of address.
	ErrRedirects = errors.New("too many redirects")
	// ErrCancelled is a fetch the caller cancelled.
	ErrCancelled = errors.New("cancelled")
)

// Error is a failed fetch: its message is for the editor; Kind is one of
// the Err values above, for errors.Is; the cause, if any, unwraps.
type Error struct {
	Kind error
	// Status is the HTTP status of an ErrStatus.
	Status int
	msg    string
	err    error
}

func (e *Error) Error() string { return e.msg }

// Is matches the error's kind.
func (e *Error) Is(target error) bool { return target == e.Kind }

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.err }

// describe words a transport failure for the editor. ctx is the fetch's
// context, to tell a timeout from a cancel.
func describe(ctx context.Context, err error, host string, timeout time.Duration) error {
	var own *Error
	if errors.As(err, &own) { // from checkRedirect
		return own
	}
	var (
		dns      *net.DNSError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		verify   *tls.CertificateVerificationError
		record   tls.RecordHeaderError
		alert    tls.AlertError
		netErr   net.Error
	)
	switch {
	case errors.Is(ctx.Err(), context.Canceled):
		return &Error{Kind: ErrCancelled, msg: "cancelled", err: err}
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) ||
		(errors.As(err, &netErr) && netErr.Timeout()):
		return &Error{Kind: ErrTimeout, msg: fmt.Sprintf("%s did not answer within %s", host, timeout.Round(time.Second/10)), err: err}
	case errors.As(err, &dns) && dns.IsNotFound && online():
		return &Error{Kind: ErrNoServer, msg: fmt.Sprintf("no server called %s was found — check the address (or are you offline?)", host), err: err}
	case errors.As(err, &dns) && dns.IsNotFound:
		return &Error{Kind: ErrOffline, msg: fmt.Sprintf("could not reach %s — are you offline?", host), err: err}
	case errors.As(err, &dns):
		return &Error{Kind: ErrOffline, msg: fmt.Sprintf("could not reach %s — are you offline? (its name could not be looked up)", host), err: err}
	case errors.Is(err, syscall.ECONNREFUSED):
		return &Error{Kind: ErrRefused, msg: fmt.Sprintf("%s refused the connection (is the address right?)", host), err: err}
	case errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETDOWN) ||
		errors.Is(err, syscall.EADDRNOTAVAIL):
		return &Error{Kind: ErrOffline, msg: fmt.Sprintf("could not reach %s — are you offline?", host), err: err}
	case errors.As(err, &unknown):
		return &Error{Kind: ErrSecure, msg: fmt.Sprintf("the secure connection to %s failed: its certificate is not from a trusted authority", host), err: err}
	case errors.As(err, &hostname):
		return &Error{Kind: ErrSecure, msg: fmt.Sprintf("the secure connection to %s failed: its certificate is for another server", host), err: err}
	case errors.As(err, &invalid):
		return &Error{Kind: ErrSecure, msg: fmt.Sprintf("the secure connection to %s failed: its certificate is invalid or expired", host), err: err}
	case errors.As(err, &verify) || errors.As(err, &record) || errors.As(err, &alert):
		return &Error{Kind: ErrSecure, msg: fmt.Sprintf("the secure connection to %s failed", host), err: err}
	}
	return &Error{Kind: ErrOffline, msg: fmt.Sprintf("could not reach %s — are you offline? (%v)", host, rootCause(err)), err: err}
}

// rootCause is the innermost error of a chain, whose message is the
// shortest account of a failure ("connection reset by peer").
func rootCause(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// online reports whether the machine has a network to be offline from: an
// interface that is up, not the loopback, with a routable address. A
// laptop with its Wi-Fi off has none, and its resolver answers "no such
// host" for every name, which is then no sign of a wrong address. A
// variable, so tests can be either.
var online = func() bool {
	ifs, err := net.Interfaces()
	if err != nil {
		return true // cannot tell: do not claim the editor is offline
	}
	for _, i := range ifs {
		if i.Flags&net.FlagUp == 0 || i.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := i.Addrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.IsGlobalUnicast() {
				return true
			}
		}
	}
	return false
}
