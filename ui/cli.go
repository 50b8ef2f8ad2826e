package ui

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
)

// IsCommand reports whether args ask for a command-line tool rather than
// the window: anything that does not start with an option.
func IsCommand(args []string) bool {
	return len(args) > 0 && !strings.HasPrefix(args[0], "-")
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
	command := args[0]
	if command == "report" {
		if len(args) < 2 || (args[1] != "daily" && args[1] != "weekly") {
			return usage()
		}
		command, args = "report "+args[1], args[1:]
	}
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "")
	scale := fs.String("scale", string(app.ScaleSmall), "")
	to := fs.String("to", "", "")
	dir := fs.String("dir", os.TempDir(), "")
	keep := fs.Bool("keep", false, "")
	logPath := fs.String("log", "", "")
	name := fs.String("name", "", "")
	pin := fs.String("pin", "", "")
	clerk := fs.Bool("clerk", false, "")
	date := fs.String("date", "", "")
	out := fs.String("out", "", "")
	xlsx := fs.String("xlsx", "", "")
	if err := fs.Parse(args[1:]); err != nil || fs.NArg() > 0 {
		return usage()
	}
	open := func() (*app.App, int) {
		if *db == "" {
			return nil, fail(2, lang.L("Please name the database with --db PATH."))
		}
		a, err := app.Open(context.Background(), *db, time.Now)
		if err != nil {
			return nil, fail(1, Message(err))
		}
		return a, 0
	}

	switch command {
	case "report daily", "report weekly":
		if *out == "" && *xlsx == "" {
			return fail(2, lang.L("Please name the output with --out FILE.pdf (and/or --xlsx FILE.xlsx)."))
		}
		day := time.Now()
		if *date != "" {
			d, err := data.ParseDay(*date)
			if err != nil {
				return fail(2, lang.L("Please enter a date such as 2026-11-03."))
			}
			day = d
		}
		a, code := open()
		if a == nil {
			return code
		}
		defer a.Close()
		var err error
		if command == "report daily" {
			err = writeDailyReport(a, day, *out, *xlsx)
		} else {
			err = writeWeeklyReport(a, day, *out)
		}
		if err != nil {
			return fail(1, Message(err))
		}
		fmt.Fprintln(stdout, lang.L("Report written to {{.Path}}", map[string]any{"Path": strings.TrimSpace(*out + " " + *xlsx)}))
		return 0
	case "version":
		fmt.Fprintln(stdout, lang.L("AppName"), app.Version)
		return 0
	case "demo":
		a, code := open()
		if a == nil {
			return code
		}
		defer a.Close()
		if err := a.Demo(context.Background(), app.Scale(*scale)); err != nil {
			return fail(1, Message(err))
		}
		fmt.Fprintln(stdout, lang.L("Demo data written to {{.Path}}", map[string]any{"Path": *db}))
		return 0
	case "selfcheck":
		// A Windows GUI program's console output can vanish, so the steps
		// can also go to a file.
		out := stdout
		if *logPath != "" {
			f, err := os.Create(*logPath)
			if err != nil {
				return fail(1, Message(err))
			}
			defer f.Close()
			out = io.MultiWriter(stdout, f)
		}
		err := app.SelfCheck(context.Background(), *dir, *keep, func(step string) { fmt.Fprintln(out, "✓ "+step) })
		if err != nil {
			fmt.Fprintln(out, lang.L("Self check failed: {{.Why}}", map[string]any{"Why": Message(err)}))
			log.Printf("self check: %v", err)
			return 1
		}
		fmt.Fprintln(out, lang.L("Self check passed."))
		return 0
	case "operator":
		// Sets up an operator or resets a forgotten PIN: whoever can run
		// this can copy the file anyway, so it asks for no PIN itself.
		a, code := open()
		if a == nil {
			return code
		}
		defer a.Close()
		list, err := a.DB.Staff(context.Background(), data.StaffQuery{Text: *name})
		if err != nil {
			return fail(1, Message(err))
		}
		var found []data.Staff
		for _, s := range list {
			if s.Name == strings.TrimSpace(*name) {
				found = append(found, s)
			}
		}
		if len(found) != 1 {
			return fail(1, lang.L("There must be exactly one active staff member named {{.Name}}; there are {{.N}}.", map[string]any{"Name": *name, "N": len(found)}))
		}
		if err := a.DB.SaveOperator(context.Background(), found[0].ID, !*clerk, *pin); err != nil {
			return fail(1, Message(err))
		}
		fmt.Fprintln(stdout, lang.L("{{.Name}} is now an operator.", map[string]any{"Name": found[0].Name}))
		return 0
	case "backup":
		if *to == "" {
			return fail(2, lang.L("Please name the backup folder with --to DIR."))
		}
		a, code := open()
		if a == nil {
			return code
		}
		defer a.Close()
		path, err := a.Backup(context.Background(), *to)
		if err != nil {
			return fail(1, Message(err))
		}
		fmt.Fprintln(stdout, lang.L("Backup written to {{.Path}}", map[string]any{"Path": path}))
		return 0
	}
	return usage()
}

// writeDailyReport writes a day's report for a scheduled task: the one
// issued for that day (the newest version), or, if none was, issues it
// now. Running it twice never makes a second version.
func writeDailyReport(a *app.App, day time.Time, pdfPath, xlsxPath string) error {
	ctx := a.Ctx()
	list, err := a.DB.IssuedReports(ctx)
	if err != nil {
		return err
	}
	var r data.DailyReport
	for _, l := range list {
		if l.Day.Equal(data.StartOfDay(day)) && r.ID == 0 {
			if r, err = a.DB.IssuedReport(ctx, l.ID); err != nil {
				return err
			}
		}
	}
	if r.ID == 0 {
		if r, err = a.DB.IssueReport(ctx, day, "", "", ""); err != nil {
			return err
		}
	}
	if pdfPath != "" {
		if err := writeFile(pdfPath, func(f *os.File) error { return reports.DailyReportPDF(f, r, a.Now()) }); err != nil {
			return err
		}
	}
	if xlsxPath != "" {
		return writeFile(xlsxPath, func(f *os.File) error { return reports.DailyReportWorkbook(f, r) })
	}
	return nil
}

// writeWeeklyReport writes the summary of the seven days ending on day.
func writeWeeklyReport(a *app.App, day time.Time, pdfPath string) error {
	days, err := a.DB.WeekFigures(a.Ctx(), day)
	if err != nil {
		return err
	}
	return writeFile(pdfPath, func(f *os.File) error { return reports.WeeklyReportPDF(f, days, a.Now()) })
}
