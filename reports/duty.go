package reports

import (
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
)

// shiftLabel names a row of the roster: the post and its shift.
func shiftLabel(p data.DutyPost, s data.Shift) string {
	label := p.Name + "\n" + s.String()
	if s.Night() {
		label += lang.L("(night)")
	}
	return label
}

// people lists who is on a shift with their phones, one per line, and
// says what is missing.
func people(v *data.ShiftView, withPhone bool) string {
	if v == nil {
		return "—"
	}
	var lines []string
	for _, a := range v.People {
		line := a.Staff.Name
		if withPhone && a.Staff.Phone != "" {
			line += " " + a.Staff.Phone
		}
		lines = append(lines, line)
	}
	if v.Missing > 0 {
		lines = append(lines, lang.L("[{{.N}} missing]", map[string]any{"N": v.Missing}))
	}
	return strings.Join(lines, "\n")
}

// WeekRoster prints the 值班表 of a week, A4 landscape: the days across,
// the day's leader first, then every post and shift down, names with
// phone numbers; the header repeats on every page.
func WeekRoster(w io.Writer, post data.PostInfo, week data.Week, printed time.Time) error {
	d := NewDoc(true, post.PostName+"  "+lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	last := week.Days[len(week.Days)-1]
	title := post.PostName
	if !strings.Contains(title, post.Township) {
		title = post.Township + title
	}
	d.Title(title+lang.L(" duty roster"), 16)
	d.Text(lang.L("From {{.From}} to {{.To}}    Duty phone: {{.Phone}}", map[string]any{
		"From": week.Days[0].Format("2006年1月2日"), "To": last.Format("1月2日"), "Phone": post.DutyPhone}), 10.5)
	d.Gap(2)
	first := 30.0
	cols := []Column{{Header: lang.L("Post and shift"), Width: first, Align: Left}}
	for _, day := range week.Days {
		cols = append(cols, Column{Header: FormatDay(day),
			Width: (d.PageWidth() - first) / float64(len(week.Days)), Align: Left})
	}
	rows := [][]string{}
	leader := []string{lang.L("Leader of the day")}
	for i := range week.Days {
		leader = append(leader, people(&week.Leaders[i], true))
	}
	rows = append(rows, leader)
	for _, r := range week.Rows {
		row := []string{shiftLabel(r.Post, r.Shift)}
		for _, v := range r.Days {
			row = append(row, people(v, true))
		}
		rows = append(rows, row)
	}
	d.Table(cols, rows, 7.5)
	d.Gap(3)
	d.Text(lang.L("RosterFooter"), 9)
	return d.Write(w)
}

// DaySheet prints one post's duty for a day, A4 portrait: each shift with
// its people and phones and room to sign on and off, the day's leader and
// the duty phone.
func DaySheet(w io.Writer, post data.PostInfo, p data.DutyPost, day time.Time, leader *data.ShiftView, shifts []*data.ShiftView, printed time.Time) error {
	d := NewDoc(false, post.PostName+"  "+lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	d.Title(p.Name+lang.L(" duty sheet"), 16)
	d.Text(lang.L("Date: {{.Date}}    Leader of the day: {{.Leader}}    Duty phone: {{.Phone}}", map[string]any{
		"Date": FormatDate(day), "Leader": strings.ReplaceAll(people(leader, true), "\n", "、"), "Phone": post.DutyPhone}), 10.5)
	d.Gap(2)
	var rows [][]string
	for _, v := range shifts {
		if v == nil {
			continue
		}
		shift := v.Slot.Shift.String()
		if v.Slot.Night {
			shift += lang.L("(night)")
		}
		for i, a := range v.People {
			label := ""
			if i == 0 {
				label = shift
			}
			rows = append(rows, []string{label, a.Staff.Name, a.Staff.Kind, a.Staff.Phone, "", ""})
		}
		if v.Missing > 0 {
			rows = append(rows, []string{shift, lang.L("[{{.N}} missing]", map[string]any{"N": v.Missing}), "", "", "", ""})
		}
	}
	cols := []Column{
		{Header: lang.L("Shift"), Width: 32, Align: Left},
		{Header: lang.L("Name"), Width: 28, Align: Left},
		{Header: lang.L("Kind"), Width: 26, Align: Left},
		{Header: lang.L("Phone"), Width: 30, Align: Left},
		{Header: lang.L("Signed on"), Width: 34, Align: Left},
	}
	cols = append(cols, Column{Header: lang.L("Signed off"), Width: d.PageWidth() - sumWidths(cols), Align: Left})
	d.Table(cols, rows, 10.5)
	d.Gap(4)
	d.Text(lang.L("DaySheetNote"), 10)
	d.Signatures(lang.L("Person in charge"), lang.L("Leader of the day"))
	return d.Write(w)
}
