// Command cyberdiplo is a terminal browser for a bilingual briefing on Italy's
// cyber diplomacy.
package main

import (
	"context"
	"os"

	"golang.org/x/term"

	"github.com/cyberdiplo/cyberdiplo/internal/cli"
)

func main() {
	enableVT(os.Stdout)
	enableVT(os.Stderr)
	env := cli.Env{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Getenv: os.Getenv}
	if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
		env.Terminal = true
		env.InTerminal = term.IsTerminal(int(os.Stdin.Fd()))
		if w, h, err := term.GetSize(fd); err == nil {
			env.Width, env.Height = w, h
		}
	}
	os.Exit(cli.Execute(context.Background(), os.Args[1:], env))
}
