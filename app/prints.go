package app

import (
	"context"
	"io"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
	"fangkong/reports"
)

// Every print and export a screen offers: each gathers what it shows,
// renders it, writes the file (whole, or nothing) and returns its path.

// printFile writes a PDF into the reports folder under a dated title.
func (a *App) printFile(title string, render func(io.Writer) error) (string, error) {
	return a.writeFile(a.ReportsDir(), title, ".pdf", render)
}

// exportFile writes a workbook into the exports folder under a dated title.
func (a *App) exportFile(title string, render func(io.Writer) error) (string, error) {
	return a.writeFile(a.ExportsDir(), title, ".xlsx", render)
}

func (a *App) writeFile(dir, title, ext string, render func(io.Writer) error) (string, error) {
	path, err := a.OutputPath(dir, title, ext)
	if err != nil {
		return "", err
	}
	return path, place(stage(path, render, nil))
}

// PrintRegistrationSheet prints a checkpoint's 登记表 of a day: its
// passages and the day's totals.
func (a *App) PrintRegistrationSheet(ctx context.Context, c data.Checkpoint, day time.Time, p reports.Personal) (string, error) {
	post, err := a.DB.PostInfo(ctx)
	if err != nil {
		return "", err
	}
	days, err := a.DB.DayTotals(ctx, day)
	if err != nil {
		return "", err
	}
	regs, err := a.DB.DayRegistrations(ctx, c, day)
	if err != nil {
		return "", err
	}
	pd := data.PostDay{Checkpoint: c}
	for _, d := range days {
		if d.Checkpoint.ID == c.ID {
			pd = d
		}
	}
	title := lang.L("{{.Post}} registration sheet {{.Date}}", map[string]any{"Post": c.Name, "Date": day.Format("1月2日")})
	return a.printFile(title, func(w io.Writer) error { return reports.RegistrationSheet(w, post, pd, day, regs, a.Now(), p) })
}

// PrintBlankForm prints an empty 登记表 of a checkpoint, for when the
// computer is down.
func (a *App) PrintBlankForm(ctx context.Context, c data.Checkpoint) (string, error) {
	post, err := a.DB.PostInfo(ctx)
	if err != nil {
		return "", err
	}
	return a.printFile(c.Name+lang.L("Blank registration form"), func(w io.Writer) error { return reports.BlankRegistrationForm(w, post, c) })
}

// PrintIssuedReport prints an issued daily report again, exactly as it
// was issued.
func (a *App) PrintIssuedReport(ctx context.Context, id int64) (string, error) {
	r, err := a.DB.IssuedReport(ctx, id)
	if err != nil {
		return "", err
	}
	title := reports.DailyTitle(r.Today.Post) + reports.DailyNumber(r)
	return a.printFile(title, func(w io.Writer) error { return reports.DailyReportPDF(w, r, a.Now()) })
}

// PrintWeekRoster prints the 值班表 of the week starting on from.
func (a *App) PrintWeekRoster(ctx context.Context, from time.Time) (string, error) {
	post, err := a.DB.PostInfo(ctx)
	if err != nil {
		return "", err
	}
	week, err := a.DB.RosterWeek(ctx, from, 7)
	if err != nil {
		return "", err
	}
	title := lang.L("Duty roster {{.Date}}", map[string]any{"Date": data.StartOfDay(from).Format("1月2日")})
	return a.printFile(title, func(w io.Writer) error { return reports.WeekRoster(w, post, week, a.Now()) })
}

// PrintDaySheet prints one post's duty sheet for a day, with the day's
// leader.
func (a *App) PrintDaySheet(ctx context.Context, p data.DutyPost, day time.Time) (string, error) {
	post, err := a.DB.PostInfo(ctx)
	if err != nil {
		return "", err
	}
	week, err := a.DB.RosterWeek(ctx, day, 1)
	if err != nil {
		return "", err
	}
	var shifts []*data.ShiftView
	for _, r := range week.Rows {
		if r.Post.Kind == p.Kind && r.Post.ID == p.ID {
			shifts = append(shifts, r.Days[0])
		}
	}
	title := p.Name + lang.L(" duty sheet") + " " + day.Format("1月2日")
	return a.printFile(title, func(w io.Writer) error {
		return reports.DaySheet(w, post, p, day, &week.Leaders[0], shifts, a.Now())
	})
}

