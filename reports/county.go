package reports

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
)

// CountyNumber is the county report's 第N期, marked like a township's.
func CountyNumber(r data.CountyReport) string {
	return DailyNumber(data.DailyReport{Number: r.Number, Version: r.Version, Backfill: r.Backfill})
}

// StatusText is a township's standing with a day's report: 已报, 零报告 or
// 未报.
func StatusText(s data.ReportStatus) string {
	switch s {
	case data.Reported:
		return lang.L("Reported")
	case data.ZeroReported:
		return lang.L("Zero report")
	}
	return lang.L("Not reported")
}

// TimelinessText is 按时 or 迟报 for a report received, empty otherwise.
func TimelinessText(t data.TownshipDay) string {
	switch {
	case t.Status == data.NotReported:
		return ""
	case t.OnTime:
		return lang.L("On time")
	}
	return lang.L("Late")
}

// percent is a rate as people read it: 83.3%; "—" when nothing was due.
func percent(n, of int) string {
	if of == 0 {
		return "—"
	}
	return strconv.FormatFloat(100*float64(n)/float64(of), 'f', 1, 64) + "%"
}

// RateLine says how many reported of those expected, on time, zero and
// missing, for the day and the month.
func RateLine(c data.CountyDay) string {
	r, zero := c.Rate(), 0
	for _, t := range c.Townships {
		if t.Status == data.ZeroReported {
			zero++
		}
	}
	return lang.L("{{.Expected}} townships due, {{.Actual}} reported ({{.OnTime}} on time, {{.Zero}} zero reports), {{.Missing}} not reported; reporting rate {{.Rate}}, on time {{.Timely}}; this month {{.MRate}}, on time {{.MTimely}}.",
		map[string]any{"Expected": r.Expected, "Actual": r.Actual, "OnTime": r.OnTime, "Zero": zero, "Missing": len(c.Missing()),
			"Rate": percent(r.Actual, r.Expected), "Timely": percent(r.OnTime, r.Expected),
			"MRate": percent(c.Month.Actual, c.Month.Expected), "MTimely": percent(c.Month.OnTime, c.Month.Expected)})
}

// MissingLine names the townships that have not reported, or says all have.
func MissingLine(c data.CountyDay) string {
	var names []string
	for _, t := range c.Missing() {
		names = append(names, t.Township.Name)
	}
	if len(names) == 0 {
		return lang.L("Every township has reported.")
	}
	return lang.L("Not reported: {{.List}} ({{.N}}).", map[string]any{"List": strings.Join(names, "、"), "N": len(names)})
}

