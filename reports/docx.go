package reports

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2/lang"
	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/wml/stypes"

	"fangkong/data"
)

// Every godocx call of the program is in this file.

// DailyReportDocx is the daily report as an editable Word document (.docx,
// which WPS opens too): the same masthead, 今日要情, sections and 版记 as the
// PDF, with the tables as Word tables, for a post that retouches the text
// before it goes up. Fonts are left to Word's own 宋体 for Chinese.
func DailyReportDocx(w io.Writer, r data.DailyReport) error {
	doc, err := godocx.NewDocument()
	if err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	t := r.Today
	line := func(text string, size uint64, jc stypes.Justification, color string, bold bool) {
		p := doc.AddEmptyParagraph()
		p.Justification(jc)
		run := p.AddText(text).Size(size)
		if color != "" {
			run.Color(color)
		}
		if bold {
			run.Bold(true)
		}
	}
	line(DailyTitle(t.Post), 26, stypes.JustificationCenter, "E60012", true)
	line(DailyNumber(r), 15, stypes.JustificationCenter, "", false)
	date := t.Day.Format("2006年1月2日")
	if cut := Cutoff(t); cut != "" {
		date += "(" + cut + ")"
	}
	line(t.Post.PostName+"　　　　"+date, 12, stypes.JustificationCenter, "", false)
	line(strings.Repeat("━", 24), 12, stypes.JustificationCenter, "E60012", false) // the red rule
	if r.Revised() && r.RevisionNote != "" {
		line(lang.L("Revision note: {{.Note}}", map[string]any{"Note": r.RevisionNote}), 12, stypes.JustificationLeft, "", false)
	}
	for _, sec := range DailySections(r) {
		line(sec.Name, 14, stypes.JustificationCenter, "", true)
		if len(sec.Header) == 1 {
			for _, row := range sec.Rows {
				line("　　"+row[0], 12, stypes.JustificationLeft, "", false)
			}
			continue
		}
		tbl := doc.AddTable()
		tbl.Style("TableGrid")
		head := tbl.AddRow()
		for _, h := range sec.Header {
			head.AddCell().AddEmptyPara().AddText(h).Bold(true)
		}
		for _, row := range sec.Rows {
			tr := tbl.AddRow()
			for c := range sec.Header {
				text := ""
				if c < len(row) {
					text = row[c]
				}
				tr.AddCell().AddParagraph(text)
			}
		}
		if sec.Name == lang.L("Checkpoints") {
			line(comparedWith(r), 9, stypes.JustificationLeft, "", false)
		}
	}
	issued := t.Day
	if !r.IssuedAt.IsZero() {
		issued = r.IssuedAt
	}
	doc.AddEmptyParagraph()
	line(t.Post.PostName, 12, stypes.JustificationRight, "", false)
	line(issued.Format("2006年1月2日"), 12, stypes.JustificationRight, "", false)
	line(strings.Repeat("─", 30), 12, stypes.JustificationCenter, "", false)
	line(lang.L("To: {{.Who}}", map[string]any{"Who": t.Post.SendTo}), 12, stypes.JustificationLeft, "", false)
	line(lang.L("Copy: {{.Who}}", map[string]any{"Who": t.Post.CopyTo}), 12, stypes.JustificationLeft, "", false)
	for _, p := range [][2]string{{lang.L("Signed by"), r.SignedBy}, {lang.L("Reviewed by"), r.ReviewedBy},
		{lang.L("Filled by"), r.FilledBy}, {lang.L("Leader of the day"), leaderName(t)}} {
		line(p[0]+":"+p[1], 12, stypes.JustificationLeft, "", false)
	}
	if _, err := doc.WriteTo(w); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	return nil
}
