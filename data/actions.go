package data

import "slices"

// Action is what a line of the audit trail records was done. Every
// change is audited under one of these; 操作日志 names each in Chinese.
type Action string

// Staff, operators and the command post.
const (
	ActAddStaff         Action = "add staff"
	ActEditStaff        Action = "edit staff"
	ActDeactivateStaff  Action = "deactivate staff"
	ActReactivateStaff  Action = "reactivate staff"
	ActSaveOperator     Action = "save operator"
	ActSavePostInfo     Action = "save post info"
	ActSaveIdleMinutes  Action = "save idle minutes"
	ActShowUnmasked     Action = "show unmasked" // personal data shown or exported in full
	ActRestore          Action = "restore"
	ActSaveMode         Action = "save mode"
	ActSaveCaseOverdue  Action = "save case overdue"
	ActSaveReportNumber Action = "save report numbering"
)

// Isolation sites.
const (
	ActSaveIsolationRules Action = "save isolation rules"
	ActAddSite            Action = "add site"
	ActEditSite           Action = "edit site"
	ActAddRooms           Action = "add rooms"
	ActSetOutOfService    Action = "set room out of service"
	ActDisinfect          Action = "disinfect"
	ActCheckIn            Action = "check in"
	ActMoveGuest          Action = "move guest"
	ActChangeRelease      Action = "change release"
	ActEndIsolation       Action = "end isolation"
	ActRecordTemperature  Action = "record temperature"
	ActRecordTest         Action = "record test"
)

// Checkpoints.
const (
	ActSaveCheckpoint   Action = "save checkpoint"
	ActVoidRegistration Action = "void registration"
	ActSaveTally        Action = "save tally"
)

// Materials.
const (
	ActSaveItem           Action = "save item"
	ActAddStore           Action = "add store"
	ActSetLocationWarning Action = "set location warning"
	ActReceiveStock       Action = "receive stock"
	ActIssueStock         Action = "issue stock"
	ActTransferStock      Action = "transfer stock"
	ActWriteOffStock      Action = "write off stock"
	ActStocktake          Action = "stocktake"
	ActReverse            Action = "reverse"
)

// Duty.
const (
	ActRoster        Action = "roster"
	ActClearRoster   Action = "clear roster"
	ActAssignDuty    Action = "assign duty"
	ActUnassignDuty  Action = "unassign duty"
	ActSwapDuty      Action = "swap duty"
	ActAddLeave      Action = "add leave"
	ActRemoveLeave   Action = "remove leave"
	ActSaveDutyRules Action = "save duty rules"
)

// Reports and the county.
const (
	ActIssueReport        Action = "issue report"
	ActMakeReportKey      Action = "make report key"
	ActReceiveReports     Action = "receive reports"
	ActSaveDeadline       Action = "save deadline"
	ActRegisterTownship   Action = "register township"
	ActEditTownship       Action = "edit township"
	ActReplaceTownshipKey Action = "replace township key"
	ActIssueCountyReport  Action = "issue county report"
)

// Abnormal cases.
const (
	ActOpenCase    Action = "open case"
	ActAddCaseStep Action = "add case step"
)

// AuditArea is the part of the work an action belongs to: 操作日志 is
// narrowed to one.
type AuditArea string

const (
	AreaStaff       AuditArea = "staff and settings"
	AreaIsolation   AuditArea = "isolation"
	AreaCheckpoints AuditArea = "checkpoints"
	AreaMaterials   AuditArea = "materials"
	AreaDuty        AuditArea = "duty"
	AreaReports     AuditArea = "reports"
	AreaCases       AuditArea = "cases"
)

// areaActions are the actions of each area, in the order the areas are
// offered.
var areaActions = []struct {
	area    AuditArea
	actions []Action
}{
	{AreaStaff, []Action{ActAddStaff, ActEditStaff, ActDeactivateStaff, ActReactivateStaff, ActSaveOperator, ActSavePostInfo,
		ActSaveIdleMinutes, ActShowUnmasked, ActRestore, ActSaveMode, ActSaveCaseOverdue, ActSaveReportNumber}},
	{AreaIsolation, []Action{ActSaveIsolationRules, ActAddSite, ActEditSite, ActAddRooms, ActSetOutOfService, ActDisinfect,
		ActCheckIn, ActMoveGuest, ActChangeRelease, ActEndIsolation, ActRecordTemperature, ActRecordTest}},
	{AreaCheckpoints, []Action{ActSaveCheckpoint, ActVoidRegistration, ActSaveTally}},
	{AreaMaterials, []Action{ActSaveItem, ActAddStore, ActSetLocationWarning, ActReceiveStock, ActIssueStock, ActTransferStock,
		ActWriteOffStock, ActStocktake, ActReverse}},
	{AreaDuty, []Action{ActRoster, ActClearRoster, ActAssignDuty, ActUnassignDuty, ActSwapDuty, ActAddLeave, ActRemoveLeave,
		ActSaveDutyRules}},
	{AreaReports, []Action{ActIssueReport, ActMakeReportKey, ActReceiveReports, ActSaveDeadline, ActRegisterTownship,
		ActEditTownship, ActReplaceTownshipKey, ActIssueCountyReport}},
	{AreaCases, []Action{ActOpenCase, ActAddCaseStep}},
}

// AuditAreas are the areas in the order they are offered.
var AuditAreas = func() []AuditArea {
	var out []AuditArea
	for _, a := range areaActions {
		out = append(out, a.area)
	}
	return out
}()

// Actions are every action the trail records, area by area; a test fails
// when one is left out here, or has no Chinese name.
var Actions = func() []Action {
	var out []Action
	for _, a := range areaActions {
		out = append(out, a.actions...)
	}
	return out
}()

// Area is the part of the work a is done in.
func (a Action) Area() AuditArea {
	for _, g := range areaActions {
		if slices.Contains(g.actions, a) {
			return g.area
		}
	}
	return ""
}

// actionsOf are the actions of area.
func actionsOf(area AuditArea) []Action {
	for _, a := range areaActions {
		if a.area == area {
			return a.actions
		}
	}
	return nil
}
