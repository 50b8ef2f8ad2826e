package ui

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
	key := "Audit: " + string(a) // a key made, not a literal: the key scan skips it
	return lang.L(key)
}

// areaLabel is the Chinese name of a part of the work: zh.json's
// "Area: <area>".
func areaLabel(a data.AuditArea) string {
	key := "Area: " + string(a)
	return lang.L(key)
}

// fieldLabel names a stored field as the screens call it: each key by
// zh.json's "Field: <key>", a position as 第N项 (Lines.2.Quantity is
// 第2项·数量). A whole value with no key is 内容.
func fieldLabel(path string) string {
	if path == "" {
		return lang.L("Field: value")
	}
	parts := strings.Split(path, ".")
	for i, p := range parts {
		if n, err := strconv.Atoi(p); err == nil {
			parts[i] = lang.L("Item {{.N}}", map[string]any{"N": n})
			continue
		}
		if p != "" && p[0] < utf8.RuneSelf { // a category's days are keyed by its Chinese name
			key := "Field: " + p
			parts[i] = lang.L(key)
		}
	}
	return strings.Join(parts, "·")
}

// fieldValue is a stored value of field as read: yes or no for true and
// false, the duty rules broken by their Chinese names.
func fieldValue(field, v string) string {
	switch {
	case v == "true":
		return lang.L("yes")
	case v == "false":
		return lang.L("no")
	case field == "Role" && v == "admin":
		return lang.L("Administrator")
	case field == "Role" && v == "clerk":
		return lang.L("Operator")
	case v != "" && (field == "Broken" || strings.HasSuffix(field, ".Broken")):
		rules := strings.Split(v, "、")
		for i, r := range rules {
			rules[i] = say.Rule(data.Rule(r))
		}
		return strings.Join(rules, "、")
	}
	return v
}

// personal are the stored fields that hold a guest's, a traveller's or a
// contact's ID number or phone: the trail, which any operator may open,
// shows them masked as every list does. Staff phones are the directory's,
// shown in full there too.
var personal = map[string]func(string) string{
	"IDNumber": data.MaskID, "Phone": data.MaskPhone, "EmergencyPhone": data.MaskPhone,
	"ReceiverPhone": data.MaskPhone, "DonorContact": data.MaskPhone,
}

// masked is a value of an entry's field as the trail may show it.
func masked(e data.AuditEntry, field, v string) string {
	mask, ok := personal[field[strings.LastIndexByte(field, '.')+1:]]
	if !ok || e.Entity == "staff" || e.Entity == "operators" {
		return v
	}
	return mask(v)
}

// changeLines are an entry's changed fields, one per line: 姓名:张三 →
// 李四; a field new or gone shows only the value it has or had.
func changeLines(e data.AuditEntry) []string {
	lines := make([]string, len(e.Changes))
	for i, c := range e.Changes {
		old, new := fieldValue(c.Field, masked(e, c.Field, c.Old)), fieldValue(c.Field, masked(e, c.Field, c.New))
		switch {
		case old == "":
			lines[i] = fieldLabel(c.Field) + ":" + new
		case new == "" && e.New != "":
			lines[i] = fieldLabel(c.Field) + ":" + old + " → " + lang.L("(none)")
		case new == "":
			lines[i] = fieldLabel(c.Field) + ":" + old
		default:
			lines[i] = fieldLabel(c.Field) + ":" + old + " → " + new
		}
	}
	return lines
}

// subjectText is what an entry is about: its area, and the record's name
// (or number).
func subjectText(e data.AuditEntry) string {
	s := areaLabel(e.Action.Area())
	switch {
	case e.Subject != "":
		return s + " " + e.Subject
	case e.EntityID != 0:
		return s + " " + lang.L("Record No. {{.N}}", map[string]any{"N": e.EntityID})
	}
	return s
}

// operatorText is who made an entry.
func operatorText(e data.AuditEntry) string {
	if e.Operator == "" {
		return lang.L("(no operators set up)")
	}
	return e.Operator
}

// auditTrail is 操作日志: the trail newest first, narrowed by operator,
// area, days and any text; a line opens in full.
type auditTrail struct {
	search, from, upto *textField
	operator, area     *widget.Select
	table              *table[data.AuditEntry]
	pages              *pager[data.AuditEntry]
}

