package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
)

// Personal says whether ID numbers and phones print in full. Lists and
// slips mask them unless an operator explicitly chooses otherwise.
type Personal bool

const (
	Masked   Personal = false
	Unmasked Personal = true
)

func (p Personal) id(s string) string {
	if p == Unmasked {
		return s
	}
	return data.MaskID(s)
}

func (p Personal) phone(s string) string {
	if p == Unmasked {
		return s
	}
	return data.MaskPhone(s)
}

// ReleaseSlip prints the 解除隔离告知单 given to a guest on release: who,
// where and how long they were isolated, their tests, and the advice that
// follows, with lines to sign.
func ReleaseSlip(w io.Writer, post data.PostInfo, site data.Site, g data.Guest, tests []data.Test, printed time.Time, p Personal) error {
	d := NewDoc(false, post.PostName+"  "+lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	d.Title(lang.L("Notice of release from centralised isolation"), 18)
	d.Gap(4)
	end := g.PlannedRelease
	if !g.InIsolation() {
		end = g.EndedAt
	}
	days := int(end.Sub(g.CheckedInAt).Hours()/24 + 0.5)
	var done, negative int
	for _, t := range tests {
		if t.Result != "" {
			done++
		}
		if t.Result == data.TestNegative {
			negative++
		}
	}
	idText := ""
	if g.IDNumber != "" {
		idText = lang.L(", ID number {{.ID}}", map[string]any{"ID": p.id(g.IDNumber)})
	}
	d.Text(lang.L("ReleaseSlipBody", map[string]any{
		"Name": g.Name, "Sex": g.Sex, "ID": idText, "Category": g.Category,
		"In": g.CheckedInAt.Format("2006年1月2日"), "Site": site.Name, "Room": g.Room.Label(),
		"Days": days, "Tests": done, "Negative": negative, "Out": end.Format("2006年1月2日"),
	}), 12)
	d.Gap(2)
	d.Text(lang.L("ReleaseSlipAdvice"), 12)
	d.Gap(3)
	rows := make([][]string, len(tests))
	for i, t := range tests {
		sampled := ""
		if !t.SampledAt.IsZero() {
			sampled = t.SampledAt.Format("2006-01-02 15:04")
		}
		result := string(t.Result)
		if result == "" {
			result = lang.L("not sampled")
		}
		rows[i] = []string{lang.L("Day {{.Day}}", map[string]any{"Day": t.Day}), t.DueDate.Format("2006-01-02"), sampled, result}
	}
	d.Table([]Column{
		{Header: lang.L("Test"), Width: 30, Align: Center},
		{Header: lang.L("Due"), Width: 40, Align: Center},
		{Header: lang.L("Sampled"), Width: 50, Align: Center},
		{Header: lang.L("Result"), Width: d.PageWidth() - 120, Align: Center},
	}, rows, 10)
	d.Gap(8)
	d.Text(lang.L("Isolation site manager: {{.Manager}}   Phone: {{.Phone}}", map[string]any{"Manager": site.Manager, "Phone": site.Phone}), 11)
	d.Signatures(lang.L("Released person"), lang.L("Handled by"), lang.L("Date"))
	d.Gap(6)
	d.Text(post.PostName+lang.L(" (seal)"), 12)
	return d.Write(w)
}

// SiteRoster prints the current roster of a site (隔离人员名单), A4 landscape.
func SiteRoster(w io.Writer, post data.PostInfo, site data.Site, guests []data.Guest, printed time.Time, p Personal) error {
	d := NewDoc(true, post.PostName+"  "+site.Name+"  "+lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	d.Title(site.Name+lang.L(" roster of people in isolation"), 16)
	d.Text(lang.L("As of {{.Time}}, {{.N}} people in isolation. Manager: {{.Manager}} {{.Phone}}", map[string]any{
		"Time": printed.Format("2006年1月2日 15:04"), "N": len(guests), "Manager": site.Manager, "Phone": site.Phone}), 10)
	d.Gap(2)
	cols := []Column{
		{Header: lang.L("No."), Width: 10, Align: Center},
		{Header: lang.L("Room"), Width: 22, Align: Left},
		{Header: lang.L("Name"), Width: 20, Align: Left},
		{Header: lang.L("Sex"), Width: 10, Align: Center},
		{Header: lang.L("ID number"), Width: 40, Align: Left},
		{Header: lang.L("Phone"), Width: 28, Align: Left},
		{Header: lang.L("Category"), Width: 30, Align: Left},
		{Header: lang.L("Came from"), Width: 30, Align: Left},
		{Header: lang.L("Checked in"), Width: 22, Align: Center},
		{Header: lang.L("Planned release"), Width: 22, Align: Center},
	}
	cols = append(cols, Column{Header: lang.L("Special needs"), Width: d.PageWidth() - sumWidths(cols), Align: Left})
	rows := make([][]string, len(guests))
	for i, g := range guests {
		rows[i] = []string{strconv.Itoa(i + 1), g.Room.Label(), g.Name, g.Sex, p.id(g.IDNumber), p.phone(g.Phone),
			g.Category, g.CameFrom, g.CheckedInAt.Format("01-02"), g.PlannedRelease.Format("01-02"),
			strings.Join(g.SpecialNeeds, "、")}
	}
	d.Table(cols, rows, 9)
	d.Signatures(lang.L("Prepared by"), lang.L("Checked by"))
	return d.Write(w)
}

// GuestWorkbook is a site's guests, their tests and their temperatures as
// three worksheets for forwarding upward.
func GuestWorkbook(w io.Writer, guests []data.Guest, tests []data.GuestTest, temps []data.GuestTemperature, p Personal) error {
	people := Table{Name: lang.L("Guests"), Header: []string{lang.L("Name"), lang.L("Sex"), lang.L("ID number"),
		lang.L("Phone"), lang.L("Room"), lang.L("Category"), lang.L("Came from"), lang.L("Checked in"),
		lang.L("Planned release"), lang.L("Ended"), lang.L("Outcome"), lang.L("Special needs"),
		lang.L("Emergency contact"), lang.L("Emergency phone"), lang.L("Note")}}
	for _, g := range guests {
		ended := ""
		if !g.InIsolation() {
			ended = g.EndedAt.Format("2006-01-02 15:04")
		}
		people.Rows = append(people.Rows, []string{g.Name, g.Sex, p.id(g.IDNumber), p.phone(g.Phone), g.Room.Label(),
			g.Category, g.CameFrom, g.CheckedInAt.Format("2006-01-02 15:04"), g.PlannedRelease.Format("2006-01-02"),
			ended, string(g.Outcome), strings.Join(g.SpecialNeeds, "、"), g.EmergencyContact, p.phone(g.EmergencyPhone), g.Note})
	}
	testSheet := Table{Name: lang.L("Nucleic-acid tests"), Header: []string{lang.L("Name"), lang.L("Room"),
		lang.L("Test"), lang.L("Due"), lang.L("Sampled"), lang.L("Result")}}
	for _, t := range tests {
		sampled := ""
		if !t.SampledAt.IsZero() {
			sampled = t.SampledAt.Format("2006-01-02 15:04")
		}
		testSheet.Rows = append(testSheet.Rows, []string{t.Guest, t.Room, lang.L("Day {{.Day}}", map[string]any{"Day": t.Day}),
			t.DueDate.Format("2006-01-02"), sampled, string(t.Result)})
	}
	tempSheet := Table{Name: lang.L("Temperatures"), Header: []string{lang.L("Name"), lang.L("Room"), lang.L("Time"), lang.L("Temperature (°C)")}}
	for _, t := range temps {
		tempSheet.Rows = append(tempSheet.Rows, []string{t.Guest, t.Room, t.TakenAt.Format("2006-01-02 15:04"), fmt.Sprintf("%.1f", t.Celsius)})
	}
	return WriteXLSX(w, people, testSheet, tempSheet)
}
