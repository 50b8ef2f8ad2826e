package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/data"
)

// stockLines is the item rows of a movement form: an item picked by typing
// part of its name, a quantity, and a batch (plus an expiry date for
// receipts). onHand, when set, shows what the source location has of the
// item picked.
type stockLines struct {
	items   []data.Item
	receipt func() time.Time // a receipt's clock, for the expiry's calendar; nil: not a receipt
	onHand  func(itemID int64) (int, error)
	rows    []*stockLine
	box     *fyne.Container
}

type stockLine struct {
	item     *searchPicker
	quantity *textField
	batch    *textField
	expires  *textField
	have     *widget.Label
}

func newStockLines(items []data.Item, receipt func() time.Time, onHand func(int64) (int, error)) *stockLines {
	s := &stockLines{items: items, receipt: receipt, onHand: onHand, box: container.NewVBox()}
	s.add()
	return s
}

// content is the rows with a button for one more.
func (s *stockLines) content() fyne.CanvasObject {
	more := widget.NewButtonWithIcon(lang.L("Add a line"), theme.ContentAddIcon(), s.add)
	return container.NewVBox(s.box, container.NewHBox(more))
}

func (s *stockLines) labels() []string {
	out := make([]string, len(s.items))
	for i, it := range s.items {
		out[i] = it.Label()
	}
	return out
}

func (s *stockLines) add() {
	l := &stockLine{item: newSearchPicker(s.labels()), quantity: newField(), batch: newField(),
		expires: newDateField(s.receipt, nil), have: widget.NewLabel("")}
	l.item.SetPlaceHolder(lang.L("Item: type part of its name"))
	l.quantity.SetPlaceHolder(lang.L("Quantity"))
	l.batch.SetPlaceHolder(lang.L("Batch (optional)"))
	l.expires.SetPlaceHolder(lang.L("Expiry, e.g. 2027-06-30"))
	narrow := l.item.OnChanged
	l.item.OnChanged = func(text string) {
		narrow(text)
		s.showOnHand(l)
	}
	s.rows = append(s.rows, l)
	fields := []fyne.CanvasObject{container.NewGridWrap(fyne.NewSize(100, 36), l.quantity),
		container.NewGridWrap(fyne.NewSize(120, 36), l.batch)}
	if s.receipt != nil {
		fields = append(fields, container.NewGridWrap(fyne.NewSize(190, 36), l.expires))
	} else {
		fields = append(fields, container.NewGridWrap(fyne.NewSize(110, 36), l.have))
	}
	s.box.Add(container.NewBorder(nil, nil, nil, container.New(layout.NewHBoxLayout(), fields...), l.item))
}

func (s *stockLines) itemOf(l *stockLine) (data.Item, bool) {
	if i := l.item.chosen(); i >= 0 {
		return s.items[i], true
	}
	return data.Item{}, false
}

func (s *stockLines) showOnHand(l *stockLine) {
	it, ok := s.itemOf(l)
	if !ok || s.onHand == nil {
		l.have.SetText("")
		return
	}
	if n, err := s.onHand(it.ID); err == nil {
		l.have.SetText(lang.L("On hand {{.N}} {{.Unit}}", map[string]any{"N": n, "Unit": it.Unit}))
	}
}

// refreshOnHand shows the stock again after the source location changed.
func (s *stockLines) refreshOnHand() {
	for _, l := range s.rows {
		s.showOnHand(l)
	}
}

// lines reads the rows; empty rows are skipped, a row half filled in is a
// field error.
func (s *stockLines) lines() ([]data.Line, error) {
	var out []data.Line
	for _, l := range s.rows {
		q := strings.TrimSpace(data.HalfWidth(l.quantity.Text))
		if strings.TrimSpace(l.item.Text) == "" && q == "" {
			continue
		}
		it, ok := s.itemOf(l)
		if !ok {
			return nil, &data.FieldError{Field: "item", Err: data.ErrNotInCatalogue}
		}
		n, err := strconv.Atoi(q)
		if err != nil || n <= 0 {
			return nil, &data.FieldError{Field: "quantity", Err: data.ErrBadNumber}
		}
		line := data.Line{ItemID: it.ID, Quantity: n, Batch: l.batch.Text}
		if s.receipt != nil && strings.TrimSpace(l.expires.Text) != "" {
			if line.ExpiresOn, err = data.ParseDay(l.expires.Text); err != nil {
				return nil, &data.FieldError{Field: "expires_on", Err: err}
			}
		}
		out = append(out, line)
	}
	return out, nil
}

// values are the typed lines, numbered line1.item, line1.quantity… for a draft.
func (s *stockLines) values() map[string]string {
	out := map[string]string{}
	for i, l := range s.rows {
		for name, e := range map[string]*widget.Entry{"item": &l.item.Entry, "quantity": &l.quantity.Entry, "batch": &l.batch.Entry, "expires": &l.expires.Entry} {
			if e.Text != "" {
				out[fmt.Sprintf("line%d.%s", i+1, name)] = e.Text
			}
		}
	}
	return out
}

// fill puts typed lines back, adding rows as needed.
func (s *stockLines) fill(v map[string]string) {
	for i := 0; ; i++ {
		key := fmt.Sprintf("line%d.", i+1)
		if v[key+"item"] == "" && v[key+"quantity"] == "" {
			return
		}
		for len(s.rows) <= i {
			s.add()
		}
		l := s.rows[i]
		l.item.SetText(v[key+"item"])
		l.quantity.SetText(v[key+"quantity"])
		l.batch.SetText(v[key+"batch"])
		l.expires.SetText(v[key+"expires"])
	}
}
