package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
	"fangkong/say"
)

// countyReports is 全县日报 in county mode: the townships' reports of a
// day rolled up, previewed, issued in the county's own numbering and
// printed; the issued ones listed for reprinting.
type countyReports struct {
	win   fyne.Window
	app   *app.App
	draft data.CountyReport
	box   fyne.CanvasObject
	*reportDesk
}

func newCountyReports(w fyne.Window, a *app.App) *countyReports {
	r := &countyReports{win: w, app: a}
	r.reportDesk = newReportDesk(newYesterdayPicker(a.Now, r.refresh), r.reprint)
	r.events.SetPlaceHolder(lang.L("The county's own notes; the townships' notable events are gathered below"))
	r.events.SetMinRowsVisible(2)
	issue := widget.NewButtonWithIcon(lang.L("Issue and print…"), theme.DocumentPrintIcon(), r.issue)
	issue.Importance = widget.HighImportance
	buttons := container.NewHBox(widget.NewButtonWithIcon(lang.L("Preview"), theme.VisibilityIcon(), r.refresh), issue,
		widget.NewButtonWithIcon(lang.L("Export Excel"), theme.DownloadIcon(), r.export))
	r.box = r.layout(buttons, 0.72)
	return r
}

func (r *countyReports) content() fyne.CanvasObject { return r.box }

func (r *countyReports) refresh() {
	day, ok := r.day.chosen(r.win, lang.L("County report"))
	if !ok {
		return
	}
	if r.filledBy.Text == "" {
		r.filledBy.SetText(r.app.Operator().Name)
	}
	var err error
	var issued []data.IssuedReportLine
	r.draft, err = r.app.DB.DraftCountyReport(r.app.Ctx(), day, r.input())
	if err == nil {
		issued, err = r.app.DB.IssuedCountyReports(r.app.Ctx())
	}
	if err != nil {
		showMessage(r.win, lang.L("County report"), say.Message(err))
		return
	}
	c := r.draft.Day
	r.preview.Objects = append([]fyne.CanvasObject{heading(reports.DailyTitle(c.County) + "  " + reports.CountyNumber(r.draft)),
		widget.NewLabel(c.County.PostName + "  " + reports.FormatDate(c.Day))}, sectionViews(reports.CountySections(r.draft))...)
	r.preview.Refresh()
	r.list.set(issued)
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
		showMessage(r.win, lang.L("Issue and print"), say.Message(err))
		return
	}
	f := newForm()
	what := lang.L("Issue {{.Number}} for {{.Date}}?", map[string]any{"Number": reports.CountyNumber(draft), "Date": reports.FormatDate(day)}) +
		"\n" + reports.MissingLine(draft.Day) + "\n" + lang.L("Once issued its figures are frozen; a correction is a revision.")
	summary := widget.NewLabel(what)
	summary.Wrapping = fyne.TextWrapWord
	f.add("summary", "", summary)
	note := newField()
	height := float32(0)
	if draft.Revised() {
		old, err := r.app.DB.LatestCountyReport(ctx, day)
		if err != nil {
			showMessage(r.win, lang.L("Issue and print"), say.Message(err))
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
		path, err := r.app.IssueCountyAndPrint(ctx, day, in)
		if err != nil {
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

// reprint prints an issued county report again, exactly as it was issued.
func (r *countyReports) reprint(l data.IssuedReportLine) {
	printing(r.win, lang.L("County report"), func() (string, error) { return r.app.PrintIssuedCountyReport(r.app.Ctx(), l.ID) })
}

func (r *countyReports) export() {
	draft := r.draft
	exporting(r.win, lang.L("Export"), func() (string, error) { return r.app.ExportCountyReport(draft) })
}
