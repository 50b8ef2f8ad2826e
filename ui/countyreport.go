package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
)

// countyReports is 全县日报 in county mode: the townships' reports of a
// day rolled up, previewed, issued in the county's own numbering and
// printed; the issued ones listed for reprinting.
type countyReports struct {
	win      fyne.Window
	app      *app.App
	day      *dayPicker
	events   *widget.Entry
	filledBy *widget.Entry
	checkBy  *widget.Entry
	signedBy *widget.Entry
	preview  *fyne.Container
	draft    data.CountyReport
	issued   []data.IssuedReportLine
	list     *widget.Table
	box      fyne.CanvasObject
}

func newCountyReports(w fyne.Window, a *app.App) *countyReports {
	r := &countyReports{win: w, app: a, events: widget.NewMultiLineEntry(), filledBy: widget.NewEntry(), checkBy: widget.NewEntry(),
		signedBy: widget.NewEntry(), preview: container.NewVBox()}
	r.day = newYesterdayPicker(a.Now, r.refresh)
	r.events.SetPlaceHolder(lang.L("The county's own notes; the townships' notable events are gathered below"))
	r.events.SetMinRowsVisible(2)
	r.list = newTable([]string{lang.L("Date"), lang.L("Number"), lang.L("Version"), lang.L("Issued at"), lang.L("Operator")},
		[]float32{110, 80, 60, 140, 90}, func() int { return len(r.issued) }, func(row, col int) string {
			l := r.issued[row]
			return []string{l.Day.Format("2006-01-02"), lang.L("No. {{.N}}", map[string]any{"N": l.Number}), strconv.Itoa(l.Version),
				l.IssuedAt.Format("2006-01-02 15:04"), l.Operator}[col]
		})
	r.list.OnSelected = func(id widget.TableCellID) {
		r.list.UnselectAll()
		if id.Row >= 0 && id.Row < len(r.issued) {
			r.reprint(r.issued[id.Row])
		}
	}
	f := newForm()
	f.add("events", lang.L("Notable events"), r.events)
	f.add("filled_by", lang.L("Filled by"), r.filledBy)
	f.add("reviewed_by", lang.L("Reviewed by"), r.checkBy)
	f.add("signed_by", lang.L("Signed by"), r.signedBy)
	issue := widget.NewButtonWithIcon(lang.L("Issue and print…"), theme.DocumentPrintIcon(), r.issue)
	issue.Importance = widget.HighImportance
	buttons := container.NewHBox(widget.NewButtonWithIcon(lang.L("Preview"), theme.VisibilityIcon(), r.refresh), issue,
		widget.NewButtonWithIcon(lang.L("Export Excel"), theme.DownloadIcon(), r.export))
	left := container.NewBorder(container.NewVBox(container.NewHBox(widget.NewLabel(lang.L("Report date")), r.day.box), f.grid, buttons),
		nil, nil, nil, container.NewScroll(r.preview))
	right := container.NewBorder(heading(lang.L("Issued reports (tap one to print it again)")), nil, nil, nil, r.list)
	split := container.NewHSplit(left, right)
	split.SetOffset(0.72)
	r.box = split
	return r
}

func (r *countyReports) content() fyne.CanvasObject { return r.box }

func (r *countyReports) input() data.ReportInput {
	return data.ReportInput{Events: r.events.Text, FilledBy: r.filledBy.Text, ReviewedBy: r.checkBy.Text, SignedBy: r.signedBy.Text}
}

