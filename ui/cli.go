package ui

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

// cliFlags are every option of every command; each command declares the
// ones it takes, and any other is refused.
type cliFlags struct {
	db, scale, to, dir, logPath, name, pin, date, out, xlsx string
	keep, clerk                                             bool
}

// commandFlags names the options each command takes.
var commandFlags = map[string][]string{
	"demo":          {"db", "scale"},
	"backup":        {"db", "to"},
	"selfcheck":     {"dir", "keep", "log"},
	"operator":      {"db", "name", "pin", "clerk"},
	"report daily":  {"db", "date", "out", "xlsx"},
	"report weekly": {"db", "date", "out", "xlsx"},
	"version":       {},
}

func (c *cliFlags) set(command string) *flag.FlagSet {
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	strs := map[string]*string{"db": &c.db, "scale": &c.scale, "to": &c.to, "dir": &c.dir, "log": &c.logPath,
		"name": &c.name, "pin": &c.pin, "date": &c.date, "out": &c.out, "xlsx": &c.xlsx}
	bools := map[string]*bool{"keep": &c.keep, "clerk": &c.clerk}
	defaults := map[string]string{"scale": string(app.ScaleSmall), "dir": os.TempDir()}
	for _, name := range commandFlags[command] {
		if p, ok := strs[name]; ok {
			fs.StringVar(p, name, defaults[name], "")
		} else {
			fs.BoolVar(bools[name], name, false, "")
		}
	}
	return fs
}

