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
	search := newField()
	search.SetPlaceHolder(lang.L("Search by operator, action, name or any value"))
	count := widget.NewLabel("")
	table := newTableOf(
		col(lang.L("Time"), 165, func(e data.AuditEntry) string { return e.At.Format("2006-01-02 15:04:05") }),
		col(lang.L("Operator"), 110, func(e data.AuditEntry) string {
			if e.Operator == "" {
				return lang.L("(no operators set up)")
			}
			return e.Operator
		}),
		col(lang.L("Action"), 110, func(e data.AuditEntry) string { return actionLabel(e.Action) }),
		col(lang.L("Record"), 90, func(e data.AuditEntry) string {
			return e.Entity + " " + strconv.FormatInt(e.EntityID, 10)
		}),
		col(lang.L("Before"), 200, func(e data.AuditEntry) string { return e.Old }),
		col(lang.L("After"), 270, func(e data.AuditEntry) string { return e.New }),
	)
	load := func(string) {
		rows, err := a.DB.Audit(a.Ctx(), data.AuditQuery{Text: search.Text})
		if err != nil {
			showMessage(w, lang.L("Audit trail"), say.Message(err))
			return
		}
		count.SetText(lang.L("{{.N}} entries (the newest {{.Page}} at most)", map[string]any{"N": len(rows), "Page": data.AuditPage}))
		table.set(rows)
	}
	search.OnChanged = load
	load("")
	d := dialog.NewCustom(lang.L("Audit trail"), lang.L("Close"), container.NewBorder(search, count, nil, nil, table.box), w)
	d.Resize(fyne.NewSize(1000, 620))
	showKeyed(w, d, d.Hide)
}