// CountySheets are the county report's sections, typed: the workbook
// writes them as they are and the PDF and the screen as text, so the
// three cannot disagree. Every section has a row per township expected;
// those with figures end in the county's total.
func CountySheets(r data.CountyReport) []Sheet {
	c := r.Day
	posts, sites, items := c.Totals()
	county := lang.L("Whole county")

	status := Sheet{Name: lang.L("Reporting"), Header: []string{lang.L("Township"), lang.L("Status"), lang.L("Timeliness"),
		lang.L("Number"), lang.L("Version"), lang.L("Issued at"), lang.L("Leader of the day"), lang.L("Duty phone")}}
	checks := Sheet{Name: lang.L("Checkpoints"), Header: []string{lang.L("Township"), lang.L("Posts reporting"), lang.L("Vehicles"),
		lang.L("People"), lang.L("Turned back"), lang.L("Fevers"), lang.L("Handed over")}}
	rooms := Sheet{Name: lang.L("Rooms"), Header: []string{lang.L("Township"), lang.L("Sites"), lang.L("Rooms"), lang.L("Occupied"),
		lang.L("Vacant"), lang.L("Awaiting disinfection")}}
	people := Sheet{Name: lang.L("Isolation"), Header: []string{lang.L("Township"), lang.L("In isolation"), lang.L("Admitted today"),
		lang.L("Released today"), lang.L("Transferred today"), lang.L("Tests today"), lang.L("New positives today"),
		lang.L("Positive in isolation"), lang.L("Fevers")}}
	short := Sheet{Name: lang.L("Materials to watch"), Header: []string{lang.L("Township"), lang.L("Lines under warning level"),
		lang.L("Under warning level")}}
	notable := Sheet{Name: lang.L("Notable events"), Header: []string{lang.L("Township"), lang.L("Notable events")}}

	var postsFiled, postsAll, siteCount, shortLines int
	var zero []string
	for _, t := range c.Townships {
		name := t.Township.Name
		if t.Status == data.NotReported {
			status.Rows = append(status.Rows, []any{name, StatusText(t.Status), nil, nil, nil, nil, nil, t.Township.Phone})
			missing := lang.L("Not reported")
			checks.Rows = append(checks.Rows, []any{name, missing})
			rooms.Rows = append(rooms.Rows, []any{name, missing})
			people.Rows = append(people.Rows, []any{name, missing})
			short.Rows = append(short.Rows, []any{name, missing})
			continue
		}
		s := t.Report
		status.Rows = append(status.Rows, []any{name, StatusText(t.Status), TimelinessText(t), s.Number, s.Version, s.IssuedAt,
			leaders(s.Leaders), s.DutyPhone})
		p := s.PostsTotal
		checks.Rows = append(checks.Rows, []any{name, fmt.Sprintf("%d/%d", s.PostsFiled, s.Posts), p.Vehicles, p.People,
			p.TurnedBack, p.Fevers, p.HandedOver})
		postsFiled, postsAll = postsFiled+s.PostsFiled, postsAll+s.Posts
		x := s.Isolation()
		rooms.Rows = append(rooms.Rows, []any{name, len(s.Sites), x.Rooms, x.Occupied, x.Vacant, x.AwaitCleaning})
		siteCount += len(s.Sites)
		people.Rows = append(people.Rows, []any{name, x.InIsolation, x.Admitted, x.Released, x.Transferred, x.TestsDone,
			x.Positives, x.PositiveInIsolation, x.Fevers})
		short.Rows = append(short.Rows, []any{name, len(s.ShortItems), orNone(s.ShortItems)})
		shortLines += len(s.ShortItems)
		switch {
		case s.Zero:
			zero = append(zero, name)
		case strings.TrimSpace(s.Events) != "":
			notable.Rows = append(notable.Rows, []any{name, s.Events})
		default:
			notable.Rows = append(notable.Rows, []any{name, lang.L("Fevers or positive results today: see the checkpoint and isolation figures above.")})
		}
	}
	checks.Rows = append(checks.Rows, []any{county, fmt.Sprintf("%d/%d", postsFiled, postsAll), posts.Vehicles, posts.People,
		posts.TurnedBack, posts.Fevers, posts.HandedOver})
	rooms.Rows = append(rooms.Rows, []any{county, siteCount, sites.Rooms, sites.Occupied, sites.Vacant, sites.AwaitCleaning})
	people.Rows = append(people.Rows, []any{county, sites.InIsolation, sites.Admitted, sites.Released, sites.Transferred,
		sites.TestsDone, sites.Positives, sites.PositiveInIsolation, sites.Fevers})
	short.Rows = append(short.Rows, []any{county, shortLines})
	if len(zero) > 0 {
		notable.Rows = append(notable.Rows, []any{lang.L("Zero reports"), strings.Join(zero, "、")})
	}
	if r.Events != "" {
		notable.Rows = append([][]any{{county, r.Events}}, notable.Rows...)
	}

	stock := Sheet{Name: lang.L("Materials"), Header: []string{lang.L("Item"), lang.L("Unit"), lang.L("On hand"), lang.L("In today"),
		lang.L("Out today"), lang.L("Days of supply"), lang.L("Townships reporting it")}}
	for _, it := range items {
		var days any = data.FormatDays(it.DaysLeft())
		if it.DaysLeft() >= 0 {
			days = math.Round(it.DaysLeft()*10) / 10 // as FormatDays prints it
		}
		stock.Rows = append(stock.Rows, []any{it.Item, it.Unit, it.OnHand, it.In, it.Out, days, it.Townships})
	}
	return []Sheet{status, checks, rooms, people, stock, short, notable}
}

// leaders are the day's leaders by name, without the phones the township
// report gives them.
func leaders(list []string) string {
	var names []string
	for _, l := range list {
		if f := strings.Fields(l); len(f) > 0 {
			names = append(names, f[0])
		}
	}
	return orUnfiled(names)
}

