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

// withChange is a figure with its change from the day before: 1234(+56).
func withChange(today, yesterday int) string {
	return fmt.Sprintf("%d(%+d)", today, today-yesterday)
}

// DailyTitle is the report's title line: the post's 疫情防控工作日报.
func DailyTitle(post data.PostInfo) string {
	name := post.Township
	if name == "" {
		name = post.PostName
	}
	return name + lang.L("Daily epidemic prevention report")
}

// DailyNumber is 第N期, marked 修订 with its version when re-issued.
func DailyNumber(r data.DailyReport) string {
	s := lang.L("No. {{.N}}", map[string]any{"N": r.Number})
	if r.Revised() {
		s += " " + lang.L("(revised, version {{.V}})", map[string]any{"V": r.Version})
	}
	return s
}

// checkpointRows are the checkpoint table: each post, then all posts and
// the night shifts, with the change from the day before on the totals. A
// post with nothing entered says 未填报, never 0.
func checkpointRows(r data.DailyReport) [][]string {
	var rows [][]string
	for _, c := range r.Today.Checkpoints {
		if c.Unfiled {
			rows = append(rows, []string{c.Name, string(data.NotFiled), "", "", "", "", ""})
			continue
		}
		rows = append(rows, append([]string{c.Name}, append(CountCells(c.Total), strconv.Itoa(c.Night.People))...))
	}
	t, y := r.Today.PostsTotal, r.Yesterday.PostsTotal
	rows = append(rows, []string{lang.L("All checkpoints"), withChange(t.Vehicles, y.Vehicles), withChange(t.People, y.People),
		withChange(t.TurnedBack, y.TurnedBack), withChange(t.Fevers, y.Fevers), withChange(t.HandedOver, y.HandedOver),
		withChange(r.Today.PostsNight.People, r.Yesterday.PostsNight.People)})
	return rows
}

func checkpointHeader() []string {
	return []string{lang.L("Checkpoint"), lang.L("Vehicles"), lang.L("People"), lang.L("Turned back"), lang.L("Fevers"),
		lang.L("Handed over"), lang.L("People at night")}
}

// siteRows are the isolation table: each site and the total, with the
// change from the day before on the total.
func siteRows(r data.DailyReport) [][]string {
	var rows [][]string
	var t, y data.SiteFigures
	sum := func(dst *data.SiteFigures, s data.SiteFigures) {
		dst.Rooms += s.Rooms
		dst.Occupied += s.Occupied
		dst.Vacant += s.Vacant
		dst.AwaitCleaning += s.AwaitCleaning
		dst.InIsolation += s.InIsolation
		dst.Admitted += s.Admitted
		dst.Released += s.Released
		dst.Transferred += s.Transferred
		dst.TestsDone += s.TestsDone
		dst.Positives += s.Positives
		dst.Fevers += s.Fevers
	}
	for _, s := range r.Today.Sites {
		sum(&t, s)
		rows = append(rows, []string{s.Name, strconv.Itoa(s.Rooms), strconv.Itoa(s.Occupied), strconv.Itoa(s.Vacant),
			strconv.Itoa(s.AwaitCleaning), strconv.Itoa(s.InIsolation), strconv.Itoa(s.Admitted), strconv.Itoa(s.Released),
			strconv.Itoa(s.Transferred), strconv.Itoa(s.TestsDone), strconv.Itoa(s.Positives), strconv.Itoa(s.Fevers)})
	}
	for _, s := range r.Yesterday.Sites {
		sum(&y, s)
	}
	return append(rows, []string{lang.L("All sites"), strconv.Itoa(t.Rooms), withChange(t.Occupied, y.Occupied),
		withChange(t.Vacant, y.Vacant), withChange(t.AwaitCleaning, y.AwaitCleaning), withChange(t.InIsolation, y.InIsolation),
		withChange(t.Admitted, y.Admitted), withChange(t.Released, y.Released), withChange(t.Transferred, y.Transferred),
		withChange(t.TestsDone, y.TestsDone), withChange(t.Positives, y.Positives), withChange(t.Fevers, y.Fevers)})
}

