// Package cli is the command line of 防控指挥台: demo data, backups, the
// self check, operators and the reports a scheduled task makes. Each
// command is a function that declares the options it takes and returns
// what it does; none opens a window.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// IsCommand reports whether args ask for a command-line tool rather than
// the window: anything that does not start with an option, and the
// requests for help.
func IsCommand(args []string) bool {
	return len(args) > 0 && (!strings.HasPrefix(args[0], "-") || isHelp(args[0]))
}

func isHelp(arg string) bool {
	return arg == "help" || arg == "-h" || arg == "-help" || arg == "--help"
}

// Exit codes.
const (
	done    = 0
	failed  = 1
	misused = 2
)

// command declares its options on fs and returns what it does once they
// are parsed; what it does writes to out.
type command func(fs *flag.FlagSet) func(out io.Writer) error

var commands = map[string]command{
	"demo":          demo,
	"backup":        backup,
	"selfcheck":     selfCheck,
	"operator":      operator,
	"report daily":  reportDaily,
	"report weekly": reportWeekly,
	"version":       version,
}

// misuse is a command called wrongly: exit code 2, with its sentence.
type misuse struct{ msg string }

func (m misuse) Error() string { return m.msg }

// sentence is a failure told in words of its own: exit code 1.
type sentence string

func (s sentence) Error() string { return string(s) }

// errSaid is a failure the command has already told on its own output.
var errSaid = errors.New("failure already told")

// Run runs a command-line tool and returns the exit code: 0 done, 1
// failed, 2 wrongly called. Messages are Chinese sentences on stderr.
func Run(args []string, stdout, stderr io.Writer) int {
	usage := func() int {
		fmt.Fprintln(stderr, lang.L("CLIUsage"))
		return misused
	}
	if len(args) == 0 {
		return usage()
	}
	if isHelp(args[0]) {
		fmt.Fprintln(stdout, lang.L("CLIUsage"))
		return done
	}
	name, rest := args[0], args[1:]
	if name == "report" && len(rest) > 0 {
		name, rest = "report "+rest[0], rest[1:]
	}
	cmd, ok := commands[name]
	if !ok {
		return usage()
	}
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	run := cmd(flags)
	if err := flags.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, lang.L("CLIUsage"))
			return done
		}
		fmt.Fprintln(stderr, lang.L("This command does not take that option.")+"\n"+lang.L("CLIUsage"))
		return misused
	}
	if flags.NArg() > 0 {
		return usage()
	}
	err := run(stdout)
	var m misuse
	var s sentence
	switch {
	case err == nil:
		return done
	case errors.As(err, &m):
		fmt.Fprintln(stderr, m.msg)
		return misused
	case errors.As(err, &s):
		fmt.Fprintln(stderr, string(s))
		return failed
	case errors.Is(err, errSaid):
		return failed
	}
	fmt.Fprintln(stderr, say.Message(err))
	return failed
}

// open opens the database named by --db: one that exists, except when
// mayCreate (demo fills a new one). A mistyped path so creates nothing.
func open(path string, mayCreate bool) (*app.App, error) {
	if path == "" {
		return nil, misuse{lang.L("Please name the database with --db PATH.")}
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && !mayCreate {
		return nil, sentence(lang.L("There is no database file at {{.Path}}; nothing was created.", map[string]any{"Path": path}))
	}
	return app.Open(context.Background(), path, time.Now)
}

func demo(fs *flag.FlagSet) func(io.Writer) error {
	db := fs.String("db", "", "")
	scale := fs.String("scale", string(app.ScaleSmall), "")
	return func(out io.Writer) error {
		a, err := open(*db, true)
		if err != nil {
			return err
		}
		defer a.Close()
		if err := a.Demo(context.Background(), app.Scale(*scale)); err != nil {
			return err
		}
		fmt.Fprintln(out, lang.L("Demo data written to {{.Path}}", map[string]any{"Path": *db}))
		return nil
	}
}

func backup(fs *flag.FlagSet) func(io.Writer) error {
	db := fs.String("db", "", "")
	to := fs.String("to", "", "")
	return func(out io.Writer) error {
		if *to == "" {
			return misuse{lang.L("Please name the backup folder with --to DIR.")}
		}
		a, err := open(*db, false)
		if err != nil {
			return err
		}
		defer a.Close()
		path, err := a.Backup(context.Background(), *to)
		if err != nil {
			return err
		}
		fmt.Fprintln(out, lang.L("Backup written to {{.Path}}", map[string]any{"Path": path}))
		return nil
	}
}

func selfCheck(fs *flag.FlagSet) func(io.Writer) error {
	dir := fs.String("dir", os.TempDir(), "")
	keep := fs.Bool("keep", false, "")
	logPath := fs.String("log", "", "")
	return func(out io.Writer) error {
		// A Windows GUI program's console output can vanish, so the steps
		// can also go to a file.
		if *logPath != "" {
			f, err := os.Create(*logPath)
			if err != nil {
				return err
			}
			defer f.Close()
			out = io.MultiWriter(out, f)
		}
		err := app.SelfCheck(context.Background(), *dir, *keep, func(step string) { fmt.Fprintln(out, "✓ "+step) })
		if err != nil {
			fmt.Fprintln(out, lang.L("Self check failed: {{.Why}}", map[string]any{"Why": say.Message(err)}))
			log.Printf("self check: %v", err)
			return errSaid
		}
		fmt.Fprintln(out, lang.L("Self check passed."))
		return nil
	}
}

// operator sets up an operator or resets a forgotten PIN: whoever can run
// it can copy the file anyway, so it asks for no PIN itself.
func operator(fs *flag.FlagSet) func(io.Writer) error {
	db := fs.String("db", "", "")
	name := fs.String("name", "", "")
	pin := fs.String("pin", "", "")
	clerk := fs.Bool("clerk", false, "")
	return func(out io.Writer) error {
		a, err := open(*db, false)
		if err != nil {
			return err
		}
		defer a.Close()
		list, err := a.DB.Staff(context.Background(), data.StaffQuery{Text: *name})
		if err != nil {
			return err
		}
		var found []data.Staff
		for _, s := range list {
			if s.Name == strings.TrimSpace(*name) {
				found = append(found, s)
			}
		}
		if len(found) != 1 {
			return sentence(lang.L("There must be exactly one active staff member named {{.Name}}; there are {{.N}}.",
				map[string]any{"Name": *name, "N": len(found)}))
		}
		if err := a.DB.SaveOperator(context.Background(), found[0].ID, !*clerk, *pin); err != nil {
			return err
		}
		fmt.Fprintln(out, lang.L("{{.Name}} is now an operator.", map[string]any{"Name": found[0].Name}))
		return nil
	}
}

func version(*flag.FlagSet) func(io.Writer) error {
	return func(out io.Writer) error {
		fmt.Fprintln(out, lang.L("AppName"), app.Version)
		return nil
	}
}
