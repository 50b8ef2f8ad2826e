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

// actionLabel is the Chinese name of an audited action.
func actionLabel(action string) string {
	switch action {
	case "add staff":
		return lang.L("Audit: add staff")
	case "edit staff":
		return lang.L("Audit: edit staff")
	case "deactivate staff":
		return lang.L("Audit: deactivate staff")
	case "reactivate staff":
		return lang.L("Audit: reactivate staff")
	case "save post info":
		return lang.L("Audit: save post info")
	case "save isolation rules":
		return lang.L("Audit: save isolation rules")
	case "add site":
		return lang.L("Audit: add site")
	case "edit site":
		return lang.L("Audit: edit site")
	case "add rooms":
		return lang.L("Audit: add rooms")
	case "set room out of service":
		return lang.L("Audit: set room out of service")
	case "disinfect":
		return lang.L("Audit: disinfect")
	case "check in":
		return lang.L("Audit: check in")
	case "move guest":
		return lang.L("Audit: move guest")
	case "change release":
		return lang.L("Audit: change release")
	case "end isolation":
		return lang.L("Audit: end isolation")
	case "record temperature":
		return lang.L("Audit: record temperature")
	case "record test":
		return lang.L("Audit: record test")
	case "save operator":
		return lang.L("Audit: save operator")
	case "save checkpoint":
		return lang.L("Audit: save checkpoint")
	case "register":
		return lang.L("Audit: register")
	case "void registration":
		return lang.L("Audit: void registration")
	case "save tally":
		return lang.L("Audit: save tally")
	case "restore":
		return lang.L("Audit: restore")
	case "save idle minutes":
		return lang.L("Audit: save idle minutes")
	case "save item":
		return lang.L("Audit: save item")
	case "add store":
		return lang.L("Audit: add store")
	case "set location warning":
		return lang.L("Audit: set location warning")
	case "receive stock":
		return lang.L("Audit: receive stock")
	case "issue stock":
		return lang.L("Audit: issue stock")
	case "transfer stock":
		return lang.L("Audit: transfer stock")
	case "write off stock":
		return lang.L("Audit: write off stock")
	case "stocktake":
		return lang.L("Audit: stocktake")
	case "reverse":
		return lang.L("Audit: reverse")
	case "roster":
		return lang.L("Audit: roster")
	case "clear roster":
		return lang.L("Audit: clear roster")
	case "assign duty":
		return lang.L("Audit: assign duty")
	case "unassign duty":
		return lang.L("Audit: unassign duty")
	case "swap duty":
		return lang.L("Audit: swap duty")
	case "add leave":
		return lang.L("Audit: add leave")
	case "remove leave":
		return lang.L("Audit: remove leave")
	case "save duty rules":
		return lang.L("Audit: save duty rules")
	case "save report numbering":
		return lang.L("Audit: save report numbering")
	case "issue report":
		return lang.L("Audit: issue report")
	case "receive reports":
		return lang.L("Audit: receive reports")
	case "make report key":
		return lang.L("Audit: make report key")
	case "save mode":
		return lang.L("Audit: save mode")
	case "save deadline":
		return lang.L("Audit: save deadline")
	case "register township":
		return lang.L("Audit: register township")
	case "edit township":
		return lang.L("Audit: edit township")
	case "issue county report":
		return lang.L("Audit: issue county report")
	case "replace township key":
		return lang.L("Audit: replace township key")
	case "show unmasked":
		return lang.L("Audit: show unmasked")
	case "open case":
		return lang.L("Audit: open case")
	case "add case step":
		return lang.L("Audit: add case step")
	case "save case overdue":
		return lang.L("Audit: save case overdue")
	}
	return action
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
		rows, err = a.DB.Audit(a.Ctx(), data.AuditQuery{Text: search.Text, Limit: 2000})
		if err != nil {
			showMessage(w, lang.L("Audit trail"), say.Message(err))
			return
		}
		count.SetText(lang.L("{{.N}} entries (the newest 2000 at most)", map[string]any{"N": len(rows)}))
		table.Refresh()
	}
	search.OnChanged = load
	load("")
	d := dialog.NewCustom(lang.L("Audit trail"), lang.L("Close"), container.NewBorder(search, count, nil, nil, table), w)
	d.Resize(fyne.NewSize(1000, 620))
	d.Show()
}
