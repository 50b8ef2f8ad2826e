package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
	"fangkong/reports"
)

// SubmissionsDir is where a township's report files for the county are
// written: 上报文件 beside the data, to be copied onto a USB stick or sent.
func (a *App) SubmissionsDir() string {
	return filepath.Join(a.DataDir(), lang.L("Submissions folder"))
}

// SubmissionPath is where an issued report's file is written.
func (a *App) SubmissionPath(r data.DailyReport) string {
	return filepath.Join(a.SubmissionsDir(), reports.SubmissionName(r.Submission()))
}

// ReadReportFile reads one report file and checks its signature.
func ReadReportFile(path string) (data.ReceivedFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return data.ReceivedFile{Name: filepath.Base(path)}, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	return reports.ReadSubmission(filepath.Base(path), f)
}

// ReportFilesIn lists the report files in a folder and the folders in it
// (a USB stick with a folder per township), by name.
func ReportFilesIn(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(path), reports.SubmissionExt) {
			out = append(out, path)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &FolderError{Path: dir}
	}
	slices.Sort(out)
	return out, err
}

// ImportReportFiles receives townships' report files: every file that is
// sound, signed by a registered township and new is kept, all in one
// transaction; every other is refused with its reason, and takes nothing
// else with it. The receipts are in the order of paths.
func (a *App) ImportReportFiles(ctx context.Context, paths []string) ([]data.FileReceipt, error) {
	out := make([]data.FileReceipt, len(paths))
	var files []data.ReceivedFile
	var at []int
	for i, p := range paths {
		f, err := ReadReportFile(p)
		if err != nil {
			out[i] = data.FileReceipt{File: f.Name, Outcome: data.Refused, Err: err}
			continue
		}
		files = append(files, f)
		at = append(at, i)
	}
	got, err := a.DB.ReceiveReports(ctx, files)
	if err != nil {
		return nil, err
	}
	for j, r := range got {
		out[at[j]] = r
	}
	return out, nil
}

// TownshipFromFile is a township as a report file names it, to register
// once its key's fingerprint was checked with the township by phone.
func TownshipFromFile(path string) (data.Township, error) {
	f, err := ReadReportFile(path)
	if err != nil {
		return data.Township{}, err
	}
	s := f.Report
	return data.Township{Name: s.Township, Phone: s.DutyPhone, PublicKey: f.Key, Since: s.Day, Active: true}, nil
}

// IssueCountyReport issues the county's report of a day and writes its
// files, the files first, as a township's report is issued.
func (a *App) IssueCountyReport(ctx context.Context, day time.Time, in data.ReportInput, files ReportFiles) (data.CountyReport, error) {
	return issueStaged(func(write func(data.CountyReport) error) (data.CountyReport, error) {
		return a.DB.IssueCountyReport(ctx, day, in, write)
	}, func(r data.CountyReport) ([]staging, error) { return stageCountyReport(r, files, a.Now()) })
}

// WriteCountyReport writes the files of a county report, issued or draft.
func (a *App) WriteCountyReport(r data.CountyReport, files ReportFiles) error {
	return place(stageCountyReport(r, files, a.Now()))
}

func stageCountyReport(r data.CountyReport, files ReportFiles, printed time.Time) ([]staging, error) {
	staged, err := stage(files.PDF, func(w io.Writer) error { return reports.CountyReportPDF(w, r, printed) }, nil)
	if err != nil {
		return staged, err
	}
	return stage(files.XLSX, func(w io.Writer) error { return reports.CountyReportWorkbook(w, r) }, staged)
}

// ScheduledCountyReport is the county's report of a day for a scheduled
// task: the newest version issued, or, if none was, issued now.
func (a *App) ScheduledCountyReport(ctx context.Context, day time.Time, files ReportFiles) (r data.CountyReport, issued bool, err error) {
	r, err = a.DB.LatestCountyReport(ctx, day)
	switch {
	case err == nil:
		return r, false, a.WriteCountyReport(r, files)
	case !errors.Is(err, data.ErrNotFound):
		return r, false, err
	}
	r, err = a.IssueCountyReport(ctx, day, data.ReportInput{FilledBy: a.Operator().Name}, files)
	return r, err == nil, err
}

// ErrCountyMode means a township's use (a weekly summary of its own
// ledgers) was asked of a county's roll-up database.
var ErrCountyMode = errors.New("the database is a county's roll-up")
