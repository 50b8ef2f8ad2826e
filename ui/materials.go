package ui

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

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

// materials is 物资: the stock of every item at every location with its
// warnings and days of supply, the ledger, donations and expiring batches,
// and the buttons that book movements.
type materials struct {
	win   fyne.Window
	app   *app.App
	moves *stockMoves

	filter    *textField
	place     *locationPicker
	stock     []data.StockLine
	stockTbl  *table[data.StockLine]
	summary   *widget.Label
	ledgerTbl *table[data.Move]
	ledgerDay *textField
	ledgerTo  *textField
	giftTbl   *table[data.Move]
	expiring  []data.Batch
	expTbl    *table[data.Batch]
	tabs      *container.AppTabs
	box       fyne.CanvasObject
}

func newMaterials(w fyne.Window, a *app.App) *materials {
	m := &materials{win: w, app: a, filter: newField(), summary: widget.NewLabel(""),
		ledgerDay: newDateField(a.Now, nil), ledgerTo: newDateField(a.Now, nil)}
	m.moves = &stockMoves{win: w, app: a, done: m.refresh}
	m.place = newLocationPicker(nil, 0)
	m.place.OnChanged = func(string) { m.applyFilter() }
	m.filter.SetPlaceHolder(lang.L("Search items by name"))
	m.filter.OnChanged = func(string) { m.applyFilter() }
	m.summary.Wrapping = fyne.TextWrapWord

	m.stockTbl = newTableOf(
		col(lang.L("Item"), 130, func(l data.StockLine) string { return l.Item.Name }),
		col(lang.L("Specification"), 120, func(l data.StockLine) string { return l.Item.Spec }),
		col(lang.L("Stock location"), 190, stockPlace),
		col(lang.L("On hand"), 90, func(l data.StockLine) string { return strconv.Itoa(l.OnHand) + " " + l.Item.Unit }),
		col(lang.L("Warning level"), 80, func(l data.StockLine) string {
			if l.Warning == 0 {
				return ""
			}
			return strconv.Itoa(l.Warning)
		}),
		col(lang.L("Daily use (7 days)"), 110, func(l data.StockLine) string {
			if l.DailyUse == 0 {
				return "—"
			}
			return fmt.Sprintf("%.1f", l.DailyUse)
		}),
		col(lang.L("Days of supply"), 90, func(l data.StockLine) string { return daysLeft(l.DaysLeft) }).
			by(func(a, b data.StockLine) int { return cmp.Compare(daysOrder(a.DaysLeft), daysOrder(b.DaysLeft)) }),
		col(lang.L("Expiring within 30 days"), 120, func(l data.StockLine) string {
			if l.Expiring == 0 {
				return ""
			}
			return strconv.Itoa(l.Expiring) + " " + l.Item.Unit
		}),
	)
	m.stockTbl.mark = func(l data.StockLine) widget.Importance {
		switch {
		case l.Below:
			return widget.DangerImportance
		case l.LocationID != 0:
			return widget.LowImportance
		}
		return widget.MediumImportance
	}
	m.stockTbl.onSelect = func(l data.StockLine) { showItemHistory(m.win, m.app, l.Item, m.moves) }

	m.ledgerDay.SetPlaceHolder(lang.L("e.g. 2026-11-01"))
	m.ledgerTo.SetPlaceHolder(lang.L("e.g. 2026-11-30"))
	m.ledgerTbl = newTableOf(ledgerColumns()...).withFilter()
	m.ledgerTbl.mark = ledgerMark
	m.ledgerTbl.onSelect = m.moves.reverse
	m.giftTbl = newTableOf(donationColumns(reports.Masked)...).withFilter()
	m.expTbl = newTableOf(
		col(lang.L("Expiry"), 100, func(b data.Batch) string { return b.ExpiresOn.Format("2006-01-02") }),
		col(lang.L("Item"), 220, func(b data.Batch) string { return b.Item.Label() }),
		col(lang.L("Stock location"), 200, func(b data.Batch) string { return b.Location }),
		col(lang.L("Batch"), 130, func(b data.Batch) string { return b.Batch }),
		col(lang.L("On hand"), 90, func(b data.Batch) string { return strconv.Itoa(b.OnHand) + b.Item.Unit }),
	).withFilter()

	span := container.NewHBox(widget.NewLabel(lang.L("From date")+":"), container.NewGridWrap(fyne.NewSize(170, 36), m.ledgerDay),
		widget.NewLabel(lang.L("To date")+":"), container.NewGridWrap(fyne.NewSize(170, 36), m.ledgerTo),
		widget.NewButtonWithIcon(lang.L("Show"), theme.SearchIcon(), m.refresh))
	m.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Stock"), container.NewBorder(m.summary, nil, nil, nil, m.stockTbl.box)),
		container.NewTabItem(lang.L("Ledger"), container.NewBorder(
			container.NewVBox(
				container.NewBorder(nil, nil, span, widget.NewButtonWithIcon(lang.L("Export Excel"), theme.DownloadIcon(), m.exportLedger)),
				widget.NewLabel(lang.L("Tap a line to reverse its whole movement; both lines stay in the ledger."))),
			nil, nil, nil, m.ledgerTbl.box)),
		container.NewTabItem(lang.L("Donations"), container.NewBorder(
			container.NewBorder(nil, nil, nil, container.NewHBox(
				widget.NewButtonWithIcon(lang.L("Print"), theme.DocumentPrintIcon(), m.printDonations),
				widget.NewButtonWithIcon(lang.L("Export Excel"), theme.DownloadIcon(), m.exportDonations)),
				widget.NewLabel(lang.L("Donations received in the span chosen under 台账 (the last 7 days if none)."))),
			nil, nil, nil, m.giftTbl.box)),
		container.NewTabItem(lang.L("Expiring"), m.expTbl.box),
	)
	here := func() int64 { return m.place.id() }
	buttons := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("Receive"), theme.ContentAddIcon(), func() { m.moves.receive(here()) }),
		widget.NewButtonWithIcon(lang.L("Issue"), theme.MailSendIcon(), func() { m.moves.issue(here()) }),
		widget.NewButtonWithIcon(lang.L("Transfer"), theme.MailForwardIcon(), func() { m.moves.transfer(here()) }),
		widget.NewButtonWithIcon(lang.L("Stocktake"), theme.ListIcon(), func() { m.moves.stocktake(here()) }),
		widget.NewButtonWithIcon(lang.L("Write off"), theme.DeleteIcon(), func() { m.moves.writeOff(here()) }),
		widget.NewButtonWithIcon(lang.L("Catalogue"), theme.SettingsIcon(), func() { showCatalogue(m.win, m.app, m.refresh) }),
		widget.NewButtonWithIcon(lang.L("Export stock"), theme.DownloadIcon(), m.exportStock),
	)
	toolbar := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Stock location")+":"), nil,
			container.NewGridWithColumns(2, m.place, m.filter)),
		buttons)
	m.box = container.NewBorder(toolbar, nil, nil, nil, m.tabs)
	return m
}