// PrintReleaseSlip prints a guest's 解除隔离告知单.
func (a *App) PrintReleaseSlip(ctx context.Context, guestID int64, p reports.Personal) (string, error) {
	post, err := a.DB.PostInfo(ctx)
	if err != nil {
		return "", err
	}
	g, err := a.DB.GuestByID(ctx, guestID)
	if err != nil {
		return "", err
	}
	tests, err := a.DB.GuestTests(ctx, guestID)
	if err != nil {
		return "", err
	}
	site, err := a.DB.Site(ctx, g.SiteID)
	if err != nil {
		return "", err
	}
	title := lang.L("Notice of release from centralised isolation") + "-" + g.Name
	return a.printFile(title, func(w io.Writer) error { return reports.ReleaseSlip(w, post, site, g, tests, a.Now(), p) })
}

// PrintSiteRoster prints the people now in isolation at a site, room by
// room.
func (a *App) PrintSiteRoster(ctx context.Context, siteID int64, p reports.Personal) (string, error) {
	post, err := a.DB.PostInfo(ctx)
	if err != nil {
		return "", err
	}
	site, err := a.DB.Site(ctx, siteID)
	if err != nil {
		return "", err
	}
	guests, err := a.DB.Guests(ctx, data.GuestQuery{SiteID: siteID, Status: "in"})
	if err != nil {
		return "", err
	}
	slices.SortFunc(guests, func(x, y data.Guest) int { return strings.Compare(x.Room.Label(), y.Room.Label()) })
	return a.printFile(site.Name+lang.L("Roster"), func(w io.Writer) error { return reports.SiteRoster(w, post, site, guests, a.Now(), p) })
}

// ExportSite writes a site's guests, tests and temperatures to a workbook.
func (a *App) ExportSite(ctx context.Context, siteID int64, p reports.Personal) (string, error) {
	site, err := a.DB.Site(ctx, siteID)
	if err != nil {
		return "", err
	}
	guests, err := a.DB.Guests(ctx, data.GuestQuery{SiteID: siteID})
	if err != nil {
		return "", err
	}
	tests, err := a.DB.SiteTests(ctx, siteID)
	if err != nil {
		return "", err
	}
	temps, err := a.DB.SiteTemperatures(ctx, siteID)
	if err != nil {
		return "", err
	}
	return a.exportFile(site.Name+lang.L("Guest list"), func(w io.Writer) error {
		return reports.GuestWorkbook(w, guests, tests, temps, p)
	})
}

// ExportTable writes a table as a screen shows it to a workbook.
func (a *App) ExportTable(title string, t reports.Table) (string, error) {
	return a.exportFile(title, func(w io.Writer) error { return reports.WriteXLSX(w, t) })
}

// PrintDonations prints the 捐赠公示 of the donations received from..upto.
func (a *App) PrintDonations(ctx context.Context, from, upto time.Time) (string, error) {
	post, err := a.DB.PostInfo(ctx)
	if err != nil {
		return "", err
	}
	gifts, err := a.DB.Donations(ctx, from, upto)
	if err != nil {
		return "", err
	}
	return a.printFile(lang.L("Public list of donations"), func(w io.Writer) error {
		return reports.DonationList(w, post, gifts, from, upto, a.Now())
	})
}

// PrintSlip prints the slip of a voucher: the 入库单 of a receipt, the
// 出库单 of an issue.
func (a *App) PrintSlip(ctx context.Context, voucher string) (string, error) {
	post, err := a.DB.PostInfo(ctx)
	if err != nil {
		return "", err
	}
	lines, err := a.DB.Ledger(ctx, data.LedgerQuery{Voucher: voucher})
	if err != nil {
		return "", err
	}
	title, slip := lang.L("Issue slip"), reports.IssueSlip
	if len(lines) > 0 && lines[0].Kind == data.MoveReceipt {
		title, slip = lang.L("Receipt slip"), reports.ReceiptSlip
	}
	return a.printFile(title+" "+voucher, func(w io.Writer) error { return slip(w, post, lines, a.Now()) })
}

