package ui

import (
	"fmt"
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

	filter    *widget.Entry
	place     *locationPicker
	stock     []data.StockLine
	shown     []data.StockLine
	stockTbl  *widget.Table
	summary   *widget.Label
	ledger    []data.Move
	ledgerTbl *widget.Table
	ledgerDay *widget.Entry
	ledgerTo  *widget.Entry
	gifts     []data.Move
	giftTbl   *widget.Table
	expiring  []data.Batch
	expTbl    *widget.Table
	tabs      *container.AppTabs
	box       fyne.CanvasObject
}

func newMaterials(w fyne.Window, a *app.App) *materials {
	m := &materials{win: w, app: a, filter: widget.NewEntry(), summary: widget.NewLabel(""),
		ledgerDay: widget.NewEntry(), ledgerTo: widget.NewEntry()}
	m.moves = &stockMoves{win: w, app: a, done: m.refresh}
	m.place = newLocationPicker(nil, 0)
	m.place.OnChanged = func(string) { m.applyFilter() }
	m.filter.SetPlaceHolder(lang.L("Search items by name"))
	m.filter.OnChanged = func(string) { m.applyFilter() }
	m.summary.Wrapping = fyne.TextWrapWord

	m.stockTbl = newMarkedTable([]string{lang.L("Item"), lang.L("Specification"), lang.L("Stock location"), lang.L("On hand"),
		lang.L("Warning level"), lang.L("Daily use (7 days)"), lang.L("Days of supply"), lang.L("Expiring within 30 days")},
		[]float32{130, 120, 190, 90, 80, 110, 90, 120}, func() int { return len(m.shown) }, m.stockCell,
		func(row int) widget.Importance {
			if m.shown[row].Below {
				return widget.DangerImportance
			}
			if m.shown[row].LocationID != 0 {
				return widget.LowImportance
			}
			return widget.MediumImportance
		})
	m.stockTbl.OnSelected = func(id widget.TableCellID) {
		m.stockTbl.UnselectAll()
		if id.Row >= 0 && id.Row < len(m.shown) {
			showItemHistory(m.win, m.app, m.shown[id.Row].Item, m.moves)
		}
	}

	m.ledgerDay.SetPlaceHolder(lang.L("e.g. 2026-11-01"))
	m.ledgerTo.SetPlaceHolder(lang.L("e.g. 2026-11-30"))
	m.ledgerTbl = newMarkedTable(ledgerHeaders(), []float32{130, 130, 50, 150, 150, 70, 110, 230},
		func() int { return len(m.ledger) }, func(row, col int) string { return ledgerCell(m.ledger[row], col) },
		func(row int) widget.Importance { return ledgerMark(m.ledger[row]) })
	m.ledgerTbl.OnSelected = func(id widget.TableCellID) {
		m.ledgerTbl.UnselectAll()
		if id.Row >= 0 && id.Row < len(m.ledger) {
			m.moves.reverse(m.ledger[id.Row])
		}
	}
	m.giftTbl = newTable([]string{lang.L("Date"), lang.L("Donor"), lang.L("Donor contact"), lang.L("Item"), lang.L("Quantity"), lang.L("Received at")},
		[]float32{100, 200, 120, 200, 90, 190}, func() int { return len(m.gifts) }, func(row, col int) string {
			return donationCells(m.gifts[row], reports.Masked)[col]
		})
	m.expTbl = newTable([]string{lang.L("Expiry"), lang.L("Item"), lang.L("Stock location"), lang.L("Batch"), lang.L("On hand")},
		[]float32{100, 220, 200, 130, 90}, func() int { return len(m.expiring) }, func(row, col int) string {
			b := m.expiring[row]
			return []string{b.ExpiresOn.Format("2006-01-02"), b.Item.Label(), b.Location, b.Batch, strconv.Itoa(b.OnHand) + b.Item.Unit}[col]
		})

	span := container.NewHBox(widget.NewLabel(lang.L("From date")+":"), container.NewGridWrap(fyne.NewSize(120, 36), m.ledgerDay),
		widget.NewLabel(lang.L("To date")+":"), container.NewGridWrap(fyne.NewSize(120, 36), m.ledgerTo),
		widget.NewButtonWithIcon(lang.L("Show"), theme.SearchIcon(), m.refresh))
	m.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Stock"), container.NewBorder(m.summary, nil, nil, nil, m.stockTbl)),
		container.NewTabItem(lang.L("Ledger"), container.NewBorder(
			container.NewVBox(
				container.NewBorder(nil, nil, span, widget.NewButtonWithIcon(lang.L("Export Excel"), theme.DownloadIcon(), m.exportLedger)),
				widget.NewLabel(lang.L("Tap a line to reverse its whole movement; both lines stay in the ledger."))),
			nil, nil, nil, m.ledgerTbl)),
		container.NewTabItem(lang.L("Donations"), container.NewBorder(
			container.NewBorder(nil, nil, nil, container.NewHBox(
				widget.NewButtonWithIcon(lang.L("Print"), theme.DocumentPrintIcon(), m.printDonations),
				widget.NewButtonWithIcon(lang.L("Export Excel"), theme.DownloadIcon(), m.exportDonations)),
				widget.NewLabel(lang.L("Donations received in the span chosen under 台账 (the last 7 days if none)."))),
			nil, nil, nil, m.giftTbl)),
		container.NewTabItem(lang.L("Expiring"), m.expTbl),
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

func (m *materials) stockCell(row, col int) string {
	l := m.shown[row]
	switch col {
	case 0:
		return l.Item.Name
	case 1:
		return l.Item.Spec
	case 2:
		return stockPlace(l)
	case 3:
		return strconv.Itoa(l.OnHand) + " " + l.Item.Unit
	case 4:
		if l.Warning == 0 {
			return ""
		}
		return strconv.Itoa(l.Warning)
	case 5:
		if l.DailyUse == 0 {
			return "—"
		}
		return fmt.Sprintf("%.1f", l.DailyUse)
	case 6:
		return daysLeft(l.DaysLeft)
	}
	if l.Expiring == 0 {
		return ""
	}
	return strconv.Itoa(l.Expiring) + " " + l.Item.Unit
}

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
	m.expTbl.Refresh()
	from, upto, err := m.span()
	if err != nil {
		showMessage(m.win, lang.L("Ledger"), lang.L("Please enter a date such as 2026-11-03."))
		return
	}
	if m.ledger, err = m.app.DB.Ledger(ctx, data.LedgerQuery{From: from, Upto: upto, LocationID: m.place.id()}); err == nil {
		m.gifts, err = m.app.DB.Donations(ctx, from, upto)
	}
	if err != nil {
		showMessage(m.win, lang.L("Materials"), say.Message(err))
		return
	}
	m.ledgerTbl.Refresh()
	m.giftTbl.Refresh()
}

