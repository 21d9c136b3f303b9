package kiosk

import (
	"bytes"
	"testing"

	uv "github.com/cyberdiplo/cyberdiplo/third_party/ultraviolet"
)

// BenchmarkInputFlood: what decoding a flood of typed bytes costs the server
// (the events go to the queue, which keeps the latest maxQueue).
func BenchmarkInputFlood(b *testing.B) {
	in := newInput(func(error) {})
	chunk := bytes.Repeat([]byte("x"), readSize)
	b.SetBytes(int64(len(chunk)))
	for b.Loop() {
		in.take(chunk)
	}
}

// BenchmarkInputPaste: skipping a paste.
func BenchmarkInputPaste(b *testing.B) {
	var d inputDecoder
	chunk := bytes.Repeat([]byte("x"), readSize)
	b.SetBytes(int64(len(chunk)))
	for b.Loop() {
		d.inPaste, d.pasted = true, 0
		d.feed(chunk, false, func(uv.Event) {})
	}
}
