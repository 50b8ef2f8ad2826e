// Command fangkong is 防控指挥台, the desktop program of a township epidemic
// command post. Without arguments (or with --db) it opens the window; with a
// command (demo, backup, report, …) it works on the command line.
package main

import (
	_ "embed"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"fangkong/app"
	"fangkong/cli"
	"fangkong/ui"
)

// metadata is FyneApp.toml, embedded so that every build, `go build` or
// `fyne package`, reports the same version.
//
//go:embed FyneApp.toml
var metadata string

func main() {
	app.Version = app.VersionFrom(metadata)
	if cli.IsCommand(os.Args[1:]) {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(ui.Run(fyneapp.NewWithID("cn.fangkong.zhihuitai"), os.Args[1:]))
}
