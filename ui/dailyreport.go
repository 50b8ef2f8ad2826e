package ui

import (
	"strings"

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

// dailyReports is 报表: the day's 疫情防控工作日报 computed from what was
// recorded, previewed, then issued (its figures frozen) and printed; the
// issued ones listed for reprinting; the weekly summary.
type dailyReports struct {
	win     fyne.Window
	app     *app.App
	draft   data.DailyReport
	drafted string // 重要情况 as last drafted from the cases: replaced by a new draft unless edited
	box     fyne.CanvasObject
	*reportDesk
}

func newDailyReports(w fyne.Window, a *app.App) *dailyReports {
	r := &dailyReports{win: w, app: a}
	r.reportDesk = newReportDesk(newDayPicker(a.Now, r.refresh), r.reprint)
	r.events.SetPlaceHolder(lang.L("Notable events of the day; leave empty when nothing abnormal happened"))
	r.events.SetMinRowsVisible(3)
	r.events.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("Preview"), theme.VisibilityIcon(), r.refresh),
		widget.NewButtonWithIcon(lang.L("Issue and print…"), theme.DocumentPrintIcon(), r.issue),
		widget.NewButtonWithIcon(lang.L("Draft from the cases"), theme.DocumentCreateIcon(), r.redraft),
		widget.NewButtonWithIcon(lang.L("Export Excel"), theme.DownloadIcon(), func() { r.export(".xlsx") }),
		widget.NewButtonWithIcon(lang.L("Export Word"), theme.DocumentIcon(), func() { r.export(".docx") }),
		widget.NewButtonWithIcon(lang.L("Weekly summary"), theme.DocumentIcon(), r.weekly),
		widget.NewButtonWithIcon(lang.L("Report files"), theme.FolderOpenIcon(), func() {
			if err := openFolder(a.SubmissionsDir()); err != nil {
				showMessage(w, lang.L("Reports"), say.Message(err))
			}
		}))
	r.box = r.layout(buttons, 0.62)
	return r
}

func (r *dailyReports) content() fyne.CanvasObject { return r.box }

// refresh computes the chosen day's report and shows it as it would be
// issued, with the issued ones beside.
func (r *dailyReports) refresh() {
	day, ok := r.day.chosen(r.win, lang.L("Reports"))
	if !ok {
		return
	}
	if r.filledBy.Text == "" {
		r.filledBy.SetText(r.app.Operator().Name)
	}
	events, err := r.app.DraftEvents(r.app.Ctx(), day)
	if err != nil {
		showMessage(r.win, lang.L("Reports"), say.Message(err))
		return
	}
	// The draft follows the day and its cases until the clerk edits it.
	if r.events.Text == "" || r.events.Text == r.drafted {
		r.events.SetText(events)
	}
	r.drafted = events
	var issued []data.IssuedReportLine
	r.draft, err = r.app.DB.DraftReport(r.app.Ctx(), day, r.input())
	if err == nil {
		issued, err = r.app.DB.IssuedReports(r.app.Ctx())
	}
	if err != nil {
		showMessage(r.win, lang.L("Reports"), say.Message(err))
		return
	}
	r.showPreview()
	r.list.set(issued)
}

// redraft drafts 重要情况 again from the day's cases, asking first when the
// clerk has edited it.
func (r *dailyReports) redraft() {
	day, ok := r.day.chosen(r.win, lang.L("Reports"))
	if !ok {
		return
	}
	events, err := r.app.DraftEvents(r.app.Ctx(), day)
	if err != nil {
		showMessage(r.win, lang.L("Reports"), say.Message(err))
		return
	}
	replace := func() {
		r.events.SetText(events)
		r.drafted = events
		r.refresh()
	}
	if r.events.Text == "" || r.events.Text == r.drafted {
		replace()
		return
	}
	confirmDialog(r.win, lang.L("Draft from the cases"), lang.L("Replace what was written in 重要情况 with a new draft from the day's cases?"),
		func(yes bool) {
			if yes {
				replace()
			}
		})
}

// showPreview shows the report as it would be issued: its title, then
// each section as the table the PDF and the workbook carry.
func (r *dailyReports) showPreview() {
	d := r.draft
	t := d.Today
	r.preview.Objects = []fyne.CanvasObject{heading(reports.DailyTitle(t.Post) + "  " + reports.DailyNumber(d)),
		widget.NewLabel(strings.TrimSpace(t.Post.PostName + "  " + reports.FormatDate(t.Day) + "  " + reports.Cutoff(t)))}
	r.preview.Objects = append(r.preview.Objects, sectionViews(reports.DailySections(d))...)
	r.preview.Refresh()
}

