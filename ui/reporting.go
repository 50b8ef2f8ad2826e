package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
	"fangkong/say"
)

// reporting is 报送情况 in county mode: for any day, each township 已报 (on
// time or late), 零报告 or 未报 with its phone to chase it, the day's and
// the month's reporting rates, and the import of report files.
type reporting struct {
	win   fyne.Window
	app   *app.App
	day   *dayPicker
	rate  *widget.Label
	miss  *widget.Label
	c     data.CountyDay
	table *table[data.TownshipDay]
	box   fyne.CanvasObject
}

func newReporting(w fyne.Window, a *app.App) *reporting {
	r := &reporting{win: w, app: a, rate: widget.NewLabel(""), miss: widget.NewLabel("")}
	r.day = newYesterdayPicker(a.Now, r.refresh)
	r.rate.Wrapping = fyne.TextWrapWord
	r.miss.Wrapping = fyne.TextWrapWord
	reported := func(f func(t data.TownshipDay) string) func(data.TownshipDay) string {
		return func(t data.TownshipDay) string {
			if t.Status == data.NotReported {
				return ""
			}
			return f(t)
		}
	}
	r.table = newTableOf(
		col(lang.L("Township"), 120, func(t data.TownshipDay) string { return t.Township.Name }),
		col(lang.L("Status"), 80, func(t data.TownshipDay) string { return reports.StatusText(t.Status) }),
		col(lang.L("Timeliness"), 80, reports.TimelinessText),
		col(lang.L("Number"), 70, reported(func(t data.TownshipDay) string {
			return lang.L("No. {{.N}}", map[string]any{"N": t.Report.Number})
		})),
		col(lang.L("Version"), 60, reported(func(t data.TownshipDay) string {
			version := lang.L("v{{.N}}", map[string]any{"N": t.Report.Version})
			if t.Versions > 1 {
				version += lang.L(" ({{.N}} received)", map[string]any{"N": t.Versions})
			}
			return version
		})),
		col(lang.L("Issued at"), 130, reported(func(t data.TownshipDay) string { return t.Report.IssuedAt.Format("01-02 15:04") })),
		col(lang.L("Imported at"), 130, reported(func(t data.TownshipDay) string { return t.ReceivedAt.Format("01-02 15:04") })),
		col(lang.L("Contact"), 90, func(t data.TownshipDay) string { return t.Township.Contact }),
		col(lang.L("Duty phone"), 130, func(t data.TownshipDay) string { return t.Township.Phone }),
	)
	r.table.mark = func(t data.TownshipDay) widget.Importance {
		switch {
		case t.Status == data.NotReported:
			return widget.DangerImportance
		case !t.OnTime:
			return widget.WarningImportance
		}
		return widget.MediumImportance
	}
	folder := widget.NewButtonWithIcon(lang.L("Import a folder…"), theme.FolderOpenIcon(), func() {
		chooseFolder(w, fileAsk{title: lang.L("Import a folder…")}, r.importFolder)
	})
	folder.Importance = widget.HighImportance
	file := widget.NewButtonWithIcon(lang.L("Import a file…"), theme.FileIcon(), func() {
		// Any file: one that is not a report is explained, not hidden.
		chooseFile(w, fileAsk{title: lang.L("Import a file…")}, func(path string) { r.importFiles([]string{path}) })
	})
	top := container.NewVBox(container.NewHBox(widget.NewLabel(lang.L("Report date")), r.day.box, folder, file), r.miss, r.rate)
	r.box = container.NewBorder(top, nil, nil, nil, r.table.box)
	return r
}

func (r *reporting) content() fyne.CanvasObject { return container.NewPadded(r.box) }

func (r *reporting) refresh() {
	day, ok := r.day.chosen(r.win, lang.L("Reporting"))
	if !ok {
		return
	}
	c, err := r.app.DB.CountyDay(r.app.Ctx(), day)
	if err != nil {
		showMessage(r.win, lang.L("Reporting"), say.Message(err))
		return
	}
	r.c = c
	r.miss.Importance = widget.MediumImportance
	if len(c.Missing()) > 0 {
		r.miss.Importance = widget.DangerImportance
	}
	r.miss.SetText(reports.MissingLine(c))
	r.rate.SetText(reports.FormatDate(c.Day) + "  " + reports.RateLine(c) + "  " +
		lang.L("Due by {{.Deadline}}.", map[string]any{"Deadline": c.Deadline.Format("1月2日 15:04")}))
	r.table.set(c.Townships)
}