// RunCommand runs a command-line tool and returns the exit code: 0 done,
// 1 failed, 2 wrongly called. Messages are Chinese sentences on stderr.
func RunCommand(args []string, stdout, stderr io.Writer) int {
	fail := func(code int, msg string) int {
		fmt.Fprintln(stderr, msg)
		return code
	}
	usage := func() int { return fail(2, lang.L("CLIUsage")) }
	if len(args) == 0 {
		return usage()
	}
	if isHelp(args[0]) {
		fmt.Fprintln(stdout, lang.L("CLIUsage"))
		return 0
	}
	command, rest := args[0], args[1:]
	if command == "report" {
		if len(rest) == 0 || (rest[0] != "daily" && rest[0] != "weekly") {
			return usage()
		}
		command, rest = "report "+rest[0], rest[1:]
	}
	if _, ok := commandFlags[command]; !ok {
		return usage()
	}
	var c cliFlags
	flags := c.set(command)
	if err := flags.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, lang.L("CLIUsage"))
			return 0
		}
		return fail(2, lang.L("This command does not take that option.")+"\n"+lang.L("CLIUsage"))
	}
	if flags.NArg() > 0 {
		return usage()
	}
	// open opens the database named by --db: one that exists, except for
	// demo, which fills a new one. A mistyped path then creates nothing.
	open := func(mayCreate bool) (*app.App, int) {
		if c.db == "" {
			return nil, fail(2, lang.L("Please name the database with --db PATH."))
		}
		if _, err := os.Stat(c.db); errors.Is(err, fs.ErrNotExist) && !mayCreate {
			return nil, fail(1, lang.L("There is no database file at {{.Path}}; nothing was created.", map[string]any{"Path": c.db}))
		}
		a, err := app.Open(context.Background(), c.db, time.Now)
		if err != nil {
			return nil, fail(1, say.Message(err))
		}
		return a, 0
	}

	switch command {
	case "report daily", "report weekly":
		if c.out == "" && c.xlsx == "" {
			return fail(2, lang.L("Please name the output with --out FILE.pdf (and/or --xlsx FILE.xlsx)."))
		}
		day := time.Now()
		if c.date != "" {
			d, err := data.ParseDay(c.date)
			if err != nil {
				return fail(2, lang.L("Please enter a date such as 2026-11-03."))
			}
			day = d
		}
		a, code := open(false)
		if a == nil {
			return code
		}
		defer a.Close()
		files := app.ReportFiles{PDF: c.out, XLSX: c.xlsx}
		mode, err := a.DB.Mode(a.Ctx())
		if err != nil {
			return fail(1, say.Message(err))
		}
		submission := ""
		switch {
		case mode == data.CountyMode && command == "report daily":
			_, _, err = a.ScheduledCountyReport(a.Ctx(), day, files)
		case mode == data.CountyMode:
			err = app.ErrCountyMode
		case command == "report daily":
			var r data.DailyReport
			if r, _, err = a.ScheduledDailyReport(a.Ctx(), day, files); err == nil {
				submission = a.SubmissionPath(r)
			}
		default:
			err = a.WriteWeeklyReport(a.Ctx(), day, files)
		}
		if err != nil {
			return fail(1, say.Message(err))
		}
		fmt.Fprintln(stdout, lang.L("Report written to {{.Path}}", map[string]any{"Path": strings.TrimSpace(c.out + " " + c.xlsx)}))
		if submission != "" {
			fmt.Fprintln(stdout, lang.L("Report file for the county: {{.Path}}", map[string]any{"Path": submission}))
		}
		return 0
	case "version":
		fmt.Fprintln(stdout, lang.L("AppName"), app.Version)
		return 0
	case "demo":
		a, code := open(true)
		if a == nil {
			return code
		}
		defer a.Close()
		if err := a.Demo(context.Background(), app.Scale(c.scale)); err != nil {
			return fail(1, say.Message(err))
		}
		fmt.Fprintln(stdout, lang.L("Demo data written to {{.Path}}", map[string]any{"Path": c.db}))
		return 0
	case "selfcheck":
		// A Windows GUI program's console output can vanish, so the steps
		// can also go to a file.
		out := stdout
		if c.logPath != "" {
			f, err := os.Create(c.logPath)
			if err != nil {
				return fail(1, say.Message(err))
			}
			defer f.Close()
			out = io.MultiWriter(stdout, f)
		}
		err := app.SelfCheck(context.Background(), c.dir, c.keep, func(step string) { fmt.Fprintln(out, "✓ "+step) })
		if err != nil {
			fmt.Fprintln(out, lang.L("Self check failed: {{.Why}}", map[string]any{"Why": say.Message(err)}))
			log.Printf("self check: %v", err)
			return 1
		}
		fmt.Fprintln(out, lang.L("Self check passed."))
		return 0
	case "operator":
		// Sets up an operator or resets a forgotten PIN: whoever can run
		// this can copy the file anyway, so it asks for no PIN itself.
		a, code := open(false)
		if a == nil {
			return code
		}
		defer a.Close()
		list, err := a.DB.Staff(context.Background(), data.StaffQuery{Text: c.name})
		if err != nil {
			return fail(1, say.Message(err))
		}
		var found []data.Staff
		for _, s := range list {
			if s.Name == strings.TrimSpace(c.name) {
				found = append(found, s)
			}
		}
		if len(found) != 1 {
			return fail(1, lang.L("There must be exactly one active staff member named {{.Name}}; there are {{.N}}.", map[string]any{"Name": c.name, "N": len(found)}))
		}
		if err := a.DB.SaveOperator(context.Background(), found[0].ID, !c.clerk, c.pin); err != nil {
			return fail(1, say.Message(err))
		}
		fmt.Fprintln(stdout, lang.L("{{.Name}} is now an operator.", map[string]any{"Name": found[0].Name}))
		return 0
	case "backup":
		if c.to == "" {
			return fail(2, lang.L("Please name the backup folder with --to DIR."))
		}
		a, code := open(false)
		if a == nil {
			return code
		}
		defer a.Close()
		path, err := a.Backup(context.Background(), c.to)
		if err != nil {
			return fail(1, say.Message(err))
		}
		fmt.Fprintln(stdout, lang.L("Backup written to {{.Path}}", map[string]any{"Path": path}))
		return 0
	}
	return usage()
}