// applyFilter shows the stock lines of the items searched for, at the
// location chosen (its lines only) or everywhere (totals and places).
func (m *materials) applyFilter() {
	text := strings.TrimSpace(m.filter.Text)
	loc := m.place.id()
	m.shown = m.shown[:0]
	below, lowest := 0, -1.0
	var lowestItem string
	for _, l := range m.stock {
		if (text != "" && !strings.Contains(l.Item.Label(), text)) || (loc != 0 && l.LocationID != loc) {
			continue
		}
		m.shown = append(m.shown, l)
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
	m.stockTbl.Refresh()
}

func ledgerHeaders() []string {
	return []string{lang.L("Time"), lang.L("Voucher"), lang.L("Kind"), lang.L("Item"), lang.L("Stock location"),
		lang.L("Quantity"), lang.L("Batch"), lang.L("Details")}
}

// ledgerCell is one column of a ledger line, as the screen and the
// workbook show it.
func ledgerCell(m data.Move, col int) string {
	switch col {
	case 0:
		return m.At.Format("2006-01-02 15:04")
	case 1:
		return m.Voucher
	case 2:
		return string(m.Kind)
	case 3:
		return m.Item.Label()
	case 4:
		return m.Location
	case 5:
		return fmt.Sprintf("%+d", m.Quantity)
	case 6:
		return m.Batch
	}
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

// donationCells is a donation as listed; the contact is masked unless
// asked for.
func donationCells(m data.Move, p reports.Personal) []string {
	contact := m.DonorContact
	if p == reports.Masked {
		contact = data.MaskPhone(contact)
	}
	return []string{m.At.Format("2006-01-02"), m.Donor, contact, m.Item.Label(), strconv.Itoa(m.Quantity) + m.Item.Unit, m.Location}
}

// exportTable writes one table to a workbook in 导出.
func (m *materials) exportTable(title string, t reports.Table) {
	path, err := m.app.ExportTable(title, t)
	exported(m.win, lang.L("Export Excel"), path, err)
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
	t := reports.Table{Name: lang.L("Ledger"), Header: ledgerHeaders()}
	for _, mv := range m.ledger {
		row := make([]string, len(t.Header))
		for c := range row {
			row[c] = ledgerCell(mv, c)
		}
		t.Rows = append(t.Rows, row)
	}
	m.exportTable(lang.L("Material ledger"), t)
}

func (m *materials) exportDonations() {
	askPersonal(m.win, m.app, lang.L("Export Excel"), func(p reports.Personal) {
		t := reports.Table{Name: lang.L("Donations"), Header: []string{lang.L("Date"), lang.L("Donor"), lang.L("Donor contact"),
			lang.L("Item"), lang.L("Quantity"), lang.L("Received at")}}
		for _, g := range m.gifts {
			t.Rows = append(t.Rows, donationCells(g, p))
		}
		m.exportTable(lang.L("Donations"), t)
	})
}

func (m *materials) printDonations() {
	from, upto, err := m.span()
	if err != nil {
		showMessage(m.win, lang.L("Donations"), lang.L("Please enter a date such as 2026-11-03."))
		return
	}
	path, err := m.app.PrintDonations(m.app.Ctx(), from, upto)
	printed(m.win, lang.L("Donations"), path, err)
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