// PrintContactList prints the contact list of everyone active.
func (a *App) PrintContactList(ctx context.Context) (string, error) {
	post, err := a.DB.PostInfo(ctx)
	if err != nil {
		return "", err
	}
	list, err := a.DB.Staff(ctx, data.StaffQuery{})
	if err != nil {
		return "", err
	}
	return a.printFile(lang.L("Staff contact list"), func(w io.Writer) error { return reports.StaffList(w, post, list, a.Now()) })
}

// ExportStaffList writes every person to a workbook ImportStaff reads back.
func (a *App) ExportStaffList(ctx context.Context) (string, error) {
	return a.exportFile(lang.L("Staff list"), func(w io.Writer) error { return a.ExportStaff(ctx, w) })
}

// IssueAndPrint issues a day's report and prints it into the reports
// folder, with its report file for the county beside the data; it returns
// the report as issued and where its PDF went.
func (a *App) IssueAndPrint(ctx context.Context, day time.Time, in data.ReportInput) (data.DailyReport, string, error) {
	draft, err := a.DB.DraftReport(ctx, day, in)
	if err != nil {
		return draft, "", err
	}
	path, err := a.OutputPath(a.ReportsDir(), reports.DailyTitle(draft.Today.Post)+reports.DailyNumber(draft), ".pdf")
	if err != nil {
		return draft, "", err
	}
	r, err := a.IssueDailyReport(ctx, day, in, ReportFiles{PDF: path})
	return r, path, err
}

// ExportReport writes a report (a draft, or as issued) as a workbook
// (".xlsx": numbers to compute with) or a Word document (".docx": to
// retouch before it goes up).
func (a *App) ExportReport(r data.DailyReport, ext string) (string, error) {
	path, err := a.OutputPath(a.ExportsDir(), reports.DailyTitle(r.Today.Post), ext)
	if err != nil {
		return "", err
	}
	files := ReportFiles{XLSX: path}
	if ext == ".docx" {
		files = ReportFiles{DOCX: path}
	}
	return path, a.WriteDailyReport(r, files)
}

// PrintWeekly prints the summary of the seven days ending on day.
func (a *App) PrintWeekly(ctx context.Context, day time.Time) (string, error) {
	path, err := a.OutputPath(a.ReportsDir(), lang.L("Weekly summary")+" "+day.Format("1月2日"), ".pdf")
	if err != nil {
		return "", err
	}
	return path, a.WriteWeeklyReport(ctx, day, ReportFiles{PDF: path})
}

// IssueCountyAndPrint issues the county's report of a day and prints it.
func (a *App) IssueCountyAndPrint(ctx context.Context, day time.Time, in data.ReportInput) (string, error) {
	draft, err := a.DB.DraftCountyReport(ctx, day, in)
	if err != nil {
		return "", err
	}
	path, err := a.OutputPath(a.ReportsDir(), reports.DailyTitle(draft.Day.County)+reports.CountyNumber(draft), ".pdf")
	if err != nil {
		return "", err
	}
	_, err = a.IssueCountyReport(ctx, day, in, ReportFiles{PDF: path})
	return path, err
}

// PrintIssuedCountyReport prints an issued county report again, as issued.
func (a *App) PrintIssuedCountyReport(ctx context.Context, id int64) (string, error) {
	r, err := a.DB.IssuedCountyReport(ctx, id)
	if err != nil {
		return "", err
	}
	path, err := a.OutputPath(a.ReportsDir(), reports.DailyTitle(r.Day.County)+reports.CountyNumber(r), ".pdf")
	if err != nil {
		return "", err
	}
	return path, a.WriteCountyReport(r, ReportFiles{PDF: path})
}

// ExportCountyReport writes a county report as a workbook.
func (a *App) ExportCountyReport(r data.CountyReport) (string, error) {
	path, err := a.OutputPath(a.ExportsDir(), reports.DailyTitle(r.Day.County), ".xlsx")
	if err != nil {
		return "", err
	}
	return path, a.WriteCountyReport(r, ReportFiles{XLSX: path})
}
