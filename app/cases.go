package app

import (
	"context"
	"io"
	"slices"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
	"fangkong/reports"
)

// DraftEvents drafts the 重要情况 of a day's report from the day's
// abnormal cases, for the clerk to edit before issuing.
func (a *App) DraftEvents(ctx context.Context, day time.Time) (string, error) {
	stories, err := a.DB.DayCases(ctx, day)
	if err != nil {
		return "", err
	}
	return reports.DraftEvents(stories), nil
}

// PrintHandoverSlip writes the 转运交接单 of a case into the reports
// folder and returns its path; ID numbers and phones are masked unless p
// says otherwise.
func (a *App) PrintHandoverSlip(ctx context.Context, caseID int64, p reports.Personal) (string, error) {
	c, steps, err := a.DB.CaseWithSteps(ctx, caseID)
	if err != nil {
		return "", err
	}
	post, err := a.DB.PostInfo(ctx)
	if err != nil {
		return "", err
	}
	path, err := a.OutputPath(a.ReportsDir(), lang.L("Transfer hand-over slip")+"-"+c.Who(), ".pdf")
	if err != nil {
		return "", err
	}
	return path, place(stage(path, func(w io.Writer) error {
		return reports.HandoverSlip(w, post, c, steps, a.Now(), p)
	}, nil))
}

// ExportCases writes the cases found from..upto (days, upto excluded) as
// a printed register (ext ".pdf", into the reports folder) or a workbook
// (".xlsx", into the exports folder), and returns its path.
func (a *App) ExportCases(ctx context.Context, from, upto time.Time, p reports.Personal, ext string) (string, error) {
	cases, err := a.DB.Cases(ctx, data.CaseQuery{From: from, Upto: upto, Limit: -1})
	if err != nil {
		return "", err
	}
	// A register reads in the order things happened.
	slices.SortFunc(cases, func(x, y data.Case) int { return x.OpenedAt.Compare(y.OpenedAt) })
	title := lang.L("Register of abnormal cases") + from.Format("0102") + "-" + upto.AddDate(0, 0, -1).Format("0102")
	if ext == ".xlsx" {
		path, err := a.OutputPath(a.ExportsDir(), title, ext)
		if err != nil {
			return "", err
		}
		return path, place(stage(path, func(w io.Writer) error { return reports.CaseWorkbook(w, cases, p) }, nil))
	}
	post, err := a.DB.PostInfo(ctx)
	if err != nil {
		return "", err
	}
	path, err := a.OutputPath(a.ReportsDir(), title, ".pdf")
	if err != nil {
		return "", err
	}
	return path, place(stage(path, func(w io.Writer) error {
		return reports.CaseListPDF(w, post, cases, from, upto, a.Now(), p)
	}, nil))
}