// importFolder shows the report files found in a folder (and the folders
// in it), every one ticked, and imports the ticked ones.
func (r *reporting) importFolder(dir string) {
	paths, err := app.ReportFilesIn(dir)
	if err != nil {
		showMessage(r.win, lang.L("Import report files"), say.Message(err))
		return
	}
	if len(paths) == 0 {
		showMessage(r.win, lang.L("Import report files"), lang.L("There is no report file (*.fkrpt) in {{.Dir}}.", map[string]any{"Dir": dir}))
		return
	}
	ticked := make([]bool, len(paths))
	for i := range ticked {
		ticked[i] = true
	}
	list := widget.NewList(func() int { return len(paths) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*widget.Check)
			rel, err := filepath.Rel(dir, paths[id])
			if err != nil {
				rel = paths[id]
			}
			c.Text = rel
			c.OnChanged = nil
			c.SetChecked(ticked[id])
			c.OnChanged = func(on bool) { ticked[id] = on }
			c.Refresh()
		})
	count := widget.NewLabel(lang.L("{{.N}} report files found; untick those not to import.", map[string]any{"N": len(paths)}))
	d := dialog.NewCustomConfirm(lang.L("Import report files"), lang.L("Import"), lang.L("Cancel"),
		container.NewBorder(count, nil, nil, nil, list), func(ok bool) {
			if !ok {
				return
			}
			var chosen []string
			for i, p := range paths {
				if ticked[i] {
					chosen = append(chosen, p)
				}
			}
			r.importFiles(chosen)
		}, r.win)
	d.Resize(fyne.NewSize(720, 520))
	showKeyed(r.win, d, d.Confirm)
}

// importFiles imports report files and lists what became of each: the
// refused ones with their reason, nothing else lost with them.
func (r *reporting) importFiles(paths []string) {
	if len(paths) == 0 {
		return
	}
	receipts, err := r.app.ImportReportFiles(r.app.Ctx(), paths)
	if err != nil {
		showMessage(r.win, lang.L("Import report files"), say.Message(err))
		return
	}
	r.refresh()
	showReceipts(r.win, receipts)
}

// showReceipts lists an import's files: imported, received before, or
// refused and why.
func showReceipts(w fyne.Window, receipts []data.FileReceipt) {
	var got, had, refused int
	for _, rc := range receipts {
		switch rc.Outcome {
		case data.Received:
			got++
		case data.AlreadyReceived:
			had++
		default:
			refused++
		}
	}
	table := newTableOf(
		col(lang.L("File"), 260, func(rc data.FileReceipt) string { return rc.File }),
		col(lang.L("Township"), 90, func(rc data.FileReceipt) string { return rc.Township }),
		col(lang.L("Date"), 100, func(rc data.FileReceipt) string {
			if rc.Day.IsZero() {
				return ""
			}
			return rc.Day.Format("2006-01-02")
		}),
		col(lang.L("Version"), 50, func(rc data.FileReceipt) string {
			if rc.Day.IsZero() {
				return ""
			}
			return lang.L("v{{.N}}", map[string]any{"N": rc.Version})
		}),
		col(lang.L("Result"), 420, receiptText))
	table.mark = func(rc data.FileReceipt) widget.Importance {
		if rc.Outcome == data.Refused {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	table.set(receipts)
	summary := widget.NewLabel(lang.L("{{.Got}} imported, {{.Had}} received before, {{.Refused}} refused.",
		map[string]any{"Got": got, "Had": had, "Refused": refused}))
	d := dialog.NewCustom(lang.L("Import report files"), lang.L("OK"), container.NewBorder(summary, nil, nil, nil, table.box), w)
	d.Resize(fyne.NewSize(980, min(600, 180+38*float32(len(receipts)))))
	showKeyed(w, d, d.Hide)
}

// receiptText is what became of one file, as one sentence.
func receiptText(rc data.FileReceipt) string {
	switch rc.Outcome {
	case data.Received:
		return lang.L("Imported")
	case data.AlreadyReceived:
		return lang.L("Received before: the same file")
	}
	return lang.L("Refused: {{.Reason}}", map[string]any{"Reason": say.Message(rc.Err)})
}