func siteHeader() []string {
	return []string{lang.L("Isolation site"), lang.L("Rooms"), lang.L("Occupied"), lang.L("Vacant"), lang.L("Awaiting disinfection"),
		lang.L("In isolation"), lang.L("Admitted today"), lang.L("Released today"), lang.L("Transferred today"),
		lang.L("Tests today"), lang.L("Positive"), lang.L("Fevers")}
}

// categoryLine says who is in isolation at a site, by category.
func categoryLine(s data.SiteFigures) string {
	var parts []string
	for _, c := range s.ByCategory {
		parts = append(parts, fmt.Sprintf("%s%d人", c.Category, c.N))
	}
	if len(parts) == 0 {
		return s.Name + ":" + lang.L("no one in isolation")
	}
	return s.Name + ":" + strings.Join(parts, "、")
}

func itemRows(r data.DailyReport) [][]string {
	var rows [][]string
	for _, it := range r.Today.KeyItems {
		rows = append(rows, []string{it.Item, strconv.Itoa(it.OnHand) + it.Unit, strconv.Itoa(it.In), strconv.Itoa(it.Out)})
	}
	return rows
}

func itemHeader() []string {
	return []string{lang.L("Item"), lang.L("On hand"), lang.L("In today"), lang.L("Out today")}
}

func orNone(items []string) string {
	if len(items) == 0 {
		return lang.L("none")
	}
	return strings.Join(items, "、")
}

// eventsText is the notable events, or the zero-report line when the day
// had nothing abnormal and nothing was written.
func eventsText(r data.DailyReport) string {
	if strings.TrimSpace(r.Events) != "" {
		return r.Events
	}
	if !r.Today.Abnormal() {
		return lang.L("No new abnormal situation today.")
	}
	return lang.L("Fevers or positive results today: see the checkpoint and isolation figures above.")
}

