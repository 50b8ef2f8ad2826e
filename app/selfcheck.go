package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
	"fangkong/reports"
)

// ErrSelfCheck means a self-check step found something wrong.
var ErrSelfCheck = errors.New("self check failed")

// SelfCheck proves on this machine what the program needs of it, without a
// window: a database in a folder whose name has Chinese characters and
// spaces, records written and read back exactly, a backup that opens, a
// PDF with Chinese text and a workbook. Each passed step is reported
// through step. The folder is left in dir for inspection when keep is set.
func SelfCheck(ctx context.Context, dir string, keep bool, step func(string)) (err error) {
	folder := filepath.Join(dir, "自检 数据 "+time.Now().Format("150405"))
	if !keep {
		defer os.RemoveAll(folder)
	}
	fail := func(what string, err error) error { return fmt.Errorf("self check: %s: %w", what, err) }

	a, err := Open(ctx, filepath.Join(folder, "防控 数据库.db"), time.Now)
	if err != nil {
		return fail("open database", err)
	}
	defer a.Close()
	step(lang.L("Database opened: {{.Path}}", map[string]any{"Path": a.DB.Path()}))

	if err := a.Demo(ctx, ScaleSmall); err != nil {
		return fail("write demo data", err)
	}
	rare := data.Staff{Name: "王𠮷䶮", Phone: "13912345678", Unit: "镇政府", Active: true, Note: "自检"}
	id, err := a.DB.SaveStaff(ctx, rare)
	if err != nil {
		return fail("save staff", err)
	}
	if got, err := a.DB.StaffMember(ctx, id); err != nil || got.Name != rare.Name {
		return fail("read back staff", fmt.Errorf("%w: got %q, %v", ErrSelfCheck, got.Name, err))
	}
	step(lang.L("Records written and read back."))

	backup, err := a.Backup(ctx, filepath.Join(folder, "备份 文件夹"))
	if err != nil {
		return fail("backup", err)
	}
	b, err := data.Open(ctx, backup, time.Now)
	if err != nil {
		return fail("open backup", err)
	}
	list, err := b.Staff(ctx, data.StaffQuery{IncludeInactive: true})
	b.Close()
	if err != nil || len(list) != 31 {
		return fail("read backup", fmt.Errorf("%w: %d staff, %v", ErrSelfCheck, len(list), err))
	}
	step(lang.L("Backup written and opened: {{.Path}}", map[string]any{"Path": backup}))

	post, err := a.DB.PostInfo(ctx)
	if err != nil {
		return fail("read post", err)
	}
	active, err := a.DB.Staff(ctx, data.StaffQuery{})
	if err != nil {
		return fail("list staff", err)
	}
	pdfPath, err := a.OutputPath(a.ReportsDir(), lang.L("Staff contact list"), ".pdf")
	if err != nil {
		return fail("reports folder", err)
	}
	var pdf bytes.Buffer
	if err := reports.StaffList(&pdf, post, active, a.Now()); err != nil {
		return fail("render PDF", err)
	}
	if err := os.WriteFile(pdfPath, pdf.Bytes(), 0o644); err != nil {
		return fail("write PDF", err)
	}
	step(lang.L("PDF written: {{.Path}}", map[string]any{"Path": pdfPath}))

	var xlsx bytes.Buffer
	if err := a.ExportStaff(ctx, &xlsx); err != nil {
		return fail("export xlsx", err)
	}
	if tables, err := reports.ReadXLSX(&xlsx); err != nil || len(tables) != 1 || len(tables[0].Rows) != 31 {
		return fail("read xlsx", fmt.Errorf("%w: %v", ErrSelfCheck, err))
	}
	step(lang.L("Workbook written and read back."))
	return nil
}
