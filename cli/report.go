package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/app"
	"fangkong/data"
)

// reportOptions are what both reports take: the database, the day and
// where the files go.
type reportOptions struct{ db, date, out, xlsx *string }

func reportFlags(fs *flag.FlagSet) reportOptions {
	return reportOptions{db: fs.String("db", "", ""), date: fs.String("date", "", ""), out: fs.String("out", "", ""),
		xlsx: fs.String("xlsx", "", "")}
}

// run checks the options, opens the database and does report on it for
// the day (today unless --date names another) into the files named, then
// says where they went. It hands over whether the database is a county's.
func (o reportOptions) run(out io.Writer, report func(a *app.App, day time.Time, files app.ReportFiles, county bool) error) error {
	files := app.ReportFiles{PDF: *o.out, XLSX: *o.xlsx}
	if files.PDF == "" && files.XLSX == "" {
		return misuse{lang.L("Please name the output with --out FILE.pdf (and/or --xlsx FILE.xlsx).")}
	}
	day := time.Now()
	if *o.date != "" {
		d, err := data.ParseDay(*o.date)
		if err != nil {
			return misuse{lang.L("Please enter a date such as 2026-11-03.")}
		}
		day = d
	}
	a, err := open(*o.db, false)
	if err != nil {
		return err
	}
	defer a.Close()
	mode, err := a.DB.Mode(a.Ctx())
	if err != nil {
		return err
	}
	if err := report(a, day, files, mode == data.CountyMode); err != nil {
		return err
	}
	fmt.Fprintln(out, lang.L("Report written to {{.Path}}", map[string]any{"Path": strings.TrimSpace(*o.out + " " + *o.xlsx)}))
	return nil
}

// reportDaily prints the day's issued report, or issues it if none was:
// a scheduled task running it twice makes no second version. A township
// says where its report file for the county went; a county database makes
// the county's report.
func reportDaily(fs *flag.FlagSet) func(io.Writer) error {
	o := reportFlags(fs)
	return func(out io.Writer) error {
		submission := ""
		err := o.run(out, func(a *app.App, day time.Time, files app.ReportFiles, county bool) error {
			if county {
				_, _, err := a.ScheduledCountyReport(a.Ctx(), day, files)
				return err
			}
			r, _, err := a.ScheduledDailyReport(a.Ctx(), day, files)
			submission = a.SubmissionPath(r)
			return err
		})
		if err == nil && submission != "" {
			fmt.Fprintln(out, lang.L("Report file for the county: {{.Path}}", map[string]any{"Path": submission}))
		}
		return err
	}
}

// reportWeekly writes the summary of the seven days ending on the day; a
// county has none.
func reportWeekly(fs *flag.FlagSet) func(io.Writer) error {
	o := reportFlags(fs)
	return func(out io.Writer) error {
		return o.run(out, func(a *app.App, day time.Time, files app.ReportFiles, county bool) error {
			if county {
				return app.ErrCountyMode
			}
			return a.WriteWeeklyReport(a.Ctx(), day, files)
		})
	}
}
