package app

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"fangkong/data"
	"fangkong/reports"
)

// ErrNoFolder means a file was to be written into a folder that does not
// exist; FolderError names it.
var ErrNoFolder = errors.New("folder does not exist")

// FolderError is a missing folder, named for the message.
type FolderError struct{ Path string }

func (e *FolderError) Error() string { return "folder " + e.Path + " does not exist" }
func (e *FolderError) Unwrap() error { return ErrNoFolder }

// ReportFiles are where a report is written: a PDF, a workbook, a Word
// document, the signed report file for the county (上报文件), or several
// (an empty path is skipped).
type ReportFiles struct{ PDF, XLSX, DOCX, Submission string }

// IssueDailyReport issues a day's report and writes its files, and with
// them its signed report file for the county in SubmissionsDir (every
// issued report goes up). The files are written first under temporary
// names beside their places and the report is issued only once they are;
// they take their names only once it is. So a folder that is missing, a
// full disk or a refused revision leaves nothing issued and no file
// behind.
func (a *App) IssueDailyReport(ctx context.Context, day time.Time, in data.ReportInput, files ReportFiles) (data.DailyReport, error) {
	key, err := a.DB.ReportKey(ctx)
	if err != nil {
		return data.DailyReport{}, err
	}
	if err := os.MkdirAll(a.SubmissionsDir(), 0o755); err != nil {
		return data.DailyReport{}, fmt.Errorf("create folder %s: %w", a.SubmissionsDir(), err)
	}
	return issueStaged(func(write func(data.DailyReport) error) (data.DailyReport, error) {
		return a.DB.IssueReport(ctx, day, in, write)
	}, func(r data.DailyReport) ([]staging, error) {
		files.Submission = a.SubmissionPath(r)
		return stageReport(r, files, key, a.Now())
	})
}

// issueStaged issues through issue, whose write stages the files inside
// its transaction, and gives the files their names once it is issued.
func issueStaged[R any](issue func(write func(R) error) (R, error), stageFiles func(R) ([]staging, error)) (R, error) {
	var staged []staging
	defer func() {
		for _, s := range staged {
			os.Remove(s.temp) // gone already when it was renamed
		}
	}()
	r, err := issue(func(r R) error {
		var err error
		staged, err = stageFiles(r)
		return err
	})
	if err != nil {
		return r, err
	}
	for _, s := range staged {
		if err := os.Rename(s.temp, s.path); err != nil {
			return r, fmt.Errorf("issued report: place %s: %w", s.path, err)
		}
	}
	return r, nil
}

// WriteDailyReport writes the files of a report already issued, or of a
// draft, exactly as it is.
func (a *App) WriteDailyReport(r data.DailyReport, files ReportFiles) error {
	var key ed25519.PrivateKey
	if files.Submission != "" {
		if r.IssuedAt.IsZero() {
			return fmt.Errorf("report file of a draft: %w", ErrNotIssued)
		}
		var err error
		if key, err = a.DB.ReportKey(a.Ctx()); err != nil {
			return err
		}
	}
	return place(stageReport(r, files, key, a.Now()))
}

// ErrNotIssued means a report file was asked of a report not issued: only
// what was issued goes up to the county.
var ErrNotIssued = errors.New("the report is not issued")

// ScheduledDailyReport is the day's report for a scheduled task: the
// newest version issued for it, or, if none was, issued now with its
// 重要情况 drafted from the day's cases. Running it twice never makes a
// second version. issued says which it was.
func (a *App) ScheduledDailyReport(ctx context.Context, day time.Time, files ReportFiles) (r data.DailyReport, issued bool, err error) {
	r, err = a.DB.LatestIssued(ctx, day)
	switch {
	case err == nil:
		if err := os.MkdirAll(a.SubmissionsDir(), 0o755); err != nil {
			return r, false, fmt.Errorf("create folder %s: %w", a.SubmissionsDir(), err)
		}
		files.Submission = a.SubmissionPath(r) // the same bytes again, should the first have gone astray
		return r, false, a.WriteDailyReport(r, files)
	case !errors.Is(err, data.ErrNotFound):
		return r, false, err
	}
	events, err := a.DraftEvents(ctx, day)
	if err != nil {
		return r, false, err
	}
	r, err = a.IssueDailyReport(ctx, day, data.ReportInput{FilledBy: a.Operator().Name, Events: events}, files)
	return r, err == nil, err
}

// WriteWeeklyReport writes the summary of the seven days ending on day.
func (a *App) WriteWeeklyReport(ctx context.Context, day time.Time, files ReportFiles) error {
	days, err := a.DB.WeekFigures(ctx, day)
	if err != nil {
		return err
	}
	staged, err := stage(files.PDF, func(w io.Writer) error { return reports.WeeklyReportPDF(w, days, a.Now()) }, nil)
	if err == nil {
		staged, err = stage(files.XLSX, func(w io.Writer) error { return reports.WeeklyReportWorkbook(w, days) }, staged)
	}
	return place(staged, err)
}

// place gives staged files their names once all were written, and takes
// every one away when any failed.
func place(staged []staging, err error) error {
	for _, s := range staged {
		if err == nil {
			err = os.Rename(s.temp, s.path)
		}
		os.Remove(s.temp)
	}
	return err
}

// staging is a file written under a temporary name, to be renamed.
type staging struct{ temp, path string }

func stageReport(r data.DailyReport, files ReportFiles, key ed25519.PrivateKey, printed time.Time) ([]staging, error) {
	staged, err := stage(files.PDF, func(w io.Writer) error { return reports.DailyReportPDF(w, r, printed) }, nil)
	if err != nil {
		return staged, err
	}
	staged, err = stage(files.XLSX, func(w io.Writer) error { return reports.DailyReportWorkbook(w, r) }, staged)
	if err != nil {
		return staged, err
	}
	staged, err = stage(files.DOCX, func(w io.Writer) error { return reports.DailyReportDocx(w, r) }, staged)
	if err != nil {
		return staged, err
	}
	return stage(files.Submission, func(w io.Writer) error { return reports.WriteSubmission(w, r.Submission(), key) }, staged)
}

// stage writes a file under a temporary name in its folder (so the rename
// that puts it in place cannot cross disks) and adds it to staged.
func stage(path string, render func(io.Writer) error, staged []staging) ([]staging, error) {
	if path == "" {
		return staged, nil
	}
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) || (err == nil && !info.IsDir()) {
		return staged, &FolderError{Path: dir}
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return staged, fmt.Errorf("write %s: %w", path, err)
	}
	staged = append(staged, staging{temp: f.Name(), path: path})
	// A temporary file is private; the report is an ordinary file.
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return staged, fmt.Errorf("write %s: %w", path, err)
	}
	if err := render(f); err != nil {
		f.Close()
		return staged, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return staged, fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return staged, fmt.Errorf("write %s: %w", path, err)
	}
	return staged, nil
}