// sectionViews show a report's sections as its PDF and workbook carry
// them: a heading each, then prose as wrapped lines or a table.
func sectionViews(sections []reports.Table) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, sec := range sections {
		rows := sec.Rows
		out = append(out, heading(sec.Name))
		if len(sec.Header) == 1 {
			// Prose (今日要情, the events): wrapped lines, not a table.
			for _, row := range rows {
				l := widget.NewLabel(row[0])
				l.Wrapping = fyne.TextWrapWord
				out = append(out, l)
			}
			continue
		}
		// Each column as wide as its longest cell, so nothing is cut off;
		// a line of prose (the duty staff, the events) up to 640.
		widths := make([]float32, len(sec.Header))
		total := float32(0)
		for i := range widths {
			widths[i] = cellWidth(sec.Header[i])
			for _, row := range rows {
				if i < len(row) {
					widths[i] = max(widths[i], cellWidth(row[i]))
				}
			}
			widths[i] = min(widths[i], 640)
			total += widths[i]
		}
		table := newTableOf(textColumns(sec.Header, widths)...)
		table.set(rows)
		out = append(out, container.NewHScroll(container.NewGridWrap(fyne.NewSize(total, 38*float32(len(rows)+1)+4), table.view)))
	}
	return out
}

// cellWidth is how wide a table cell must be to show text whole.
func cellWidth(text string) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding() + 4*theme.Padding()
}

// issue asks before issuing, as an official signs: the number and date
// the report will carry and where its figures stop; for a re-issue, every
// figure that changes from the issued version and the 修订说明 to print.
// Only then are the figures frozen and the PDF printed.
func (r *dailyReports) issue() {
	day, ok := r.day.chosen(r.win, lang.L("Reports"))
	if !ok {
		return
	}
	ctx := r.app.Ctx()
	draft, err := r.app.DB.DraftReport(ctx, day, r.input())
	if err != nil {
		showMessage(r.win, lang.L("Issue and print"), say.Message(err))
		return
	}
	f := newForm()
	what := lang.L("Issue {{.Number}} for {{.Date}}?", map[string]any{"Number": reports.DailyNumber(draft), "Date": reports.FormatDate(day)})
	if cut := reports.Cutoff(draft.Today); cut != "" {
		what += "\n" + lang.L("The day is not over: {{.Cutoff}}; the report says so.", map[string]any{"Cutoff": cut})
	}
	if draft.Backfill {
		what += "\n" + lang.L("A later day has been issued already: this one is numbered next and marked 补报.")
	}
	what += "\n" + lang.L("Once issued its figures are frozen; a correction is a revision.")
	summary := widget.NewLabel(what)
	summary.Wrapping = fyne.TextWrapWord
	f.add("summary", "", summary)
	note := newField() // one line: Enter issues
	height := float32(0)
	if draft.Revised() {
		f.wide = true
		old, err := r.app.DB.LatestIssued(ctx, day)
		if err != nil {
			showMessage(r.win, lang.L("Issue and print"), say.Message(err))
			return
		}
		var view fyne.CanvasObject
		view, height = changesView(reports.ReportChanges(old, draft))
		f.add("changes", lang.L("Changes"), view)
		note.SetPlaceHolder(lang.L("Why it is issued again, e.g. 东村村口夜班台账补录"))
		f.add("revision_note", lang.L("Revision note"), note)
	}
	in := r.input()
	dlg := showFormDialog(r.win, lang.L("Issue and print"), lang.L("Issue and print"), f, func() error {
		in.RevisionNote = note.Text
		issued, path, err := r.app.IssueAndPrint(ctx, day, in)
		if err != nil {
			return err
		}
		r.refresh()
		openPrinted(r.win, lang.L("Issue and print"), path, lang.L("The report file for the county (上报文件) is {{.Path}}: copy it onto the USB stick or send it.",
			map[string]any{"Path": r.app.SubmissionPath(issued)}))
		return nil
	})
	if height > 0 {
		dlg.Resize(fyne.NewSize(900, height)) // the changes and the note
		r.win.Canvas().Focus(note)            // the reason is what is asked: type it, Enter issues
	}
}

// changesView lists what a re-issue changes from the issued version, and
// how tall the dialog showing it should be.
func changesView(changes []reports.Change) (fyne.CanvasObject, float32) {
	height := min(620, 330+38*float32(len(changes)))
	if len(changes) == 0 {
		return widget.NewLabel(lang.L("No figure differs from the issued version.")), height
	}
	table := newTableOf(
		col(lang.L("Figure"), 380, func(c reports.Change) string { return c.Figure }),
		col(lang.L("Issued"), 200, func(c reports.Change) string { return c.Was }),
		col(lang.L("Now"), 200, func(c reports.Change) string { return c.Now }))
	table.set(changes)
	return container.NewGridWrap(fyne.NewSize(800, min(300, 38*float32(len(changes)+1)+4)), table.view), height
}

// reprint prints an issued report again, exactly as it was issued.
func (r *dailyReports) reprint(l data.IssuedReportLine) {
	printing(r.win, lang.L("Reports"), func() (string, error) { return r.app.PrintIssuedReport(r.app.Ctx(), l.ID) })
}

// export writes the report shown as a workbook (numbers to compute with)
// or a Word document (to retouch before it goes up).
func (r *dailyReports) export(ext string) {
	draft := r.draft
	exporting(r.win, lang.L("Export"), func() (string, error) { return r.app.ExportReport(draft, ext) })
}

// weekly prints the summary of the seven days ending on the chosen day.
func (r *dailyReports) weekly() {
	day, ok := r.day.chosen(r.win, lang.L("Reports"))
	if !ok {
		return
	}
	printing(r.win, lang.L("Weekly summary"), func() (string, error) { return r.app.PrintWeekly(r.app.Ctx(), day) })
}
