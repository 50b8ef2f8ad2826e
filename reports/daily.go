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

// DailyTitle is the report's title line: the post's 疫情防控工作日报.
func DailyTitle(post data.PostInfo) string {
	name := post.Township
	if name == "" {
		name = post.PostName
	}
	return name + lang.L("Daily epidemic prevention report")
}

// DailyNumber is 第N期, marked 修订 with its version when re-issued and 补报
// when filed after a later day's.
func DailyNumber(r data.DailyReport) string {
	s := lang.L("No. {{.N}}", map[string]any{"N": r.Number})
	if r.Backfill {
		s += lang.L("(filed late)")
	}
	if r.Revised() {
		s += " " + lang.L("(revised, version {{.V}})", map[string]any{"V": r.Version})
	}
	return s
}

// Cutoff says where a running day's figures stop: 统计截至15:36; empty for
// a whole day.
func Cutoff(f data.DailyFigures) string {
	if !f.PartDay() {
		return ""
	}
	return lang.L("Figures up to {{.Time}}", map[string]any{"Time": f.AsOf.Format("15:04")})
}

// comparedWith says what the brackets compare with: the whole day before,
// or the day before up to the same time; or that the checkpoints' totals
// are not compared, the day before having posts with nothing entered.
func comparedWith(r data.DailyReport) string {
	s := lang.L("Brackets: change from the day before.")
	if r.Today.PartDay() {
		s = lang.L("Brackets: change from yesterday up to the same time ({{.Time}}).", map[string]any{"Time": r.Today.AsOf.Format("15:04")})
	}
	if !postsComparable(r) {
		s += lang.L("The checkpoints' totals are not compared: the day before has posts with nothing entered (未填报), which are not 0.")
	}
	return s
}

// postsComparable reports whether the day before's checkpoint totals are
// figures to compare with.
func postsComparable(r data.DailyReport) bool {
	return r.Yesterday.PostsFiled() && len(r.Yesterday.Checkpoints) > 0
}

// change is a figure with its change from the day before: 1234(+56); the
// figure alone when there is nothing to compare it with.
func change(today, yesterday int, comparable bool) string {
	if !comparable {
		return strconv.Itoa(today)
	}
	return fmt.Sprintf("%d(%+d)", today, today-yesterday)
}

// checkpointRows are the checkpoint table: each post, then all posts with
// the change. A post with nothing entered says why (未填报, 进行中, 未开始),
// never 0.
func checkpointRows(r data.DailyReport) [][]string {
	var rows [][]string
	for _, c := range r.Today.Checkpoints {
		if c.Unfiled {
			rows = append(rows, []string{c.Name, string(postStatus(c)), "", "", "", "", ""})
			continue
		}
		rows = append(rows, append([]string{c.Name}, append(CountCells(c.Total), strconv.Itoa(c.Night.People))...))
	}
	t, y := r.Today.PostsTotal, r.Yesterday.PostsTotal
	ok := postsComparable(r)
	return append(rows, []string{lang.L("All checkpoints"), change(t.Vehicles, y.Vehicles, ok), change(t.People, y.People, ok),
		change(t.TurnedBack, y.TurnedBack, ok), change(t.Fevers, y.Fevers, ok), change(t.HandedOver, y.HandedOver, ok),
		change(r.Today.PostsNight.People, r.Yesterday.PostsNight.People, ok)})
}

// postStatus is why a post has no figures; reports issued before the
// reason was kept say 未填报.
func postStatus(c data.CheckpointFigures) data.Source {
	if c.Status == "" {
		return data.NotFiled
	}
	return c.Status
}

func checkpointHeader() []string {
	return []string{lang.L("Checkpoint"), lang.L("Vehicles"), lang.L("People"), lang.L("Turned back"), lang.L("Fevers"),
		lang.L("Handed over"), lang.L("People at night")}
}

// sumSites adds up every site's figures.
func sumSites(sites []data.SiteFigures) data.SiteFigures {
	var t data.SiteFigures
	for _, s := range sites {
		t.Rooms += s.Rooms
		t.Occupied += s.Occupied
		t.Vacant += s.Vacant
		t.AwaitCleaning += s.AwaitCleaning
		t.InIsolation += s.InIsolation
		t.Admitted += s.Admitted
		t.Released += s.Released
		t.Transferred += s.Transferred
		t.TestsDone += s.TestsDone
		t.Positives += s.Positives
		t.PositiveInIsolation += s.PositiveInIsolation
		t.Fevers += s.Fevers
	}
	return t
}