// DailyReportPDF prints the 疫情防控工作日报, A4 portrait, from a report's
// figures (frozen ones for an issued report).
func DailyReportPDF(w io.Writer, r data.DailyReport, printed time.Time) error {
	t := r.Today
	d := NewDoc(false, t.Post.PostName+"  "+DailyNumber(r)+"  "+lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	d.Title(DailyTitle(t.Post), 18)
	d.Title(DailyNumber(r), 12)
	header := t.Post.PostName + "    " + FormatDate(t.Day)
	if !r.IssuedAt.IsZero() {
		header += "    " + lang.L("Issued {{.Time}}", map[string]any{"Time": r.IssuedAt.Format("2006年1月2日 15:04")})
	}
	d.Text(header, 11)
	d.Gap(3)

	d.Title(lang.L("1. Duty"), 13)
	d.Text(lang.L("Leader of the day: {{.Leader}}", map[string]any{"Leader": orUnfiled(t.Leaders)}), 10.5)
	d.Text(lang.L("Command-post duty: {{.Who}}", map[string]any{"Who": orUnfiled(t.OnDuty)}), 10.5)
	d.Text(lang.L("Duty phone: {{.Phone}}", map[string]any{"Phone": t.Post.DutyPhone}), 10.5)
	d.Gap(2)

	d.NeedSpace(40)
	d.Title(lang.L("2. Checkpoints"), 13)
	cols := columns(d, checkpointHeader(), 40)
	d.Table(cols, checkpointRows(r), 9.5)
	d.Text(lang.L("Totals in brackets: change from the day before. Night shifts are those starting 20:00–08:00."), 8.5)
	d.Gap(2)

	d.NeedSpace(40)
	d.Title(lang.L("3. Isolation"), 13)
	d.Table(columns(d, siteHeader(), 34), siteRows(r), 8)
	for _, s := range t.Sites {
		d.Text(categoryLine(s), 9.5)
	}
	d.Gap(2)

	d.NeedSpace(40)
	d.Title(lang.L("4. Materials"), 13)
	d.Table(columns(d, itemHeader(), 70), itemRows(r), 9.5)
	d.Text(lang.L("Under warning level: {{.List}}.", map[string]any{"List": orNone(t.ShortItems)}), 10)
	d.Text(lang.L("Fewest days of supply: {{.List}}.", map[string]any{"List": orNone(t.FewestDays)}), 10)
	d.Gap(2)

	d.NeedSpace(40)
	d.Title(lang.L("5. Notable events"), 13)
	d.Text(eventsText(r), 10.5)
	if len(t.Unfiled) > 0 {
		d.Gap(2)
		d.Text(lang.L("Not filed for the day: {{.List}}.", map[string]any{"List": strings.Join(t.Unfiled, "、")}), 10)
	}
	leader := ""
	if len(t.Leaders) > 0 {
		leader = strings.Fields(t.Leaders[0])[0]
	}
	d.Signatures(lang.L("Filled by")+" "+r.FilledBy, lang.L("Reviewed by")+" "+r.ReviewedBy, lang.L("Leader of the day")+" "+leader)
	return d.Write(w)
}

// columns spreads a header over the page: the first column wide, the rest
// equal.
func columns(d *Doc, header []string, first float64) []Column {
	cols := []Column{{Header: header[0], Width: first, Align: Left}}
	rest := (d.PageWidth() - first) / float64(len(header)-1)
	for _, h := range header[1:] {
		cols = append(cols, Column{Header: h, Width: rest, Align: Right})
	}
	return cols
}

func orUnfiled(items []string) string {
	if len(items) == 0 {
		return string(data.NotFiled)
	}
	return strings.Join(items, ";")
}

// DailySections are the report's sections as tables: the preview shows
// them, the workbook has a sheet for each.
func DailySections(r data.DailyReport) []Table {
	t := r.Today
	duty := Table{Name: lang.L("Duty"), Header: []string{lang.L("Entry"), lang.L("Particulars")}, Rows: [][]string{
		{lang.L("Leader of the day"), orUnfiled(t.Leaders)},
		{lang.L("Command-post duty"), orUnfiled(t.OnDuty)},
		{lang.L("Duty phone"), t.Post.DutyPhone},
	}}
	var cats [][]string
	for _, s := range t.Sites {
		for _, c := range s.ByCategory {
			cats = append(cats, []string{s.Name, c.Category, strconv.Itoa(c.N)})
		}
	}
	materials := Table{Name: lang.L("Materials"), Header: itemHeader(), Rows: append(itemRows(r),
		[]string{lang.L("Under warning level"), orNone(t.ShortItems), "", ""},
		[]string{lang.L("Fewest days of supply"), orNone(t.FewestDays), "", ""})}
	events := Table{Name: lang.L("Notable events"), Header: []string{lang.L("Notable events")}, Rows: [][]string{{eventsText(r)}}}
	if len(t.Unfiled) > 0 {
		events.Rows = append(events.Rows, []string{lang.L("Not filed for the day: {{.List}}.", map[string]any{"List": strings.Join(t.Unfiled, "、")})})
	}
	return []Table{duty,
		{Name: lang.L("Checkpoints"), Header: checkpointHeader(), Rows: checkpointRows(r)},
		{Name: lang.L("Isolation"), Header: siteHeader(), Rows: siteRows(r)},
		{Name: lang.L("In isolation by category"), Header: []string{lang.L("Isolation site"), lang.L("Category"), lang.L("People")}, Rows: cats},
		materials, events}
}

// DailyReportWorkbook is the same figures as a workbook, one sheet per
// section, for forwarding upward.
func DailyReportWorkbook(w io.Writer, r data.DailyReport) error {
	return WriteXLSX(w, DailySections(r)...)
}
