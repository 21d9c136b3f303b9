package kiosk_test

import "github.com/cyberdiplo/cyberdiplo/third_party/ansi"

// eachCSI calls fn with the final byte and the parameters of every plain CSI
// sequence (no prefix, no intermediate) in out, as x/ansi's decoder reads them.
func eachCSI(out string, fn func(final byte, params []int)) {
	p := ansi.NewParser()
	var state byte
	for len(out) > 0 {
		seq, _, n, st := ansi.DecodeSequence(out, state, p)
		state, out = st, out[n:]
		if st != ansi.NormalState || len(seq) < 3 || seq[0] != 0x1b || seq[1] != '[' {
			continue
		}
		cmd := ansi.Cmd(p.Command())
		if cmd.Prefix() != 0 || cmd.Intermediate() != 0 {
			continue
		}
		var ps []int
		p.Params().ForEach(-1, func(_, param int, _ bool) { ps = append(ps, param) })
		fn(cmd.Final(), ps)
	}
}