func (r *countyReports) refresh() {
	day, ok := r.day.chosen(r.win, lang.L("County report"))
	if !ok {
		return
	}
	if r.filledBy.Text == "" {
		r.filledBy.SetText(r.app.Operator().Name)
	}
	var err error
	r.draft, err = r.app.DB.DraftCountyReport(r.app.Ctx(), day, r.input())
	if err == nil {
		r.issued, err = r.app.DB.IssuedCountyReports(r.app.Ctx())
	}
	if err != nil {
		showMessage(r.win, lang.L("County report"), Message(err))
		return
	}
	c := r.draft.Day
	r.preview.Objects = append([]fyne.CanvasObject{heading(reports.DailyTitle(c.County) + "  " + reports.CountyNumber(r.draft)),
		widget.NewLabel(c.County.PostName + "  " + reports.FormatDate(c.Day))}, sectionViews(reports.CountySections(r.draft))...)
	r.preview.Refresh()
	r.list.Refresh()
}

// issue asks first, as for a township's report: the number and date, what
// is missing, and for a re-issue the 修订说明.
func (r *countyReports) issue() {
	day, ok := r.day.chosen(r.win, lang.L("County report"))
	if !ok {
		return
	}
	ctx := r.app.Ctx()
	draft, err := r.app.DB.DraftCountyReport(ctx, day, r.input())
	if err != nil {
		showMessage(r.win, lang.L("Issue and print"), Message(err))
		return
	}
	f := newForm()
	what := lang.L("Issue {{.Number}} for {{.Date}}?", map[string]any{"Number": reports.CountyNumber(draft), "Date": reports.FormatDate(day)}) +
		"\n" + reports.MissingLine(draft.Day) + "\n" + lang.L("Once issued its figures are frozen; a correction is a revision.")
	summary := widget.NewLabel(what)
	summary.Wrapping = fyne.TextWrapWord
	f.add("summary", "", summary)
	note := widget.NewEntry()
	height := float32(0)
	if draft.Revised() {
		old, err := r.app.DB.LatestCountyReport(ctx, day)
		if err != nil {
			showMessage(r.win, lang.L("Issue and print"), Message(err))
			return
		}
		var view fyne.CanvasObject
		view, height = changesView(reports.CountyChanges(old, draft))
		f.wide = true
		f.add("changes", lang.L("Changes"), view)
		note.SetPlaceHolder(lang.L("Why it is issued again, e.g. 东关镇补报"))
		f.add("revision_note", lang.L("Revision note"), note)
	}
	dlg := showFormDialog(r.win, lang.L("Issue and print"), lang.L("Issue and print"), f, func() error {
		in := r.input()
		in.RevisionNote = note.Text
		path, err := r.app.OutputPath(r.app.ReportsDir(), reports.DailyTitle(draft.Day.County)+reports.CountyNumber(draft), ".pdf")
		if err != nil {
			return err
		}
		if _, err := r.app.IssueCountyReport(ctx, day, in, app.ReportFiles{PDF: path}); err != nil {
			return err
		}
		r.refresh()
		openPrinted(r.win, lang.L("Issue and print"), path)
		return nil
	})
	if draft.Revised() {
		dlg.Resize(fyne.NewSize(900, height))
		r.win.Canvas().Focus(note)
	}
}

func (r *countyReports) reprint(l data.IssuedReportLine) {
	rep, err := r.app.DB.IssuedCountyReport(r.app.Ctx(), l.ID)
	if err == nil {
		var path string
		if path, err = r.app.OutputPath(r.app.ReportsDir(), reports.DailyTitle(rep.Day.County)+reports.CountyNumber(rep), ".pdf"); err == nil {
			if err = r.app.WriteCountyReport(rep, app.ReportFiles{PDF: path}); err == nil {
				openPrinted(r.win, lang.L("County report"), path)
				return
			}
		}
	}
	showMessage(r.win, lang.L("County report"), Message(err))
}

func (r *countyReports) export() {
	path, err := r.app.OutputPath(r.app.ExportsDir(), reports.DailyTitle(r.draft.Day.County), ".xlsx")
	if err == nil {
		err = r.app.WriteCountyReport(r.draft, app.ReportFiles{XLSX: path})
	}
	if err != nil {
		showMessage(r.win, lang.L("Export"), Message(err))
		return
	}
	showSaved(r.win, path)
}