// shortLine is the lines under their warning level, township by township,
// as one sentence.
func shortLine(c data.CountyDay) string {
	var parts []string
	n := 0
	for _, t := range c.Townships {
		if t.Status != data.NotReported && len(t.Report.ShortItems) > 0 {
			parts = append(parts, t.Township.Name+" "+strings.Join(t.Report.ShortItems, "、"))
			n += len(t.Report.ShortItems)
		}
	}
	if n == 0 {
		return lang.L("Under warning level: none in any township that reported.")
	}
	return lang.L("Under warning level ({{.N}} lines): {{.List}}; none in the other townships that reported.",
		map[string]any{"N": n, "List": strings.Join(parts, ";")})
}

// CountySummary is the county report's 今日要情: one sentence a section.
func CountySummary(r data.CountyReport) []string {
	c := r.Day
	posts, sites, items := c.Totals()
	out := []string{RateLine(c)}
	out = append(out, lang.L("Checkpoints: {{.Vehicles}} vehicles and {{.People}} people checked, {{.Back}} turned back, {{.Fevers}} with fever, {{.Handed}} handed over.",
		map[string]any{"Vehicles": posts.Vehicles, "People": posts.People, "Back": posts.TurnedBack, "Fevers": posts.Fevers, "Handed": posts.HandedOver}))
	out = append(out, lang.L("Isolation: {{.In}} in isolation, {{.Vacant}} rooms vacant; {{.Admitted}} admitted, {{.Released}} released today; {{.Tests}} tests, {{.New}} new positives, {{.Pos}} positive in isolation.",
		map[string]any{"In": sites.InIsolation, "Vacant": sites.Vacant, "Admitted": sites.Admitted, "Released": sites.Released,
			"Tests": sites.TestsDone, "New": sites.Positives, "Pos": sites.PositiveInIsolation}))
	var used []data.CountyItem
	for _, it := range items {
		if it.DaysLeft() >= 0 {
			used = append(used, it)
		}
	}
	slices.SortStableFunc(used, func(a, b data.CountyItem) int { return cmp.Compare(a.DaysLeft(), b.DaysLeft()) })
	var fewest []string
	for _, it := range used[:min(3, len(used))] {
		fewest = append(fewest, it.Item+" "+data.FormatDays(it.DaysLeft()))
	}
	out = append(out, lang.L("Materials (fewest days of supply across the county): {{.List}}; {{.Short}}",
		map[string]any{"List": orNone(fewest), "Short": shortLine(c)}))
	return out
}

// cellText is a typed cell as printed.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case time.Time:
		return x.Format("1月2日 15:04")
	}
	return fmt.Sprint(v)
}

func texts(rows [][]any) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		for _, v := range r {
			out[i] = append(out[i], cellText(v))
		}
	}
	return out
}

