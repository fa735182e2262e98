using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DailyDiscipline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TerminalNo",
                table: "Cadres",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Answer",
                table: "AccountabilityCases",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AnswerDueOn",
                table: "AccountabilityCases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AnsweredAt",
                table: "AccountabilityCases",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AssessedAt",
                table: "AccountabilityCases",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Assessment",
                table: "AccountabilityCases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssessmentNote",
                table: "AccountabilityCases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AbsenceClueMark",
                columns: table => new
                {
                    CadreId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    ClueId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbsenceClueMark", x => new { x.CadreId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "AttendanceCoverage",
                columns: table => new
                {
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceCoverage", x => new { x.UnitId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "Interventions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IntervenerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IntervenerOrg = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<long>(type: "bigint", nullable: false),
                    Matter = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RelatedNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Request = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Response = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RecordedByUnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interventions_Units_RecordedByUnitId",
                        column: x => x.RecordedByUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LeaveRequest",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CadreId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FiledAt = table.Column<long>(type: "bigint", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaveRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeaveRequest_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MysteryInspection",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Checklist = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    IssuedAt = table.Column<long>(type: "bigint", nullable: true),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MysteryInspection", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Punch",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CadreId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Terminal = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ImportId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Punch", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Punch_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceItem",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PromisedDays = table.Column<int>(type: "integer", nullable: false),
                    LegalDays = table.Column<int>(type: "integer", nullable: false),
                    Materials = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Fees = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Hours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceItem_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheck",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CheckedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheck", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionSheet",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PlanId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    VisitedAt = table.Column<long>(type: "bigint", nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Findings = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    FindingsClueId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SubmittedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionSheet", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionSheet_MysteryInspection_PlanId",
                        column: x => x.PlanId,
                        principalTable: "MysteryInspection",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTarget",
                columns: table => new
                {
                    PlanId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTarget", x => new { x.PlanId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_InspectionTarget_MysteryInspection_PlanId",
                        column: x => x.PlanId,
                        principalTable: "MysteryInspection",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionVisitor",
                columns: table => new
                {
                    PlanId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionVisitor", x => new { x.PlanId, x.UserId });
                    table.ForeignKey(
                        name: "FK_InspectionVisitor_MysteryInspection_PlanId",
                        column: x => x.PlanId,
                        principalTable: "MysteryInspection",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WindowVisit",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ServiceItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    ApplicantNameEnc = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ApplicantPhoneEnc = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ApplicantPhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FirstReceiverId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstReceiverName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MissingMaterials = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ToldAt = table.Column<long>(type: "bigint", nullable: true),
                    TransferredToUnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    TransferNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TransferredAt = table.Column<long>(type: "bigint", nullable: true),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OnTheSpot = table.Column<bool>(type: "boolean", nullable: false),
                    RepeatOfId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WindowVisit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WindowVisit_ServiceItem_ServiceItemId",
                        column: x => x.ServiceItemId,
                        principalTable: "ServiceItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WindowVisit_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckEntry",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SpotCheckId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CadreId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotCheckEntry_SpotCheck_SpotCheckId",
                        column: x => x.SpotCheckId,
                        principalTable: "SpotCheck",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionMark",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SheetId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    Item = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Result = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClueId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionMark", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionMark_InspectionSheet_SheetId",
                        column: x => x.SheetId,
                        principalTable: "InspectionSheet",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cadres_UnitId_TerminalNo",
                table: "Cadres",
                columns: new[] { "UnitId", "TerminalNo" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionMark_SheetId_Line",
                table: "InspectionMark",
                columns: new[] { "SheetId", "Line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionSheet_PlanId_UnitId",
                table: "InspectionSheet",
                columns: new[] { "PlanId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionVisitor_UserId",
                table: "InspectionVisitor",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_IntervenerName",
                table: "Interventions",
                column: "IntervenerName");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_OccurredAt",
                table: "Interventions",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_RecordedBy",
                table: "Interventions",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_RecordedByUnitId",
                table: "Interventions",
                column: "RecordedByUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_LeaveRequest_CadreId_From",
                table: "LeaveRequest",
                columns: new[] { "CadreId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveRequest_UnitId_From",
                table: "LeaveRequest",
                columns: new[] { "UnitId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_MysteryInspection_Number",
                table: "MysteryInspection",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MysteryInspection_Status_StartsOn",
                table: "MysteryInspection",
                columns: new[] { "Status", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Punch_CadreId_At",
                table: "Punch",
                columns: new[] { "CadreId", "At" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Punch_UnitId_Day",
                table: "Punch",
                columns: new[] { "UnitId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceItem_UnitId_Name",
                table: "ServiceItem",
                columns: new[] { "UnitId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheck_UnitId_Day",
                table: "SpotCheck",
                columns: new[] { "UnitId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckEntry_CadreId_Day",
                table: "SpotCheckEntry",
                columns: new[] { "CadreId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckEntry_SpotCheckId",
                table: "SpotCheckEntry",
                column: "SpotCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisit_ApplicantPhoneHash_ServiceItemId",
                table: "WindowVisit",
                columns: new[] { "ApplicantPhoneHash", "ServiceItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisit_Number",
                table: "WindowVisit",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisit_ServiceItemId",
                table: "WindowVisit",
                column: "ServiceItemId");

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisit_TransferredToUnitId",
                table: "WindowVisit",
                column: "TransferredToUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisit_UnitId_ReceivedAt",
                table: "WindowVisit",
                columns: new[] { "UnitId", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AbsenceClueMark");

            migrationBuilder.DropTable(
                name: "AttendanceCoverage");

            migrationBuilder.DropTable(
                name: "InspectionMark");

            migrationBuilder.DropTable(
                name: "InspectionTarget");

            migrationBuilder.DropTable(
                name: "InspectionVisitor");

            migrationBuilder.DropTable(
                name: "Interventions");

            migrationBuilder.DropTable(
                name: "LeaveRequest");

            migrationBuilder.DropTable(
                name: "Punch");

            migrationBuilder.DropTable(
                name: "SpotCheckEntry");

            migrationBuilder.DropTable(
                name: "WindowVisit");

            migrationBuilder.DropTable(
                name: "InspectionSheet");

            migrationBuilder.DropTable(
                name: "SpotCheck");

            migrationBuilder.DropTable(
                name: "ServiceItem");

            migrationBuilder.DropTable(
                name: "MysteryInspection");

            migrationBuilder.DropIndex(
                name: "IX_Cadres_UnitId_TerminalNo",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "TerminalNo",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "Answer",
                table: "AccountabilityCases");

            migrationBuilder.DropColumn(
                name: "AnswerDueOn",
                table: "AccountabilityCases");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "AccountabilityCases");

            migrationBuilder.DropColumn(
                name: "AssessedAt",
                table: "AccountabilityCases");

            migrationBuilder.DropColumn(
                name: "Assessment",
                table: "AccountabilityCases");

            migrationBuilder.DropColumn(
                name: "AssessmentNote",
                table: "AccountabilityCases");
        }
    }
}