// showAudit opens 操作日志.
func showAudit(w fyne.Window, a *app.App) *auditTrail {
	search := newField()
	search.SetPlaceHolder(lang.L("Search by name or any value"))
	everyone, everyArea := lang.L("(Every operator)"), lang.L("(Every area)")
	ops, err := a.DB.AuditOperators(a.Ctx())
	if err != nil {
		showMessage(w, lang.L("Audit trail"), say.Message(err))
		return nil
	}
	operator := newSelect(append([]string{everyone}, ops...), nil)
	operator.SetSelected(everyone)
	areas := []string{everyArea}
	for _, ar := range data.AuditAreas {
		areas = append(areas, areaLabel(ar))
	}
	area := newSelect(areas, nil)
	area.SetSelected(everyArea)
	from, upto := newDateField(a.Now, nil), newDateField(a.Now, nil)
	from.SetPlaceHolder(lang.L("From date"))
	upto.SetPlaceHolder(lang.L("To date"))

	table := newTableOf(
		col(lang.L("Time"), 150, func(e data.AuditEntry) string { return e.At.Format("2006-01-02 15:04:05") }),
		col(lang.L("Operator"), 90, operatorText),
		col(lang.L("Action"), 110, func(e data.AuditEntry) string { return actionLabel(e.Action) }),
		col(lang.L("Record"), 170, subjectText),
		col(lang.L("What changed"), 480, func(e data.AuditEntry) string { return strings.Join(changeLines(e), ";") }),
	)
	table.onSelect = func(e data.AuditEntry) { showAuditEntry(w, e) }
	pages := newPager(w, lang.L("Audit trail"), table, data.AuditPage, func(n int, more bool) string {
		if more {
			return lang.L("The newest {{.N}} entries; 更多 shows the next {{.Page}}. Tap one to read it in full.",
				map[string]any{"N": n, "Page": data.AuditPage})
		}
		return lang.L("{{.N}} entries; tap one to read it in full.", map[string]any{"N": n})
	})
	load := func() {
		q := data.AuditQuery{Text: search.Text}
		if operator.SelectedIndex() > 0 {
			q.Operator = operator.Selected
		}
		if i := area.SelectedIndex(); i > 0 {
			q.Area = data.AuditAreas[i-1]
		}
		for _, d := range []struct {
			field *textField
			into  *time.Time
			next  int
		}{{from, &q.From, 0}, {upto, &q.Upto, 1}} {
			if strings.TrimSpace(d.field.Text) == "" {
				continue
			}
			day, err := data.ParseDay(d.field.Text)
			if err != nil {
				pages.count.SetText(lang.L("Please enter a date such as 2026-11-03."))
				return
			}
			*d.into = day.AddDate(0, 0, d.next)
		}
		pages.start(func(last *data.AuditEntry) ([]data.AuditEntry, error) {
			q := q
			if last != nil {
				q.Before = last.ID
			}
			return a.DB.Audit(a.Ctx(), q)
		})
	}
	search.OnChanged = func(string) { load() }
	operator.OnChanged = func(string) { load() }
	area.OnChanged = func(string) { load() }
	for _, f := range []*textField{from, upto} {
		f.OnSubmitted = func(string) { load() }
	}
	load()
	filters := container.NewBorder(nil, nil, nil,
		container.NewHBox(container.NewGridWrap(fyne.NewSize(150, 36), operator), container.NewGridWrap(fyne.NewSize(150, 36), area),
			container.NewGridWrap(fyne.NewSize(170, 36), from), container.NewGridWrap(fyne.NewSize(170, 36), upto)),
		search)
	d := dialog.NewCustom(lang.L("Audit trail"), lang.L("Close"), container.NewBorder(filters, pages.bar, nil, nil, table.box), w)
	d.Resize(fyne.NewSize(1100, 640))
	showKeyed(w, d, d.Hide)
	w.Canvas().Focus(search)
	return &auditTrail{search: search, from: from, upto: upto, operator: operator, area: area, table: table, pages: pages}
}

// showAuditEntry shows one line of the trail in full: when, who, what,
// and every field that changed on a line of its own.
func showAuditEntry(w fyne.Window, e data.AuditEntry) {
	head := []string{
		lang.L("Time") + ":" + e.At.Format("2006-01-02 15:04:05"),
		lang.L("Operator") + ":" + operatorText(e),
		lang.L("Action") + ":" + actionLabel(e.Action),
		lang.L("Record") + ":" + subjectText(e),
	}
	changed := changeLines(e)
	if len(changed) == 0 {
		changed = []string{lang.L("(no fields recorded)")}
	}
	text := widget.NewLabel(strings.Join(head, "\n") + "\n\n" + lang.L("What changed") + ":\n" + strings.Join(changed, "\n"))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Audit entry"), lang.L("Close"), container.NewVScroll(text), w)
	d.Resize(fyne.NewSize(620, min(640, 200+28*float32(len(changed)))))
	showKeyed(w, d, d.Hide)
}