// roomRows are each site's rooms and the total with its change.
func roomRows(r data.DailyReport) [][]string {
	var rows [][]string
	for _, s := range r.Today.Sites {
		rows = append(rows, []string{s.Name, strconv.Itoa(s.Rooms), strconv.Itoa(s.Occupied), strconv.Itoa(s.Vacant),
			strconv.Itoa(s.AwaitCleaning)})
	}
	t, y := sumSites(r.Today.Sites), sumSites(r.Yesterday.Sites)
	return append(rows, []string{lang.L("All sites"), strconv.Itoa(t.Rooms), change(t.Occupied, y.Occupied, true),
		change(t.Vacant, y.Vacant, true), change(t.AwaitCleaning, y.AwaitCleaning, true)})
}

func roomHeader() []string {
	return []string{lang.L("Isolation site"), lang.L("Rooms"), lang.L("Occupied"), lang.L("Vacant"), lang.L("Awaiting disinfection")}
}

// peopleRows are each site's people and the total with its change.
func peopleRows(r data.DailyReport) [][]string {
	cells := func(s data.SiteFigures) []string {
		return []string{strconv.Itoa(s.InIsolation), strconv.Itoa(s.Admitted), strconv.Itoa(s.Released), strconv.Itoa(s.Transferred),
			strconv.Itoa(s.TestsDone), strconv.Itoa(s.Positives), strconv.Itoa(s.PositiveInIsolation), strconv.Itoa(s.Fevers)}
	}
	var rows [][]string
	for _, s := range r.Today.Sites {
		rows = append(rows, append([]string{s.Name}, cells(s)...))
	}
	t, y := sumSites(r.Today.Sites), sumSites(r.Yesterday.Sites)
	return append(rows, []string{lang.L("All sites"), change(t.InIsolation, y.InIsolation, true), change(t.Admitted, y.Admitted, true),
		change(t.Released, y.Released, true), change(t.Transferred, y.Transferred, true), change(t.TestsDone, y.TestsDone, true),
		change(t.Positives, y.Positives, true), change(t.PositiveInIsolation, y.PositiveInIsolation, true), change(t.Fevers, y.Fevers, true)})
}

func peopleHeader() []string {
	return []string{lang.L("Isolation site"), lang.L("In isolation"), lang.L("Admitted today"), lang.L("Released today"),
		lang.L("Transferred today"), lang.L("Tests today"), lang.L("New positives today"), lang.L("Positive in isolation"), lang.L("Fevers")}
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
		warning := ""
		if it.Warning > 0 {
			warning = strconv.Itoa(it.Warning)
		}
		rows = append(rows, []string{it.Item, strconv.Itoa(it.OnHand) + it.Unit, strconv.Itoa(it.In), strconv.Itoa(it.Out),
			warning, data.FormatDays(it.DaysLeft)})
	}
	return rows
}

func itemHeader() []string {
	return []string{lang.L("Item"), lang.L("On hand"), lang.L("In today"), lang.L("Out today"), lang.L("Warning level"), lang.L("Days of supply")}
}

