package reports

import (
	"io"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
)

// DailyReportWorkbook is the report as a workbook to compute with: every
// figure a number, dates as dates, a sheet per section, and beside each
// total the day before's and the change as numbers too (empty where the
// day before was not filed).
func DailyReportWorkbook(w io.Writer, r data.DailyReport) error {
	t := r.Today
	return WriteSheets(w, aboutSheet(r), postsSheet(r), sitesSheet(r), categorySheet(t), itemsSheet(t), watchSheet(t), unfiledSheet(t))
}

// aboutSheet is what the report is, who signed it, its key sentences and
// its case figures.
func aboutSheet(r data.DailyReport) Sheet {
	t := r.Today
	var asOf any = t.AsOf
	if !t.PartDay() {
		asOf = lang.L("whole day")
	}
	var issued any
	if !r.IssuedAt.IsZero() {
		issued = r.IssuedAt
	}
	about := Sheet{Name: lang.L("About the report"), Header: []string{lang.L("Entry"), lang.L("Particulars")}, Rows: [][]any{
		{lang.L("Title"), DailyTitle(t.Post)},
		{lang.L("Date"), t.Day},
		{lang.L("Number"), r.Number},
		{lang.L("Version"), max(r.Version, 1)},
		{lang.L("Filed late"), yesNo(r.Backfill)},
		{lang.L("Figures up to"), asOf},
		{lang.L("Issued at"), issued},
		{lang.L("Issuing office"), t.Post.PostName},
		{lang.L("Signed by"), r.SignedBy},
		{lang.L("Reviewed by"), r.ReviewedBy},
		{lang.L("Filled by"), r.FilledBy},
		{lang.L("Leader of the day"), orUnfiled(t.Leaders)},
		{lang.L("Command-post duty"), orUnfiled(t.OnDuty)},
		{lang.L("Duty phone"), t.Post.DutyPhone},
		{lang.L("Daily report goes to (报)"), t.Post.SendTo},
		{lang.L("Copy to (送)"), t.Post.CopyTo},
		{lang.L("Revision note"), r.RevisionNote},
		{lang.L("Notable events"), eventsText(r)},
	}}
	for _, line := range Summary(r) {
		about.Rows = append(about.Rows, []any{lang.L("Key figures of the day"), line})
	}
	if c := t.Cases; c != nil {
		about.Rows = append(about.Rows, []any{lang.L("Abnormal cases found today"), c.Opened},
			[]any{lang.L("Abnormal cases settled today"), c.Closed}, []any{lang.L("Abnormal cases still open"), c.Open})
	}
	return about
}

// postsSheet is each checkpoint's day, all of them, and the day before
// with the change where it was filed.
func postsSheet(r data.DailyReport) Sheet {
	t, y := r.Today, r.Yesterday
	counts := func(c data.Counts, night int) []any {
		return []any{c.Vehicles, c.People, c.TurnedBack, c.Fevers, c.HandedOver, night}
	}
	posts := Sheet{Name: lang.L("Checkpoints"), Header: append([]string{lang.L("Checkpoint"), lang.L("Status")}, checkpointHeader()[1:]...)}
	for _, c := range t.Checkpoints {
		if c.Unfiled {
			posts.Rows = append(posts.Rows, []any{c.Name, string(postStatus(c))})
			continue
		}
		posts.Rows = append(posts.Rows, append([]any{c.Name, ""}, counts(c.Total, c.Night.People)...))
	}
	posts.Rows = append(posts.Rows, append([]any{lang.L("All checkpoints"), ""}, counts(t.PostsTotal, t.PostsNight.People)...))
	if !y.PostsFiled() || len(y.Checkpoints) == 0 {
		return appendRows(posts, []any{lang.L("The day before"), lang.L("yesterday not filed")})
	}
	before, now := counts(y.PostsTotal, y.PostsNight.People), counts(t.PostsTotal, t.PostsNight.People)
	return appendRows(posts, append([]any{lang.L("The day before"), comparedWith(r)}, before...),
		append([]any{lang.L("Change"), ""}, difference(now, before)...))
}