func (m *materials) content() fyne.CanvasObject { return m.box }

// stockPlace names a stock line's location: an item's total is at all
// locations, or only at the one that holds it.
func stockPlace(l data.StockLine) string {
	switch {
	case l.LocationID != 0:
		return "  " + l.Location
	case l.Location != "":
		return lang.L("Only at {{.Place}}", map[string]any{"Place": l.Location})
	}
	return lang.L("All locations")
}

// daysOrder sorts days of supply with "nothing used" last.
func daysOrder(d float64) float64 {
	if d < 0 {
		return math.Inf(1)
	}
	return d
}

// daysLeft is days of supply as shown: "—" when nothing was used.
func daysLeft(d float64) string {
	if d < 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f", d)
}

// span is the ledger's chosen dates: the last 7 days when none.
func (m *materials) span() (from, upto time.Time, err error) {
	today := data.StartOfDay(m.app.Now())
	from, upto = today.AddDate(0, 0, -6), today.AddDate(0, 0, 1)
	if strings.TrimSpace(m.ledgerDay.Text) != "" {
		if from, err = data.ParseDay(m.ledgerDay.Text); err != nil {
			return
		}
	}
	if strings.TrimSpace(m.ledgerTo.Text) != "" {
		if upto, err = data.ParseDay(m.ledgerTo.Text); err != nil {
			return
		}
		upto = upto.AddDate(0, 0, 1)
	}
	return
}

