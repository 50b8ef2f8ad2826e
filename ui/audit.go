package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// actionLabel is the Chinese name of an audited action: zh.json's
// "Audit: <action>", which a test requires of every action.
func actionLabel(a data.Action) string {
	key := "Audit: " + string(a)
	return lang.L(key)
}

// showAudit shows the audit trail (操作日志), newest first, with search.
func showAudit(w fyne.Window, a *app.App) {
	var rows []data.AuditEntry
	search := widget.NewEntry()
	search.SetPlaceHolder(lang.L("Search by operator, action, name or any value"))
	count := widget.NewLabel("")
	headers := []string{lang.L("Time"), lang.L("Operator"), lang.L("Action"), lang.L("Record"), lang.L("Before"), lang.L("After")}
	table := newTable(headers, []float32{165, 110, 110, 90, 200, 270}, func() int { return len(rows) },
		func(row, col int) string {
			e := rows[row]
			switch col {
			case 0:
				return e.At.Format("2006-01-02 15:04:05")
			case 1:
				if e.Operator == "" {
					return lang.L("(no operators set up)")
				}
				return e.Operator
			case 2:
				return actionLabel(e.Action)
			case 3:
				return e.Entity + " " + strconv.FormatInt(e.EntityID, 10)
			case 4:
				return e.Old
			}
			return e.New
		})
	load := func(string) {
		var err error
		rows, err = a.DB.Audit(a.Ctx(), data.AuditQuery{Text: search.Text})
		if err != nil {
			showMessage(w, lang.L("Audit trail"), say.Message(err))
			return
		}
		count.SetText(lang.L("{{.N}} entries (the newest {{.Page}} at most)", map[string]any{"N": len(rows), "Page": data.AuditPage}))
		table.Refresh()
	}
	search.OnChanged = load
	load("")
	d := dialog.NewCustom(lang.L("Audit trail"), lang.L("Close"), container.NewBorder(search, count, nil, nil, table), w)
	d.Resize(fyne.NewSize(1000, 620))
	d.Show()
}
