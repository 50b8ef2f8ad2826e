package reports

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
)

// registrationColumns are the columns of the 登记表, printed or blank, so
// the paper form and the printout of typed entries look the same.
func registrationColumns(d *Doc) []Column {
	cols := []Column{
		{Header: lang.L("No."), Width: 9, Align: Center},
		{Header: lang.L("Time"), Width: 11, Align: Center},
		{Header: lang.L("Direction"), Width: 9, Align: Center},
		{Header: lang.L("Name"), Width: 20, Align: Left},
		{Header: lang.L("ID number"), Width: 38, Align: Left},
		{Header: lang.L("Phone"), Width: 24, Align: Left},
		{Header: lang.L("Plate"), Width: 22, Align: Left},
		{Header: lang.L("Passengers"), Width: 11, Align: Center},
		{Header: lang.L("Came from"), Width: 28, Align: Left},
		{Header: lang.L("Going to"), Width: 22, Align: Left},
		{Header: lang.L("Temperature (°C)"), Width: 16, Align: Center},
		{Header: lang.L("Health code"), Width: 13, Align: Center},
		{Header: lang.L("Action taken"), Width: 13, Align: Center},
	}
	return append(cols, Column{Header: lang.L("Note"), Width: d.PageWidth() - sumWidths(cols), Align: Left})
}

// RegistrationSheet prints a post's 登记表 for a day, A4 landscape: every
// passage of the shifts starting that day in time order, voided ones marked
// with their reason, then the day's counts per shift as the totals count
// them, with lines to sign.
func RegistrationSheet(w io.Writer, post data.PostInfo, pd data.PostDay, day time.Time, regs []data.Registration, printed time.Time, p Personal) error {
	c := pd.Checkpoint
	d := NewDoc(true, post.PostName+"  "+c.Name+"  "+lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	d.Title(c.Name+lang.L(" registration sheet"), 16)
	d.Text(lang.L("Date: {{.Date}}   Kind: {{.Kind}}   Location: {{.Location}}   In charge: {{.Manager}} {{.Phone}}", map[string]any{
		"Date": FormatDate(day), "Kind": c.Kind, "Location": c.Location, "Manager": c.Manager, "Phone": c.Phone}), 10)
	d.Gap(2)
	rows := make([][]string, len(regs))
	for i, r := range regs {
		celsius, outcome, passengers, note := "", string(r.Outcome), "", r.Note
		if r.Celsius != 0 {
			celsius = fmt.Sprintf("%.1f", r.Celsius)
		}
		if r.Passengers > 0 {
			passengers = strconv.Itoa(r.Passengers)
		}
		if r.IDOverride != "" {
			note = joinNonEmpty(note, lang.L("ID accepted despite its check digit: {{.Reason}}", map[string]any{"Reason": r.IDOverride}))
		}
		if !r.VoidedAt.IsZero() {
			outcome = lang.L("Voided")
			note = joinNonEmpty(lang.L("[voided: {{.Reason}}]", map[string]any{"Reason": r.VoidReason}), note)
		}
		rows[i] = []string{strconv.Itoa(i + 1), r.At.Format("15:04"), string(r.Direction), r.Name, p.id(r.IDNumber),
			p.phone(r.Phone), r.Plate, passengers, r.CameFrom, r.GoingTo, celsius, r.HealthCode, outcome, note}
	}
	if len(rows) == 0 {
		d.Text(lang.L("No passages were registered for this day."), 10)
	} else {
		d.Table(registrationColumns(d), rows, 8.5)
	}
	d.Gap(4)
	d.NeedSpace(float64(len(pd.Shifts)+2)*7 + 20) // the totals and the signatures on one page
	d.Text(lang.L("The day's totals by shift (voided entries not counted):"), 10)
	d.Gap(1)
	var totals [][]string
	for _, s := range pd.Shifts {
		totals = append(totals, ShiftCells(s))
	}
	totals = append(totals, append([]string{lang.L("Whole day"), ""}, CountCells(pd.Total)...))
	d.Table([]Column{
		{Header: lang.L("Shift"), Width: 40, Align: Left},
		{Header: lang.L("Entered as"), Width: 50, Align: Left},
		{Header: lang.L("Vehicles"), Width: 20, Align: Right},
		{Header: lang.L("People"), Width: 20, Align: Right},
		{Header: lang.L("Turned back"), Width: 20, Align: Right},
		{Header: lang.L("Fevers"), Width: 20, Align: Right},
		{Header: lang.L("Handed over"), Width: 20, Align: Right},
	}, totals, 9)
	d.Signatures(lang.L("Registered by"), lang.L("Person in charge"), lang.L("Checked by"))
	return d.Write(w)
}

// BlankRegistrationForm prints an empty 登记表 with the same columns, for
// writing by hand when the computer is down; what is written is typed in
// later or entered as the shift's tally.
func BlankRegistrationForm(w io.Writer, post data.PostInfo, c data.Checkpoint) error {
	name := c.Name
	if name == "" {
		name = lang.L("Checkpoint")
	}
	d := NewDoc(true, post.PostName+"  "+name)
	d.Title(name+lang.L(" registration sheet"), 16)
	d.Text(lang.L("BlankFormHeader"), 11)
	d.Gap(2)
	cols := registrationColumns(d)
	// A cell of one line break is two lines high: room for handwriting.
	rows := make([][]string, 11)
	for i := range rows {
		rows[i] = make([]string, len(cols))
		rows[i][0] = strconv.Itoa(i+1) + "\n"
	}
	d.Table(cols, rows, 9)
	d.Gap(2)
	d.Text(lang.L("BlankFormFooter"), 10)
	d.Signatures(lang.L("Registered by"), lang.L("Person in charge"))
	return d.Write(w)
}

// ShiftCells are a shift's columns in the day's totals: the shift (night
// shifts marked), where its counts come from, and the counts, or dashes
// when nothing was filed.
func ShiftCells(s data.ShiftTotal) []string {
	shift := s.Shift.String()
	if s.Night {
		shift += " " + lang.L("(night)")
	}
	if s.Source == data.NotFiled || s.Source == data.NotStarted {
		return []string{shift, string(s.Source), "—", "—", "—", "—", "—"}
	}
	return append([]string{shift, string(s.Source)}, CountCells(s.Counts)...)
}

// CountCells are the five counts as the ledgers order them.
func CountCells(k data.Counts) []string {
	return []string{strconv.Itoa(k.Vehicles), strconv.Itoa(k.People), strconv.Itoa(k.TurnedBack),
		strconv.Itoa(k.Fevers), strconv.Itoa(k.HandedOver)}
}

func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ";" + b
}
