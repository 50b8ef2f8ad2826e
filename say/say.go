// Package say turns what the program has to tell people into Chinese
// sentences: errors, and the roster rules a change breaks. The window and
// the command line say the same things through it.
package say

import (
	"errors"
	"fmt"
	"io/fs"
	"log"
	"strings"

	"fyne.io/fyne/v2/lang"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
)

// messages maps each sentinel to the sentence a clerk reads.
var messages = []struct {
	err error
	key string
}{
	{data.ErrNotDatabase, "This file is not a database of this program; nothing in it was changed."},
	{data.ErrSchemaTooNew, "This database was saved by a newer version of the program; please use that version. Nothing was changed."},
	{data.ErrBusy, "Another program is holding the database file (perhaps a copy opened in another tool); close it and try again. Nothing was saved."},
	{app.ErrAlreadyOpen, "The program already has this database open in another window; use that window."},
	{data.ErrDamaged, "The database file is damaged. The program has not changed it."},
	{data.ErrReadOnly, "The database file or its folder is read-only (a CD, a protected USB stick or folder); the program cannot save there and has changed nothing. Copy the file to a folder you can write to, or change its properties, and open it again."},
	{data.ErrDiskFull, "The disk is full: the last entry was not saved, and everything saved before is safe. Free some space (delete old files, empty the recycle bin) and save again."},
	{data.ErrWrongPIN, "The PIN is wrong."},
	{data.ErrBadPIN, "The PIN must have 4 to 20 characters."},
	{data.ErrNotFound, "The record no longer exists; the list has been refreshed."},
	{data.ErrNameRequired, "Please enter a name."},
	{data.ErrNameTooLong, "The name is too long (at most 30 characters)."},
	{data.ErrPhoneRequired, "Please enter a phone number."},
	{data.ErrBadPhone, "The phone number is not valid: enter an 11-digit mobile number, or a landline with its area code such as 0913-2345678."},
	{data.ErrTextTooLong, "The text is too long."},
	{data.ErrPastedCells, "This field holds tabs or line breaks: several spreadsheet cells seem to have been pasted. Paste one cell only."},
	{data.ErrBadPlate, "The plate is not valid: e.g. 陕G12345, or 陕AD12345 for a new-energy vehicle."},
	{data.ErrBadShifts, "Shift pattern is not valid: write it like 08:00-20:00,20:00-08:00."},
	{data.ErrCheckpointClosed, "This checkpoint is closed on that date."},
	{data.ErrNameOrPlate, "Please enter a name or a plate."},
	{data.ErrAlreadyVoided, "This registration is already voided."},
	{data.ErrBatchRequired, "This item keeps batches: please enter the batch you counted (see 近效期 or its history)."},
	{data.ErrMatterRequired, "Please write down the matter."},
	{data.ErrNotInCatalogue, "Please pick the item from the catalogue list (type part of its name)."},
	{data.ErrNoLines, "Please add at least one item with its quantity."},
	{data.ErrDonorRequired, "Please enter the donor of a donation."},
	{data.ErrExpiryRequired, "This item keeps batches: please enter its expiry date."},
	{data.ErrRecipientRequired, "Please enter which post, site or person receives it."},
	{data.ErrSameLocation, "Please choose a different location to transfer to."},
	{data.ErrAlreadyReversed, "This movement has already been reversed, or is itself a reversal."},
	{data.ErrBadChoice, "Please choose one of the listed values."},
	{data.ErrDuplicate, "A record with this name or number already exists; nothing was saved."},
	{data.ErrRoomOutOfService, "This room is out of service."},
	{data.ErrRoomAwaitsCleaning, "This room awaits terminal disinfection; record the disinfection first."},
	{data.ErrRoomFull, "This room is full."},
	{data.ErrRoomOccupied, "This room is occupied."},
	{data.ErrAlreadyIsolated, "This person (same ID number) is already in isolation."},
	{data.ErrGuestEnded, "This isolation has already ended."},
	{data.ErrReasonRequired, "Please give a reason."},
	{data.ErrBadClock, "Please enter a time of day such as 13:00."},
	{data.ErrBadMoment, "Please enter a time such as 14:05 or 11-25 14:05."},
	{data.ErrBadDate, "The date is not valid."},
	{data.ErrBadNumber, "The number is out of range."},
	{data.ErrRoomNotAwaitCleaning, "This room does not await disinfection."},
	{data.ErrIDLength, "The ID number must have 18 characters."},
	{data.ErrIDFormat, "The ID number may only hold digits and a final X."},
	{data.ErrIDBirthDate, "The ID number holds no valid birth date."},
	{data.ErrIDBirthFuture, "The ID number's birth date is later than today; please check it against the card."},
	{data.ErrIDTooOld, "The ID number's birth date is more than 130 years ago; please check it against the card."},
	{data.ErrIDCheckDigit, "The ID number's check character is wrong; please check it against the card."},
	{reports.ErrPDF, "The PDF could not be produced; nothing was printed."},
	{reports.ErrNotWorkbook, "The file could not be read as an Excel workbook (.xlsx); please save it as .xlsx in Excel or WPS and try again."},
	{app.ErrTwiceInFile, "This person (same name and phone) appears twice in the file; the first row is imported."},
	{app.ErrNoStaffSheet, "No worksheet in the file has a \"姓名\" column in its first row."},
	{app.ErrNotEmpty, "The database already holds records; demo data is only added to an empty database."},
	{app.ErrSelfCheck, "The self check found a fault."},
	{app.ErrBadScale, "The scale must be small or year."},
	{data.ErrNotReportFile, "It is not a report file (上报文件) of this program."},
	{data.ErrReportFileTooNew, "It was written by a newer version of the program; please update the program."},
	{data.ErrReportFileAltered, "It was changed after the township issued it (its signature no longer matches); ask the township to send the file again."},
	{data.ErrUnknownTownship, "It is signed by a township not registered here (or one that changed its PC): register the township under 乡镇 first."},
	{data.ErrVersionConflict, "A different file of the same report and version was received before; ask the township which one is right."},
	{data.ErrReportFileTooLarge, "The file is far too large to be a report file."},
	{data.ErrReportFileFuture, "It is for a day that has not begun; check the township PC's date."},
	{app.ErrCountyMode, "This database is a county's roll-up (县级汇总): it holds the townships' reports, not ledgers of its own. Nothing was written."},
	{app.ErrNotIssued, "Only an issued report can be sent up: issue it first."},
	{data.ErrCaseClosed, "This case is settled (办结); reopen it with a reason before recording more."},
	{data.ErrCaseNotClosed, "Only a settled case can be reopened."},
	{data.ErrReceiverRequired, "Please enter who received the person."},
	{data.ErrConclusionNeeded, "Please write the conclusion the case is settled with."},
	{data.ErrMatterNeeded, "Please write down what was found or reported."},
	{data.ErrTimeInFuture, "The time is later than now; please check it."},
	{data.ErrBeforeCase, "The time is before the case was found; please check it."},
	{data.ErrBeforeLastStep, "A case is settled or reopened after its last step; please give a later time."},
	{data.ErrCaseOverdueHours, "Enter a whole number of hours from 1 to 72."},
	{data.ErrFutureDay, "That day has not begun yet; a report can only be made for today or an earlier day. Nothing was issued."},
	// Last: a file that went away or may not be read, once nothing closer says why.
	{fs.ErrNotExist, "The file is not there (was the USB stick taken out?); nothing was changed."},
	{fs.ErrPermission, "The file may not be read (it is protected or held by another program); nothing was changed."},
}