// sitesSheet is each site's rooms and people, all sites, the day before
// and the change.
func sitesSheet(r data.DailyReport) Sheet {
	cells := func(s data.SiteFigures) []any {
		return []any{s.Rooms, s.Occupied, s.Vacant, s.AwaitCleaning, s.InIsolation, s.Admitted, s.Released, s.Transferred,
			s.TestsDone, s.Positives, s.PositiveInIsolation, s.Fevers}
	}
	sites := Sheet{Name: lang.L("Isolation"), Header: append(roomHeader(), peopleHeader()[1:]...)}
	for _, s := range r.Today.Sites {
		sites.Rows = append(sites.Rows, append([]any{s.Name}, cells(s)...))
	}
	total, before := cells(sumSites(r.Today.Sites)), cells(sumSites(r.Yesterday.Sites))
	return appendRows(sites, append([]any{lang.L("All sites")}, total...),
		append([]any{lang.L("The day before")}, before...), append([]any{lang.L("Change")}, difference(total, before)...))
}

// difference is each figure of now less the one before it.
func difference(now, before []any) []any {
	diff := make([]any, len(now))
	for i := range now {
		diff[i] = now[i].(int) - before[i].(int)
	}
	return diff
}

func appendRows(s Sheet, rows ...[]any) Sheet {
	s.Rows = append(s.Rows, rows...)
	return s
}

// categorySheet is who is in isolation at each site, by category.
func categorySheet(t data.DailyFigures) Sheet {
	cats := Sheet{Name: lang.L("In isolation by category"), Header: []string{lang.L("Isolation site"), lang.L("Category"), lang.L("People")}}
	for _, s := range t.Sites {
		for _, c := range s.ByCategory {
			cats.Rows = append(cats.Rows, []any{s.Name, c.Category, c.N})
		}
	}
	return cats
}

// itemsSheet is the key items' stock and movements of the day.
func itemsSheet(t data.DailyFigures) Sheet {
	items := Sheet{Name: lang.L("Materials"), Header: []string{lang.L("Item"), lang.L("Unit"), lang.L("On hand"), lang.L("In today"),
		lang.L("Out today"), lang.L("Warning level"), lang.L("Days of supply")}}
	for _, it := range t.KeyItems {
		row := []any{it.Item, it.Unit, it.OnHand, it.In, it.Out, nil, nil}
		if it.Warning > 0 {
			row[5] = it.Warning
		}
		if it.DaysLeft >= 0 {
			row[6] = it.DaysLeft
		}
		items.Rows = append(items.Rows, row)
	}
	return items
}

// watchSheet lists the lines under their warning level, the fewest days
// of supply and every batch expiring within 30 days.
func watchSheet(t data.DailyFigures) Sheet {
	watch := Sheet{Name: lang.L("Materials to watch"), Header: []string{lang.L("Entry"), lang.L("Particulars")}}
	for _, l := range []struct {
		name  string
		items []string
	}{{lang.L("Under warning level"), t.ShortItems}, {lang.L("Fewest days of supply"), t.FewestDays}, {lang.L("Expiring within 30 days"), t.Expiring}} {
		for _, it := range l.items {
			watch.Rows = append(watch.Rows, []any{l.name, it})
		}
	}
	return watch
}

// unfiledSheet is what was never entered for the day.
func unfiledSheet(t data.DailyFigures) Sheet {
	unfiled := Sheet{Name: lang.L("Not filed"), Header: []string{lang.L("Not filed for the day")}}
	for _, u := range t.Unfiled {
		unfiled.Rows = append(unfiled.Rows, []any{u})
	}
	return unfiled
}

func yesNo(b bool) string {
	if b {
		return lang.L("yes")
	}
	return lang.L("no")
}

// WeeklyReportWorkbook is the weekly summary's day-by-day figures as
// numbers, a row a day and the week's total.
func WeeklyReportWorkbook(w io.Writer, days []data.DailyFigures) error {
	s := Sheet{Name: lang.L("Day by day"), Header: weeklyHeader()}
	var total [8]int
	for _, f := range days {
		row := weeklyCells(f)
		for i, v := range row {
			if i != 5 { // in isolation: the last day's, not a sum
				total[i] += v
			} else {
				total[i] = v
			}
		}
		cells := []any{f.Day}
		for _, v := range row {
			cells = append(cells, v)
		}
		s.Rows = append(s.Rows, cells)
	}
	cells := []any{lang.L("Week")}
	for _, v := range total {
		cells = append(cells, v)
	}
	s.Rows = append(s.Rows, cells)
	return WriteSheets(w, s)
}
