using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DistrictCalendarAndCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AreaId",
                table: "Category",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LocalDay",
                columns: table => new
                {
                    AreaId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IsOffDay = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalDay", x => new { x.AreaId, x.Date });
                });

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "agriculture",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "business",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "conduct",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "education",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "environment",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "food",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "health",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "housing",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "labour",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "market",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "other",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "roads",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "safety",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "sanitation",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "social",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "transport",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "urban",
                column: "AreaId",
                value: null);

            migrationBuilder.UpdateData(
                table: "Category",
                keyColumn: "Code",
                keyValue: "utilities",
                column: "AreaId",
                value: null);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LocalDay");

            migrationBuilder.DropColumn(
                name: "AreaId",
                table: "Category");
        }
    }
}