// Message turns an error into one Chinese sentence. An error nobody foresaw
// is logged in full and shown as a plain apology, never as Go's text.
func Message(err error) string {
	var short *data.StockError
	if errors.As(err, &short) {
		return lang.L("{{.Location}} has only {{.OnHand}} {{.Unit}} of {{.Item}}, not the {{.Wanted}} asked for; nothing was saved.",
			map[string]any{"Location": short.Location, "OnHand": short.OnHand, "Unit": short.Item.Unit, "Item": short.Item.Label(), "Wanted": short.Wanted})
	}
	var long *data.TooLongError
	if errors.As(err, &long) {
		return lang.L("The text is too long: at most {{.Max}} characters, this has {{.Got}}.", map[string]any{"Max": long.Max, "Got": long.Got})
	}
	var folder *app.FolderError
	if errors.As(err, &folder) {
		return lang.L("The folder {{.Path}} does not exist; nothing was written or issued.", map[string]any{"Path": folder.Path})
	}
	if errors.Is(err, data.ErrBadTemperature) {
		return lang.L("The temperature must be between {{.Min}} and {{.Max}} °C.",
			map[string]any{"Min": fmt.Sprintf("%.1f", data.MinCelsius), "Max": fmt.Sprintf("%.1f", data.MaxCelsius)})
	}
	var broken *data.RuleError
	if errors.As(err, &broken) {
		return lang.L("This breaks a rule: {{.Rules}}. To do it knowingly, write why in the note and save again.",
			map[string]any{"Rules": Rules(broken.Rules)})
	}
	for _, m := range messages {
		if errors.Is(err, m.err) {
			return lang.L(m.key)
		}
	}
	log.Printf("unexpected error: %v", err)
	return lang.L("The operation could not be completed and nothing was saved. Please try again; if it happens again, make a backup and contact support.")
}

// Rules names the roster rules broken, as the grid and the refusal show
// them: 两班之间休息不足、请假期间.
func Rules(rules []data.Rule) string {
	words := make([]string, len(rules))
	for i, r := range rules {
		words[i] = Rule(r)
	}
	return strings.Join(words, "、")
}

// Rule names one roster rule.
func Rule(r data.Rule) string {
	switch r {
	case data.RuleOverlap:
		return lang.L("Rule: on duty in two places at once")
	case data.RuleRest:
		return lang.L("Rule: too little rest between shifts")
	case data.RuleLeave:
		return lang.L("Rule: on leave")
	case data.RuleInactive:
		return lang.L("Rule: no longer active")
	case data.RuleKind:
		return lang.L("Rule: lacks the kind of staff needed")
	case data.RuleLeader:
		return lang.L("Rule: may not lead the day")
	}
	return string(r)
}
