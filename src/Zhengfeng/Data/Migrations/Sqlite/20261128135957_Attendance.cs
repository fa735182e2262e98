using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Attendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TerminalNo",
                table: "Cadres",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AbsenceClueMark",
                columns: table => new
                {
                    CadreId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ClueId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbsenceClueMark", x => new { x.CadreId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "AttendanceCoverage",
                columns: table => new
                {
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceCoverage", x => new { x.UnitId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "LeaveRequest",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CadreId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
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
                name: "Punch",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CadreId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Terminal = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ImportId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
                name: "SpotCheck",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheck", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckEntry",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SpotCheckId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CadreId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_Cadres_UnitId_TerminalNo",
                table: "Cadres",
                columns: new[] { "UnitId", "TerminalNo" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveRequest_CadreId_From",
                table: "LeaveRequest",
                columns: new[] { "CadreId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveRequest_UnitId_From",
                table: "LeaveRequest",
                columns: new[] { "UnitId", "From" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AbsenceClueMark");

            migrationBuilder.DropTable(
                name: "AttendanceCoverage");

            migrationBuilder.DropTable(
                name: "LeaveRequest");

            migrationBuilder.DropTable(
                name: "Punch");

            migrationBuilder.DropTable(
                name: "SpotCheckEntry");

            migrationBuilder.DropTable(
                name: "SpotCheck");

            migrationBuilder.DropIndex(
                name: "IX_Cadres_UnitId_TerminalNo",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "TerminalNo",
                table: "Cadres");
        }
    }
}
