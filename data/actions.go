package data

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

// Actions are every action the trail records; a test fails when one is
// left out here, or has no Chinese name.
var Actions = []Action{
	ActAddStaff, ActEditStaff, ActDeactivateStaff, ActReactivateStaff, ActSaveOperator, ActSavePostInfo, ActSaveIdleMinutes,
	ActShowUnmasked, ActRestore, ActSaveMode, ActSaveCaseOverdue, ActSaveReportNumber,
	ActSaveIsolationRules, ActAddSite, ActEditSite, ActAddRooms, ActSetOutOfService, ActDisinfect, ActCheckIn, ActMoveGuest,
	ActChangeRelease, ActEndIsolation, ActRecordTemperature, ActRecordTest,
	ActSaveCheckpoint, ActVoidRegistration, ActSaveTally,
	ActSaveItem, ActAddStore, ActSetLocationWarning, ActReceiveStock, ActIssueStock, ActTransferStock, ActWriteOffStock,
	ActStocktake, ActReverse,
	ActRoster, ActClearRoster, ActAssignDuty, ActUnassignDuty, ActSwapDuty, ActAddLeave, ActRemoveLeave, ActSaveDutyRules,
	ActIssueReport, ActMakeReportKey, ActReceiveReports, ActSaveDeadline, ActRegisterTownship, ActEditTownship,
	ActReplaceTownshipKey, ActIssueCountyReport,
	ActOpenCase, ActAddCaseStep,
}
