package reports

import (
	"io"
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
)

// WeeklyReportPDF prints the weekly summary: the daily report's sections
// summed over the days given, a line per day, and small charts of daily
// admissions and registrations.
func WeeklyReportPDF(w io.Writer, days []data.DailyFigures, printed time.Time) error {
	first, last := days[0], days[len(days)-1]
	d := NewDoc(false, first.Post.PostName+"  "+lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	d.Title(DailyTitle(first.Post)+lang.L(" (weekly)"), 18)
	d.Text(first.Post.PostName+"    "+lang.L("From {{.From}} to {{.To}}", map[string]any{
		"From": first.Day.Format("2006年1月2日"), "To": last.Day.Format("1月2日")}), 11)
	d.Gap(3)
	var labels []string
	var admitted, people []int
	var rows [][]string
	var total [8]int
	for _, f := range days {
		labels = append(labels, f.Day.Format("1/2"))
		admitted = append(admitted, f.Admitted())
		people = append(people, f.PostsTotal.People)
		cells := weeklyCells(f)
		row := []string{FormatDay(f.Day)}
		for i, v := range cells {
			row = append(row, strconv.Itoa(v))
			if i == 5 {
				total[i] = v // in isolation: the last day's, not a sum
			} else {
				total[i] += v
			}
		}
		rows = append(rows, row)
	}
	week := []string{lang.L("Week")}
	for _, v := range total {
		week = append(week, strconv.Itoa(v))
	}
	rows = append(rows, week)
	d.Title(lang.L("Day by day"), 13)
	d.Table(columns(d, weeklyHeader(), 34), rows, 9)
	d.Text(lang.L("In isolation: at the end of each day; the week's line gives the last day's."), 8.5)
	d.Gap(3)
	// Each checkpoint's week; a post with nothing entered all week is 未填报.
	var names []string
	sums, filed := map[string]*data.Counts{}, map[string]bool{}
	for _, f := range days {
		for _, c := range f.Checkpoints {
			if sums[c.Name] == nil {
				sums[c.Name] = &data.Counts{}
				names = append(names, c.Name)
			}
			sums[c.Name].Add(c.Total)
			filed[c.Name] = filed[c.Name] || !c.Unfiled
		}
	}
	var perPost [][]string
	for _, n := range names {
		if !filed[n] {
			perPost = append(perPost, []string{n, string(data.NotFiled), "", "", "", ""})
			continue
		}
		perPost = append(perPost, append([]string{n}, CountCells(*sums[n])...))
	}
	d.Title(lang.L("Checkpoints over the week"), 13)
	d.Table(columns(d, checkpointHeader()[:6], 50), perPost, 9)
	d.Gap(3)
	d.BarChart(lang.L("People registered at checkpoints, by day"), labels, people, 30)
	d.BarChart(lang.L("Admissions to isolation, by day"), labels, admitted, 30)
	d.Title(lang.L("Materials at the end of the week"), 13)
	d.Text(lang.L("Under warning level: {{.List}}.", map[string]any{"List": orNone(last.ShortItems)}), 10)
	d.Text(lang.L("Fewest days of supply: {{.List}}.", map[string]any{"List": orNone(last.FewestDays)}), 10)
	return d.Write(w)
}

// weeklyHeader heads the day-by-day table: the date, then weeklyCells.
func weeklyHeader() []string {
	return []string{lang.L("Date"), lang.L("Vehicles"), lang.L("People"), lang.L("Fevers"), lang.L("Admissions"),
		lang.L("Releases"), lang.L("In isolation"), lang.L("Tests done"), lang.L("New positives")}
}

// weeklyCells are one day's line of the weekly summary.
func weeklyCells(f data.DailyFigures) []int {
	s := sumSites(f.Sites)
	return []int{f.PostsTotal.Vehicles, f.PostsTotal.People, f.PostsTotal.Fevers, s.Admitted, s.Released, s.InIsolation,
		s.TestsDone, s.Positives}
}
