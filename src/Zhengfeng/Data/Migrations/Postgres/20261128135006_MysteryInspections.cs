using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MysteryInspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_MysteryInspection_Number",
                table: "MysteryInspection",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MysteryInspection_Status_StartsOn",
                table: "MysteryInspection",
                columns: new[] { "Status", "StartsOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InspectionMark");

            migrationBuilder.DropTable(
                name: "InspectionTarget");

            migrationBuilder.DropTable(
                name: "InspectionVisitor");

            migrationBuilder.DropTable(
                name: "InspectionSheet");

            migrationBuilder.DropTable(
                name: "MysteryInspection");
        }
    }
}