func (m *materials) refresh() {
	ctx, now := m.app.Ctx(), m.app.Now()
	locs, err := m.app.DB.Locations(ctx)
	if err == nil {
		var view data.StockView
		view, err = m.app.DB.Stock(ctx, now)
		m.stock, m.expiring = view.Lines, view.Expiring
	}
	if err != nil {
		showMessage(m.win, lang.L("Materials"), say.Message(err))
		return
	}
	chosen := m.place.Selected
	m.place.locs = locs
	m.place.Options = []string{lang.L("All locations")}
	for _, l := range locs {
		m.place.Options = append(m.place.Options, l.Name)
	}
	if chosen == "" {
		chosen = lang.L("All locations")
	}
	m.place.SetSelected(chosen)
	m.applyFilter()
	m.expTbl.set(m.expiring)
	from, upto, err := m.span()
	if err != nil {
		showMessage(m.win, lang.L("Ledger"), lang.L("Please enter a date such as 2026-11-03."))
		return
	}
	ledger, err := m.app.DB.Ledger(ctx, data.LedgerQuery{From: from, Upto: upto, LocationID: m.place.id()})
	var gifts []data.Move
	if err == nil {
		gifts, err = m.app.DB.Donations(ctx, from, upto)
	}
	if err != nil {
		showMessage(m.win, lang.L("Materials"), say.Message(err))
		return
	}
	m.ledgerTbl.set(ledger)
	m.giftTbl.set(gifts)
}

// applyFilter shows the stock lines of the items searched for, at the
// location chosen (its lines only) or everywhere (totals and places).
func (m *materials) applyFilter() {
	text := strings.TrimSpace(m.filter.Text)
	loc := m.place.id()
	var shown []data.StockLine
	below, lowest := 0, -1.0
	var lowestItem string
	for _, l := range m.stock {
		if (text != "" && !strings.Contains(l.Item.Label(), text)) || (loc != 0 && l.LocationID != loc) {
			continue
		}
		shown = append(shown, l)
		// Counted as the daily report and 总览 count 低于警戒线: an item's
		// total and each of its places, every line under its own level.
		if l.Below {
			below++
		}
		if l.LocationID != loc {
			continue // a place under its item's total: its days are in the total's
		}
		if l.DaysLeft >= 0 && (lowest < 0 || l.DaysLeft < lowest) {
			lowest, lowestItem = l.DaysLeft, l.Item.Label()
		}
	}
	msg := lang.L("{{.Below}} under their warning level (red, at the top); {{.Expiring}} batches expire within 30 days. Tap an item for its history.",
		map[string]any{"Below": below, "Expiring": len(m.expiring)})
	if lowest >= 0 {
		msg += " " + lang.L("Fewest days of supply: {{.Item}}, {{.Days}} days.", map[string]any{"Item": lowestItem, "Days": daysLeft(lowest)})
	}
	if len(m.stock) == 0 {
		msg = lang.L("The catalogue is empty: open 物资目录 and tap 添加常用物资 to start with the common items.")
	}
	m.summary.SetText(msg)
	m.stockTbl.set(shown)
}

// ledgerColumns are the columns of a ledger line, as the ledger, an
// item's history and the workbook show it.
func ledgerColumns() []column[data.Move] {
	return []column[data.Move]{
		col(lang.L("Time"), 130, func(m data.Move) string { return m.At.Format("2006-01-02 15:04") }),
		col(lang.L("Voucher"), 130, func(m data.Move) string { return m.Voucher }),
		col(lang.L("Kind"), 50, func(m data.Move) string { return string(m.Kind) }),
		col(lang.L("Item"), 150, func(m data.Move) string { return m.Item.Label() }),
		col(lang.L("Stock location"), 150, func(m data.Move) string { return m.Location }),
		col(lang.L("Quantity"), 70, func(m data.Move) string { return fmt.Sprintf("%+d", m.Quantity) }),
		col(lang.L("Batch"), 110, func(m data.Move) string { return m.Batch }),
		col(lang.L("Details"), 230, moveDetails),
	}
}

