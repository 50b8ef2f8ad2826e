package ui

import (
	"maps"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// locationPicker chooses one of the places stock is kept, by name.
type locationPicker struct {
	*widget.Select
	locs []data.Location
}

func newLocationPicker(locs []data.Location, chosen int64) *locationPicker {
	p := &locationPicker{Select: newSelect(nil, nil), locs: locs}
	for _, l := range locs {
		p.Options = append(p.Options, l.Name)
		if l.ID == chosen {
			p.Selected = l.Name
		}
	}
	if p.Selected == "" && len(locs) > 0 {
		p.Selected = locs[0].Name
	}
	return p
}

// id is the chosen location; 0 when none.
func (p *locationPicker) id() int64 {
	for _, l := range p.locs {
		if l.Name == p.Selected {
			return l.ID
		}
	}
	return 0
}

// stockMoves opens the forms that book stock movements; done runs after
// each saved one so the screen shows the new balances.
type stockMoves struct {
	win  fyne.Window
	app  *app.App
	done func()
	open *openMove // the movement form open now, kept as a draft
}

// catalogue reads the active items and the locations for a form.
func (m *stockMoves) catalogue(title string) ([]data.Item, []data.Location, bool) {
	items, err := m.app.DB.Items(m.app.Ctx(), false)
	var locs []data.Location
	if err == nil {
		locs, err = m.app.DB.Locations(m.app.Ctx())
	}
	if err != nil {
		showMessage(m.win, title, say.Message(err))
		return nil, nil, false
	}
	if len(items) == 0 {
		showMessage(m.win, title, lang.L("The catalogue is empty: add items under 物资目录 first."))
		return nil, nil, false
	}
	return items, locs, true
}

func (m *stockMoves) onHandAt(p *locationPicker) func(int64) (int, error) {
	return func(item int64) (int, error) { return m.app.DB.OnHand(m.app.Ctx(), item, p.id()) }
}

// book shows a movement form with its item lines last; saving reads the
// lines, hands them to record and shows the new balances. While it is
// open, what is typed into it is kept as a draft: kind and at reopen it.
func (m *stockMoves) book(kind string, at int64, title, saveText string, f *form, lines *stockLines, record func([]data.Line) error) {
	f.add("lines", lang.L("Items"), lines.content())
	f.wide = true
	dlg := showFormDialog(m.win, title, saveText, f, func() error {
		ls, err := lines.lines()
		if err != nil {
			return err
		}
		if err := record(ls); err != nil {
			return err
		}
		m.done()
		return nil
	})
	m.keepOpen(dlg, &openMove{kind: kind, at: at, title: title, form: f, lines: lines})
}

// keepOpen notes a movement form as open, so its typing is kept as a
// draft, until its dialog closes.
func (m *stockMoves) keepOpen(dlg dialog.Dialog, open *openMove) {
	open.initial = open.values()
	m.open = open
	dlg.SetOnClosed(func() {
		if m.open == open {
			m.open = nil
		}
	})
}

// openMove is the movement form open now, as far as its draft needs.
type openMove struct {
	kind, title string
	at          int64 // the location it was opened for
	form        *form
	lines       *stockLines
	initial     map[string]string // as opened: defaults are not typing
}

func (o *openMove) values() map[string]string {
	v := o.form.values()
	maps.Copy(v, o.lines.values())
	return v
}

// draft is the open movement form's typing, nil when there is none.
func (m *stockMoves) draft() map[string]string {
	if m.open == nil {
		return nil
	}
	v := m.open.values()
	if maps.Equal(v, m.open.initial) {
		return nil
	}
	v["kind"], v["at"], v["title"] = m.open.kind, strconv.FormatInt(m.open.at, 10), m.open.title
	return v
}

// restore reopens the movement form a draft was typed into and fills it.
func (m *stockMoves) restore(v map[string]string) {
	at, _ := strconv.ParseInt(v["at"], 10, 64)
	open := map[string]func(int64){"receive": m.receive, "issue": m.issue, "transfer": m.transfer, "write_off": m.writeOff,
		"stocktake": m.stocktake}[v["kind"]]
	if open == nil {
		return
	}
	m.open = nil
	open(at)
	if m.open != nil {
		m.open.form.fill(v)
		m.open.lines.fill(v)
	}
}

// handler is the 经办人 field, filled with whoever is signed in.
func (m *stockMoves) handler() *textField {
	e := newField()
	e.SetText(m.app.Operator().Name)
	return e
}

// receive books 入库 (from the county, a purchase or a donation), then
// prints the 入库单 for the files.
func (m *stockMoves) receive(at int64) {
	title := lang.L("Receive stock")
	items, locs, ok := m.catalogue(title)
	if !ok {
		return
	}
	loc := newLocationPicker(locs, at)
	source := newSelect(data.ReceiptSources, nil)
	source.SetSelected(data.ReceiptSources[0])
	donor, contact, handler, note := newField(), newField(), m.handler(), newField()
	donor.SetPlaceHolder(lang.L("Only for donations"))
	lines := newStockLines(items, m.app.Now, nil)
	f := newForm()
	f.add("location", lang.L("Into"), loc)
	f.add("source", lang.L("Source"), source)
	f.add("donor", lang.L("Donor"), donor)
	f.add("donor_contact", lang.L("Donor contact"), contact)
	f.add("handler", lang.L("Handled by"), handler)
	f.add("note", lang.L("Note"), note)
	m.book("receive", at, title, lang.L("Save and print receipt slip"), f, lines, func(ls []data.Line) error {
		voucher, err := m.app.DB.Receive(m.app.Ctx(), data.Receipt{At: m.app.Now(), LocationID: loc.id(), Source: source.Selected,
			Donor: donor.Text, DonorContact: contact.Text, Handler: handler.Text, Note: note.Text, Lines: ls})
		if err == nil {
			printing(m.win, lang.L("Receipt slip"), func() (string, error) { return m.app.PrintSlip(m.app.Ctx(), voucher) })
		}
		return err
	})
}

// issue books 出库 of several items to one post, site or person, then
// prints the slip they sign.
func (m *stockMoves) issue(from int64) {
	title := lang.L("Issue stock")
	items, locs, ok := m.catalogue(title)
	if !ok {
		return
	}
	loc := newLocationPicker(locs, from)
	var places []string
	for _, l := range locs {
		if l.ID != loc.id() {
			places = append(places, l.Name)
		}
	}
	recipient := widget.NewSelectEntry(places)
	recipient.SetPlaceHolder(lang.L("A checkpoint, a site, or a person"))
	receiver, handler, note := newField(), m.handler(), newField()
	lines := newStockLines(items, nil, m.onHandAt(loc))
	loc.OnChanged = func(string) { lines.refreshOnHand() }
	f := newForm()
	f.add("location", lang.L("From location"), loc)
	f.add("recipient", lang.L("Issued to"), recipient)
	f.add("receiver", lang.L("Received by"), receiver)
	f.add("handler", lang.L("Handled by"), handler)
	f.add("note", lang.L("Note"), note)
	m.book("issue", from, title, lang.L("Save and print slip"), f, lines, func(ls []data.Line) error {
		voucher, err := m.app.DB.IssueStock(m.app.Ctx(), data.Issue{At: m.app.Now(), LocationID: loc.id(),
			Recipient: recipient.Text, Receiver: receiver.Text, Handler: handler.Text, Note: note.Text, Lines: ls})
		if err == nil {
			printing(m.win, lang.L("Issue slip"), func() (string, error) { return m.app.PrintSlip(m.app.Ctx(), voucher) })
		}
		return err
	})
}

// transfer books 调拨 between two locations.
func (m *stockMoves) transfer(from int64) {
	title := lang.L("Transfer stock")
	items, locs, ok := m.catalogue(title)
	if !ok {
		return
	}
	src := newLocationPicker(locs, from)
	dst := newLocationPicker(locs, 0)
	dst.Selected = ""
	handler, note := m.handler(), newField()
	lines := newStockLines(items, nil, m.onHandAt(src))
	src.OnChanged = func(string) { lines.refreshOnHand() }
	f := newForm()
	f.add("from", lang.L("From location"), src)
	f.add("to", lang.L("To location"), dst)
	f.add("handler", lang.L("Handled by"), handler)
	f.add("note", lang.L("Note"), note)
	m.book("transfer", from, title, lang.L("Save"), f, lines, func(ls []data.Line) error {
		if dst.id() == 0 {
			return &data.FieldError{Field: "to", Err: data.ErrBadChoice}
		}
		_, err := m.app.DB.TransferStock(m.app.Ctx(), data.Transfer{At: m.app.Now(), FromID: src.id(), ToID: dst.id(),
			Handler: handler.Text, Note: note.Text, Lines: ls})
		return err
	})
}

// writeOff books 报损: expired, damaged or lost.
func (m *stockMoves) writeOff(at int64) {
	title := lang.L("Write off stock")
	items, locs, ok := m.catalogue(title)
	if !ok {
		return
	}
	loc := newLocationPicker(locs, at)
	reason := newSelect(data.WriteOffReasons, nil)
	handler, note := m.handler(), newField()
	lines := newStockLines(items, nil, m.onHandAt(loc))
	loc.OnChanged = func(string) { lines.refreshOnHand() }
	f := newForm()
	f.add("location", lang.L("At"), loc)
	f.add("reason", lang.L("Reason"), reason)
	f.add("handler", lang.L("Handled by"), handler)
	f.add("note", lang.L("Note"), note)
	m.book("write_off", at, title, lang.L("Save"), f, lines, func(ls []data.Line) error {
		_, err := m.app.DB.WriteOffStock(m.app.Ctx(), data.WriteOff{At: m.app.Now(), LocationID: loc.id(),
			Reason: reason.Selected, Handler: handler.Text, Note: note.Text, Lines: ls})
		return err
	})
}

// stocktake books 盘点 of one item at one location: the count, and the
// difference from the books with its reason.
func (m *stockMoves) stocktake(at int64) {
	title := lang.L("Stocktake")
	items, locs, ok := m.catalogue(title)
	if !ok {
		return
	}
	loc := newLocationPicker(locs, at)
	lines := newStockLines(items, nil, m.onHandAt(loc))
	loc.OnChanged = func(string) { lines.refreshOnHand() }
	row := lines.rows[0]
	row.quantity.SetPlaceHolder(lang.L("Counted"))
	reason, handler := newField(), m.handler()
	reason.SetPlaceHolder(lang.L("Why the count differs, e.g. 破损未登记"))
	f := newForm()
	f.add("location", lang.L("At"), loc)
	f.add("lines", lang.L("Item"), lines.box)
	f.wide = true
	f.add("reason", lang.L("Reason"), reason)
	f.add("handler", lang.L("Handled by"), handler)
	dlg := showFormDialog(m.win, title, lang.L("Save"), f, func() error {
		it, ok := lines.itemOf(row)
		if !ok {
			return &data.FieldError{Field: "item", Err: data.ErrNotInCatalogue}
		}
		n, err := wholeNumber("counted", row.quantity.Text)
		if err != nil {
			return err
		}
		if _, err := m.app.DB.Stocktake(m.app.Ctx(), data.Count{At: m.app.Now(), LocationID: loc.id(), ItemID: it.ID,
			Batch: row.batch.Text, Counted: n, Reason: reason.Text, Handler: handler.Text}); err != nil {
			return err
		}
		m.done()
		return nil
	})
	m.keepOpen(dlg, &openMove{kind: "stocktake", at: at, title: title, form: f, lines: lines})
}

// reverse books 冲正 of a whole voucher, with the reason.
func (m *stockMoves) reverse(line data.Move) {
	reason := newField()
	reason.SetPlaceHolder(lang.L("e.g. 数量录错,应为200"))
	f := newForm()
	f.add("reason", lang.L("Reason"), reason)
	title := lang.L("Reverse {{.Voucher}} ({{.Kind}})", map[string]any{"Voucher": line.Voucher, "Kind": line.Kind})
	showFormDialog(m.win, title, lang.L("Reverse"), f, func() error {
		if _, err := m.app.DB.Reverse(m.app.Ctx(), line.Voucher, reason.Text, time.Time{}); err != nil {
			return err
		}
		m.done()
		return nil
	})
}
