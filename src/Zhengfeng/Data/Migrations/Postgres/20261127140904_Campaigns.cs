using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignmentId",
                table: "SupervisionNotice",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AssignmentStep",
                table: "SupervisionNotice",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CampaignId",
                table: "SupervisionNotice",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CampaignId",
                table: "Rectifications",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CampaignId",
                table: "Clue",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CampaignId",
                table: "Bulletin",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CampaignId",
                table: "AccountabilityCases",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssistDuty",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OwnerType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    LeadUnitId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Part = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    DueWhy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Input = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: true),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistDuty", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssistDuty_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Campaign",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Goal = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportCycle = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaign", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Honour",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NomineeType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CadreId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NominatedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    NominatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NominatedAt = table.Column<long>(type: "bigint", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    BulletinId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Honour", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Honour_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportDue",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OwnerType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AskedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScoreRule",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    YearCap = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    SourceDocument = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreRule", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "Assignment",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CampaignId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    PhaseSeq = table.Column<int>(type: "integer", nullable: true),
                    LeadUnitId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ResponsibleName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportCycle = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AssignedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<long>(type: "bigint", nullable: false),
                    ReportedAt = table.Column<long>(type: "bigint", nullable: true),
                    DoneAt = table.Column<long>(type: "bigint", nullable: true),
                    AcceptedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    RejectCount = table.Column<int>(type: "integer", nullable: false),
                    ProgressCount = table.Column<int>(type: "integer", nullable: false),
                    LastProgressAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignment_Campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assignment_Units_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignLeaders",
                columns: table => new
                {
                    Seq = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Post = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignLeaders", x => new { x.CampaignId, x.Seq });
                    table.ForeignKey(
                        name: "FK_CampaignLeaders_Campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignPhases",
                columns: table => new
                {
                    Seq = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignPhases", x => new { x.CampaignId, x.Seq });
                    table.ForeignKey(
                        name: "FK_CampaignPhases_Campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignReport",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CampaignId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PhaseSeq = table.Column<int>(type: "integer", nullable: true),
                    NoProblem = table.Column<bool>(type: "boolean", nullable: false),
                    Content = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    ReportedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ReportedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReportedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignReport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignReport_Campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CampaignReport_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignUnits",
                columns: table => new
                {
                    UnitId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CampaignId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignUnits", x => new { x.CampaignId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_CampaignUnits_Campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssignmentMilestones",
                columns: table => new
                {
                    Seq = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssignmentId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentMilestones", x => new { x.AssignmentId, x.Seq });
                    table.ForeignKey(
                        name: "FK_AssignmentMilestones_Assignment_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressEntry",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AssignmentId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Content = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    By = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressEntry_Assignment_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotice_AssignmentId_AssignmentStep_Level",
                table: "SupervisionNotice",
                columns: new[] { "AssignmentId", "AssignmentStep", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotice_CampaignId",
                table: "SupervisionNotice",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_CampaignId",
                table: "Rectifications",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Clue_CampaignId",
                table: "Clue",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletin_CampaignId",
                table: "Bulletin",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityCases_CampaignId",
                table: "AccountabilityCases",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignment_CampaignId_LeadUnitId",
                table: "Assignment",
                columns: new[] { "CampaignId", "LeadUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignment_LeadUnitId_Status",
                table: "Assignment",
                columns: new[] { "LeadUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignment_Status_DueOn",
                table: "Assignment",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignment_Year_Seq",
                table: "Assignment",
                columns: new[] { "Year", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistDuty_OwnerType_OwnerId_Round_UnitId",
                table: "AssistDuty",
                columns: new[] { "OwnerType", "OwnerId", "Round", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistDuty_UnitId_Status_DueAt",
                table: "AssistDuty",
                columns: new[] { "UnitId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaign_Status_StartsOn",
                table: "Campaign",
                columns: new[] { "Status", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignReport_CampaignId_UnitId_Period",
                table: "CampaignReport",
                columns: new[] { "CampaignId", "UnitId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignReport_UnitId",
                table: "CampaignReport",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignUnits_UnitId",
                table: "CampaignUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Honour_UnitId",
                table: "Honour",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Honour_Year_Title_UnitId_CadreId",
                table: "Honour",
                columns: new[] { "Year", "Title", "UnitId", "CadreId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressEntry_AssignmentId_At",
                table: "ProgressEntry",
                columns: new[] { "AssignmentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDue_OwnerType_OwnerId_UnitId_Period",
                table: "ReportDue",
                columns: new[] { "OwnerType", "OwnerId", "UnitId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDue_UnitId_AskedAt",
                table: "ReportDue",
                columns: new[] { "UnitId", "AskedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssignmentMilestones");

            migrationBuilder.DropTable(
                name: "AssistDuty");

            migrationBuilder.DropTable(
                name: "CampaignLeaders");

            migrationBuilder.DropTable(
                name: "CampaignPhases");

            migrationBuilder.DropTable(
                name: "CampaignReport");

            migrationBuilder.DropTable(
                name: "CampaignUnits");

            migrationBuilder.DropTable(
                name: "Honour");

            migrationBuilder.DropTable(
                name: "ProgressEntry");

            migrationBuilder.DropTable(
                name: "ReportDue");

            migrationBuilder.DropTable(
                name: "ScoreRule");

            migrationBuilder.DropTable(
                name: "Assignment");

            migrationBuilder.DropTable(
                name: "Campaign");

            migrationBuilder.DropIndex(
                name: "IX_SupervisionNotice_AssignmentId_AssignmentStep_Level",
                table: "SupervisionNotice");

            migrationBuilder.DropIndex(
                name: "IX_SupervisionNotice_CampaignId",
                table: "SupervisionNotice");

            migrationBuilder.DropIndex(
                name: "IX_Rectifications_CampaignId",
                table: "Rectifications");

            migrationBuilder.DropIndex(
                name: "IX_Clue_CampaignId",
                table: "Clue");

            migrationBuilder.DropIndex(
                name: "IX_Bulletin_CampaignId",
                table: "Bulletin");

            migrationBuilder.DropIndex(
                name: "IX_AccountabilityCases_CampaignId",
                table: "AccountabilityCases");

            migrationBuilder.DropColumn(
                name: "AssignmentId",
                table: "SupervisionNotice");

            migrationBuilder.DropColumn(
                name: "AssignmentStep",
                table: "SupervisionNotice");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "SupervisionNotice");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "Clue");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "Bulletin");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "AccountabilityCases");
        }
    }
}