// moveDetails is what else a ledger line says: its source, donor,
// recipient, reason, handler and note.
func moveDetails(m data.Move) string {
	var parts []string
	for _, p := range []struct{ label, v string }{
		{lang.L("Source"), m.Source}, {lang.L("Donor"), m.Donor}, {lang.L("Issued to"), m.Recipient},
		{lang.L("Received by"), m.Receiver}, {lang.L("Reason"), m.Reason}, {lang.L("Handled by"), m.Handler}, {lang.L("Note"), m.Note},
	} {
		if p.v != "" {
			parts = append(parts, p.label+":"+p.v)
		}
	}
	if m.IsReversed {
		parts = append(parts, lang.L("(reversed)"))
	}
	return strings.Join(parts, " ")
}

func ledgerMark(m data.Move) widget.Importance {
	if m.IsReversed || m.Kind == data.MoveReversal {
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// donationColumns are a donation as listed; the contact is masked unless
// asked for.
func donationColumns(p reports.Personal) []column[data.Move] {
	return []column[data.Move]{
		col(lang.L("Date"), 100, func(m data.Move) string { return m.At.Format("2006-01-02") }),
		col(lang.L("Donor"), 200, func(m data.Move) string { return m.Donor }),
		col(lang.L("Donor contact"), 120, func(m data.Move) string {
			if p == reports.Masked {
				return data.MaskPhone(m.DonorContact)
			}
			return m.DonorContact
		}),
		col(lang.L("Item"), 200, func(m data.Move) string { return m.Item.Label() }),
		col(lang.L("Quantity"), 90, func(m data.Move) string { return strconv.Itoa(m.Quantity) + m.Item.Unit }),
		col(lang.L("Received at"), 190, func(m data.Move) string { return m.Location }),
	}
}

// exportTable writes one table to a workbook in 导出.
func (m *materials) exportTable(title string, t reports.Table) {
	exporting(m.win, lang.L("Export Excel"), func() (string, error) { return m.app.ExportTable(title, t) })
}

func (m *materials) exportStock() {
	t := reports.Table{Name: lang.L("Stock"), Header: []string{lang.L("Item"), lang.L("Specification"), lang.L("Unit"),
		lang.L("Stock location"), lang.L("On hand"), lang.L("Warning level"), lang.L("Under warning level"),
		lang.L("Daily use (7 days)"), lang.L("Days of supply"), lang.L("Expiring within 30 days")}}
	for _, l := range m.stock {
		loc := strings.TrimSpace(stockPlace(l))
		below := ""
		if l.Below {
			below = lang.L("Yes")
		}
		t.Rows = append(t.Rows, []string{l.Item.Name, l.Item.Spec, l.Item.Unit, loc, strconv.Itoa(l.OnHand),
			strconv.Itoa(l.Warning), below, fmt.Sprintf("%.1f", l.DailyUse), daysLeft(l.DaysLeft), strconv.Itoa(l.Expiring)})
	}
	m.exportTable(lang.L("Stock"), t)
}

func (m *materials) exportLedger() {
	m.exportTable(lang.L("Material ledger"), m.ledgerTbl.sheet(lang.L("Ledger")))
}

func (m *materials) exportDonations() {
	askPersonal(m.win, m.app, lang.L("Export Excel"), func(p reports.Personal) {
		m.exportTable(lang.L("Donations"), sheetOf(lang.L("Donations"), donationColumns(p), m.giftTbl.shown()))
	})
}

func (m *materials) printDonations() {
	from, upto, err := m.span()
	if err != nil {
		showMessage(m.win, lang.L("Donations"), lang.L("Please enter a date such as 2026-11-03."))
		return
	}
	printing(m.win, lang.L("Donations"), func() (string, error) { return m.app.PrintDonations(m.app.Ctx(), from, upto) })
}

// draft is the stock movement half typed in its form.
func (m *materials) draft() (string, map[string]string) { return "stock", m.moves.draft() }

// restore reopens the movement form with what was typed.
func (m *materials) restore(v map[string]string) { m.moves.restore(v) }

func (m *materials) draftTitle(v map[string]string) string {
	title := v["title"]
	for i := 1; v[fmt.Sprintf("line%d.item", i)] != ""; i++ {
		title += " " + v[fmt.Sprintf("line%d.item", i)] + " " + v[fmt.Sprintf("line%d.quantity", i)]
	}
	return strings.TrimSpace(title)
}