// CountyReportPDF prints the 全县疫情防控工作日报 in the official layout of
// the townships' reports: the townships not reported named first, then
// 今日要情 and a table a section, a row per township and the county's total.
func CountyReportPDF(w io.Writer, r data.CountyReport, printed time.Time) error {
	c := r.Day
	d := NewOfficialDoc(c.County.PostName + "  " + CountyNumber(r) + "  " + lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	d.SongTitle(DailyTitle(c.County), 26, Red)
	d.Gap(2)
	d.SongTitle(CountyNumber(r), 15, Black)
	d.Gap(2)
	d.Spread(c.County.PostName, c.Day.Format("2006年1月2日"), 12)
	d.Gap(1)
	d.Rule(0.8, Red)
	d.Gap(4)
	if r.Revised() && r.RevisionNote != "" {
		d.Prose(lang.L("Revision note: {{.Note}}", map[string]any{"Note": r.RevisionNote}), 12, Left)
		d.Gap(2)
	}
	d.Prose(MissingLine(c), 13, Left)
	d.Gap(2)
	d.Title(lang.L("Key figures of the day"), 14)
	for _, line := range CountySummary(r) {
		d.Prose("　　"+line, 12, Left)
	}
	d.Gap(3)
	sheets := CountySheets(r)
	table := func(title string, s Sheet, cols []Column) {
		d.NeedSpace(35)
		if title != "" {
			d.Title(title, 13)
		}
		d.Table(cols, texts(s.Rows), 9)
		d.Gap(2)
	}
	// Times, names and phones each on one line.
	table(lang.L("1. Reporting and duty"), sheets[0], fixedColumns(d, sheets[0].Header, 22, 13, 16, 11, 10, 25, 30))
	table(lang.L("2. Checkpoints"), sheets[1], columns(d, sheets[1].Header, 24))
	table(lang.L("3. Isolation"), sheets[2], columns(d, sheets[2].Header, 24))
	table("", sheets[3], columns(d, sheets[3].Header, 24))
	table(lang.L("4. Materials"), sheets[4], columns(d, sheets[4].Header, 46))
	d.Prose(shortLine(c), 11, Left) // the sheet's rows of 0 would fill a page
	d.Gap(2)
	table(lang.L("5. Notable events"), sheets[6], fixedColumns(d, sheets[6].Header, 24))
	d.Text(lang.L("Each township's newest version counts. Reports are due by {{.Deadline}}; on time means the first version was issued by then.",
		map[string]any{"Deadline": c.Deadline.Format("1月2日 15:04")}), 8.5)

	d.NeedSpace(40)
	d.Gap(18)
	signature(d, c.County, c.Day, r.IssuedAt)
	colophon(d, c.County, r.IssuedAt, 3, [][2]string{{lang.L("Signed by"), r.SignedBy}, {lang.L("Reviewed by"), r.ReviewedBy},
		{lang.L("Filled by"), r.FilledBy}})
	return d.Write(w)
}

// fixedColumns are columns of the widths given, the last taking the rest
// of the page; the first is left aligned, text columns too.
func fixedColumns(d *Doc, header []string, widths ...float64) []Column {
	var cols []Column
	used := 0.0
	for i, h := range header {
		c := Column{Header: h, Align: Left}
		if i < len(widths) && i < len(header)-1 {
			c.Width = widths[i]
		} else {
			c.Width = d.PageWidth() - used
		}
		used += c.Width
		cols = append(cols, c)
	}
	return cols
}

// CountyReportWorkbook is the county report as a workbook: a sheet a
// section, numbers as numbers, so the county's totals can be checked with
// a SUM over the townships.
func CountyReportWorkbook(w io.Writer, r data.CountyReport) error {
	c := r.Day
	var issued any
	if !r.IssuedAt.IsZero() {
		issued = r.IssuedAt
	}
	about := Sheet{Name: lang.L("About the report"), Header: []string{lang.L("Entry"), lang.L("Particulars")}, Rows: [][]any{
		{lang.L("Title"), DailyTitle(c.County)},
		{lang.L("Date"), c.Day},
		{lang.L("Number"), r.Number},
		{lang.L("Version"), max(r.Version, 1)},
		{lang.L("Issued at"), issued},
		{lang.L("Issuing office"), c.County.PostName},
		{lang.L("Signed by"), r.SignedBy},
		{lang.L("Reviewed by"), r.ReviewedBy},
		{lang.L("Filled by"), r.FilledBy},
		{lang.L("Revision note"), r.RevisionNote},
		{lang.L("Reporting"), MissingLine(c)},
	}}
	for _, line := range CountySummary(r) {
		about.Rows = append(about.Rows, []any{lang.L("Key figures of the day"), line})
	}
	return WriteSheets(w, append([]Sheet{about}, CountySheets(r)...)...)
}

// CountySections are the county report's sections as text tables, for
// the screen: the same cells the PDF prints.
func CountySections(r data.CountyReport) []Table {
	summary := [][]string{{MissingLine(r.Day)}}
	for _, line := range CountySummary(r) {
		summary = append(summary, []string{line})
	}
	out := []Table{{Name: lang.L("Key figures of the day"), Header: []string{lang.L("Key figures of the day")}, Rows: summary}}
	for _, s := range CountySheets(r) {
		out = append(out, Table{Name: s.Name, Header: s.Header, Rows: texts(s.Rows)})
	}
	return out
}

// CountyChanges lists, figure by figure, what a re-issue of the county's
// report changes from the issued version.
func CountyChanges(old, now data.CountyReport) []Change {
	return sectionChanges(CountySections(old), CountySections(now))
}