// expiringItems are the batches expiring within 30 days by item; a report
// issued before they were kept so lists them batch by batch.
func expiringItems(f data.DailyFigures) []string {
	if len(f.ExpiringItems) > 0 {
		return f.ExpiringItems
	}
	return f.Expiring
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

// Summary is 今日要情: the day's key figures, one sentence each, then the
// notable events.
func Summary(r data.DailyReport) []string {
	t := r.Today
	var out []string
	filed := 0
	for _, c := range t.Checkpoints {
		if !c.Unfiled {
			filed++
		}
	}
	p := t.PostsTotal
	out = append(out, lang.L("Checkpoints: {{.Filed}} of {{.Posts}} reporting; {{.Vehicles}} vehicles and {{.People}} people checked, {{.Back}} turned back, {{.Fevers}} with fever, {{.Handed}} handed over.",
		map[string]any{"Filed": filed, "Posts": len(t.Checkpoints), "Vehicles": p.Vehicles, "People": p.People, "Back": p.TurnedBack,
			"Fevers": p.Fevers, "Handed": p.HandedOver}))
	s := sumSites(t.Sites)
	out = append(out, lang.L("Isolation: {{.Sites}} sites, {{.In}} in isolation, {{.Vacant}} rooms vacant; {{.Admitted}} admitted, {{.Released}} released, {{.Transferred}} transferred today; {{.Tests}} tests, {{.New}} new positives, {{.Pos}} positive in isolation.",
		map[string]any{"Sites": len(t.Sites), "In": s.InIsolation, "Vacant": s.Vacant, "Admitted": s.Admitted, "Released": s.Released,
			"Transferred": s.Transferred, "Tests": s.TestsDone, "New": s.Positives, "Pos": s.PositiveInIsolation}))
	out = append(out, lang.L("Materials: {{.Short}} under their warning level; {{.Expiring}} batches expire within 30 days.",
		map[string]any{"Short": len(t.ShortItems), "Expiring": len(t.Expiring)}))
	if line := casesLine(t); line != "" {
		out = append(out, line)
	}
	out = append(out, lang.L("Notable: {{.Text}}", map[string]any{"Text": eventsText(r)}))
	return out
}

// casesLine says how many abnormal cases were found, settled and are still
// open; empty for a report issued before cases were kept.
func casesLine(f data.DailyFigures) string {
	if f.Cases == nil {
		return ""
	}
	return lang.L("Abnormal cases: {{.Opened}} new today, {{.Closed}} settled, {{.Open}} still open.",
		map[string]any{"Opened": f.Cases.Opened, "Closed": f.Cases.Closed, "Open": f.Cases.Open})
}

// dutyRows are the duty section.
func dutyRows(r data.DailyReport) [][]string {
	t := r.Today
	return [][]string{
		{lang.L("Leader of the day"), orUnfiled(t.Leaders)},
		{lang.L("Command-post duty"), orUnfiled(t.OnDuty)},
		{lang.L("Duty phone"), t.Post.DutyPhone},
	}
}

// DailyReportPDF prints the 疫情防控工作日报 in the form of an official
// document after GB/T 9704-2012: the red masthead with 第N期, the issuing
// office and date above a red rule; 今日要情 first, then the sections; the
// signing block with room for the seal; the 版记 (报, 送, who signed,
// checked, filled in and led the day) at the foot of the last page.
func DailyReportPDF(w io.Writer, r data.DailyReport, printed time.Time) error {
	t := r.Today
	d := NewOfficialDoc(t.Post.PostName + "  " + DailyNumber(r) + "  " + lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	d.SongTitle(DailyTitle(t.Post), 26, Red)
	d.Gap(2)
	d.SongTitle(DailyNumber(r), 15, Black)
	d.Gap(2)
	dateLine := t.Day.Format("2006年1月2日")
	if cut := Cutoff(t); cut != "" {
		dateLine += "(" + cut + ")"
	}
	d.Spread(t.Post.PostName, dateLine, 12)
	d.Gap(1)
	d.Rule(0.8, Red)
	d.Gap(4)
	if r.Revised() && r.RevisionNote != "" {
		d.Prose(lang.L("Revision note: {{.Note}}", map[string]any{"Note": r.RevisionNote}), 12, Left)
		d.Gap(2)
	}

	d.Title(lang.L("Key figures of the day"), 14)
	for _, line := range Summary(r) {
		d.Prose("　　"+line, 12, Left)
	}
	d.Gap(3)

	d.NeedSpace(30)
	d.Title(lang.L("1. Duty"), 13)
	for _, row := range dutyRows(r) {
		d.Text(row[0]+":"+row[1], 11)
	}
	d.Gap(2)

	d.NeedSpace(40)
	d.Title(lang.L("2. Checkpoints"), 13)
	d.Table(columns(d, checkpointHeader(), 36), checkpointRows(r), 9.5)
	d.Text(comparedWith(r)+" "+lang.L("Night shifts are those starting 20:00–08:00."), 8.5)
	d.Gap(2)

	d.NeedSpace(40)
	d.Title(lang.L("3. Isolation"), 13)
	d.Table(columns(d, roomHeader(), 46), roomRows(r), 9.5)
	d.Gap(2)
	d.Table(columns(d, peopleHeader(), 36), peopleRows(r), 8.5)
	for _, s := range t.Sites {
		d.Text(categoryLine(s), 10)
	}
	d.Gap(2)

	d.NeedSpace(40)
	d.Title(lang.L("4. Materials"), 13)
	d.Table(columns(d, itemHeader(), 52), itemRows(r), 9)
	d.Text(lang.L("Under warning level: {{.List}}.", map[string]any{"List": orNone(t.ShortItems)}), 10)
	d.Text(lang.L("Fewest days of supply: {{.List}}.", map[string]any{"List": orNone(t.FewestDays)}), 10)
	d.Text(lang.L("Expiring within 30 days: {{.List}}.", map[string]any{"List": orNone(expiringItems(t))}), 10)
	d.Text(lang.L("Stock at the end of the day (or at the time above); days of supply: stock ÷ the average daily issue of the 7 days before."), 8.5)
	d.Gap(2)

	d.NeedSpace(30)
	d.Title(lang.L("5. Notable events"), 13)
	if line := casesLine(t); line != "" {
		d.Text(line, 11)
	}
	for _, para := range strings.Split(eventsText(r), "\n") {
		d.Prose(para, 12, Left)
	}
	if len(t.Unfiled) > 0 {
		d.Gap(2)
		d.Text(lang.L("Not filed for the day: {{.List}}.", map[string]any{"List": strings.Join(t.Unfiled, "、")}), 10)
	}

	// The issuing office and date at the right, with room above for the seal.
	d.NeedSpace(45)
	d.Gap(22)
	signature(d, t.Post, t.Day, r.IssuedAt)
	// 版记 at the foot of the last page.
	colophon(d, t.Post, r.IssuedAt, 2, [][2]string{{lang.L("Signed by"), r.SignedBy}, {lang.L("Reviewed by"), r.ReviewedBy},
		{lang.L("Filled by"), r.FilledBy}, {lang.L("Leader of the day"), leaderName(t)}})
	return d.Write(w)
}

// signature is the issuing office and the date of issue (of the day, for
// a draft) at the right.
func signature(d *Doc, post data.PostInfo, day, issuedAt time.Time) {
	d.Prose(post.PostName+"　　", 12, Right)
	if !issuedAt.IsZero() {
		day = issuedAt
	}
	d.Prose(day.Format("2006年1月2日")+"　　　", 12, Right)
}

// colophon is the 版记 at the foot of the last page: 报 and 送, who signed
// and checked (pairs, perRow to a row, a long name wrapping in its cell),
// and the issuing office with the time of issue.
func colophon(d *Doc, post data.PostInfo, issuedAt time.Time, perRow int, pairs [][2]string) {
	lh := lineHeight(11) * 1.2
	need := lh*3 + 2*lh + 8
	for _, p := range pairs {
		need += (d.TextWidth(p[0]+":"+p[1], 11) / (d.PageWidth()/float64(perRow) - 3)) * lh
	}
	d.ToBottom(need)
	d.Rule(0.35, Black)
	d.Gap(1)
	d.Text(lang.L("To: {{.Who}}", map[string]any{"Who": orBlank(post.SendTo)}), 11)
	d.Text(lang.L("Copy: {{.Who}}", map[string]any{"Who": orBlank(post.CopyTo)}), 11)
	d.Rule(0.2, Black)
	d.Gap(1)
	d.Fields(pairs, perRow, 11)
	d.Rule(0.2, Black)
	d.Gap(1)
	stamp := lang.L("Draft, not issued")
	if !issuedAt.IsZero() {
		stamp = lang.L("Issued {{.Time}}", map[string]any{"Time": issuedAt.Format("2006年1月2日 15:04")})
	}
	d.Spread(post.PostName, stamp, 11)
	d.Rule(0.35, Black)
}

func orBlank(s string) string {
	if s == "" {
		return "　　　　　　"
	}
	return s
}

// leaderName is the day's leader without the phone.
func leaderName(f data.DailyFigures) string {
	if len(f.Leaders) == 0 {
		return ""
	}
	return strings.Fields(f.Leaders[0])[0]
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
// them and a revision is compared by them, cell by cell.
func DailySections(r data.DailyReport) []Table {
	t := r.Today
	var cats [][]string
	for _, s := range t.Sites {
		for _, c := range s.ByCategory {
			cats = append(cats, []string{s.Name, c.Category, strconv.Itoa(c.N)})
		}
	}
	lists := [][]string{
		{lang.L("Under warning level"), orNone(t.ShortItems)},
		{lang.L("Fewest days of supply"), orNone(t.FewestDays)},
		{lang.L("Expiring within 30 days"), orNone(expiringItems(t))},
	}
	var summary [][]string
	for _, line := range Summary(r) {
		summary = append(summary, []string{line})
	}
	var events [][]string
	if line := casesLine(t); line != "" {
		events = append(events, []string{line})
	}
	for _, para := range strings.Split(eventsText(r), "\n") {
		events = append(events, []string{para})
	}
	if len(t.Unfiled) > 0 {
		events = append(events, []string{lang.L("Not filed for the day: {{.List}}.", map[string]any{"List": strings.Join(t.Unfiled, "、")})})
	}
	return []Table{
		{Name: lang.L("Key figures of the day"), Header: []string{lang.L("Key figures of the day")}, Rows: summary},
		{Name: lang.L("Duty"), Header: []string{lang.L("Entry"), lang.L("Particulars")}, Rows: dutyRows(r)},
		{Name: lang.L("Checkpoints"), Header: checkpointHeader(), Rows: checkpointRows(r)},
		{Name: lang.L("Rooms"), Header: roomHeader(), Rows: roomRows(r)},
		{Name: lang.L("Isolation"), Header: peopleHeader(), Rows: peopleRows(r)},
		{Name: lang.L("In isolation by category"), Header: []string{lang.L("Isolation site"), lang.L("Category"), lang.L("People")}, Rows: cats, Key: 2},
		{Name: lang.L("Materials"), Header: itemHeader(), Rows: itemRows(r)},
		{Name: lang.L("Materials to watch"), Header: []string{lang.L("Entry"), lang.L("Particulars")}, Rows: lists},
		{Name: lang.L("Notable events"), Header: []string{lang.L("Notable events")}, Rows: events},
	}
}

// Change is one figure that differs between an issued report and the
// version about to replace it.
type Change struct {
	Figure   string // section, row and column: 卡口查验 · 东村村口 · 人员
	Was, Now string
}

// ReportChanges lists, figure by figure, what a revision changes: every
// cell of every section that differs, and rows that came or went.
func ReportChanges(old, now data.DailyReport) []Change {
	return sectionChanges(DailySections(old), DailySections(now))
}

// sectionChanges compares a report's sections cell by cell; both lists
// hold the same sections in the same order.
func sectionChanges(olds, nows []Table) []Change {
	var out []Change
	for i, sec := range nows {
		if sec.Name == lang.L("Key figures of the day") {
			continue // the same figures again, in sentences
		}
		// Rows are matched by their first cell (the post, the site, the
		// item); a table of prose lines by position.
		key := func(n int, row []string) string {
			if len(sec.Header) == 1 {
				return strconv.Itoa(n + 1)
			}
			return strings.Join(row[:max(sec.Key, 1)], " ")
		}
		was := map[string][]string{}
		var order []string
		for n, row := range olds[i].Rows {
			was[key(n, row)] = row
			order = append(order, key(n, row))
		}
		seen := map[string]bool{}
		for n, row := range sec.Rows {
			k := key(n, row)
			seen[k] = true
			prev, ok := was[k]
			if !ok {
				out = append(out, Change{Figure: sec.Name + " · " + k, Was: lang.L("(none)"), Now: strings.Join(row[max(sec.Key, 1):], " ")})
				continue
			}
			for c := range row {
				label := sec.Name
				if len(row) > 1 {
					label += " · " + k
					if c < max(sec.Key, 1) {
						continue
					}
					label += " · " + sec.Header[c]
				}
				p := ""
				if c < len(prev) {
					p = prev[c]
				}
				if p != row[c] {
					out = append(out, Change{Figure: label, Was: p, Now: row[c]})
				}
			}
		}
		for _, k := range order {
			if !seen[k] {
				out = append(out, Change{Figure: sec.Name + " · " + k, Was: strings.Join(was[k][max(sec.Key, 1):], " "), Now: lang.L("(none)")})
			}
		}
	}
	return out
}
