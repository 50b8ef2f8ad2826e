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

// open checks the options and opens the database; the day is today
// unless --date names another.
func (o reportOptions) open() (*app.App, time.Time, app.ReportFiles, error) {
	files := app.ReportFiles{PDF: *o.out, XLSX: *o.xlsx}
	if files.PDF == "" && files.XLSX == "" {
		return nil, time.Time{}, files, misuse{lang.L("Please name the output with --out FILE.pdf (and/or --xlsx FILE.xlsx).")}
	}
	day := time.Now()
	if *o.date != "" {
		d, err := data.ParseDay(*o.date)
		if err != nil {
			return nil, day, files, misuse{lang.L("Please enter a date such as 2026-11-03.")}
		}
		day = d
	}
	a, err := open(*o.db, false)
	return a, day, files, err
}

// written says where the files went.
func (o reportOptions) written(out io.Writer) {
	fmt.Fprintln(out, lang.L("Report written to {{.Path}}", map[string]any{"Path": strings.TrimSpace(*o.out + " " + *o.xlsx)}))
}

// reportDaily prints the day's issued report, or issues it if none was:
// a scheduled task running it twice makes no second version. A township
// says where its report file for the county went; a county database makes
// the county's report.
func reportDaily(fs *flag.FlagSet) func(io.Writer) error {
	o := reportFlags(fs)
	return func(out io.Writer) error {
		a, day, files, err := o.open()
		if err != nil {
			return err
		}
		defer a.Close()
		mode, err := a.DB.Mode(a.Ctx())
		if err != nil {
			return err
		}
		if mode == data.CountyMode {
			if _, _, err := a.ScheduledCountyReport(a.Ctx(), day, files); err != nil {
				return err
			}
			o.written(out)
			return nil
		}
		r, _, err := a.ScheduledDailyReport(a.Ctx(), day, files)
		if err != nil {
			return err
		}
		o.written(out)
		fmt.Fprintln(out, lang.L("Report file for the county: {{.Path}}", map[string]any{"Path": a.SubmissionPath(r)}))
		return nil
	}
}

// reportWeekly writes the summary of the seven days ending on the day; a
// county has none.
func reportWeekly(fs *flag.FlagSet) func(io.Writer) error {
	o := reportFlags(fs)
	return func(out io.Writer) error {
		a, day, files, err := o.open()
		if err != nil {
			return err
		}
		defer a.Close()
		mode, err := a.DB.Mode(a.Ctx())
		if err != nil {
			return err
		}
		if mode == data.CountyMode {
			return app.ErrCountyMode
		}
		if err := a.WriteWeeklyReport(a.Ctx(), day, files); err != nil {
			return err
		}
		o.written(out)
		return nil
	}
}
