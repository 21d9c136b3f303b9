package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Set at release time with -ldflags "-X github.com/cyberdiplo/cyberdiplo/internal/cli.Version=…".
var (
	Version = ""
	Commit  = ""
	Date    = ""
)

// versionInfo returns the version, commit and build date, from the linker flags or,
// when they were not set, from the build information Go records in the binary.
func versionInfo() (version, commit, date string) {
	version, commit, date = Version, Commit, Date
	if info, ok := debug.ReadBuildInfo(); ok {
		if version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if commit == "" {
					commit = s.Value
				}
			case "vcs.time":
				if date == "" {
					date = s.Value
				}
			case "vcs.modified":
				if s.Value == "true" && commit != "" && Commit == "" {
					commit += "-dirty"
				}
			}
		}
	}
	if version == "" {
		version = "dev"
	}
	if commit == "" {
		commit = "unknown"
	}
	if date == "" {
		date = "unknown"
	}
	return version, commit, date
}

func versionText() string {
	v, c, d := versionInfo()
	return fmt.Sprintf("cyberdiplo %s\ncommit: %s\nbuilt:  %s\ngo:     %s %s/%s\n", v, c, d, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, commit, build date and Go version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprint(cmd.OutOrStdout(), versionText())
			return err
		},
	}
}
