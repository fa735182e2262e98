using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LightAccountabilityForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Answer",
                table: "AccountabilityCases",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AnswerDueOn",
                table: "AccountabilityCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AnsweredAt",
                table: "AccountabilityCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AssessedAt",
                table: "AccountabilityCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Assessment",
                table: "AccountabilityCases",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssessmentNote",
                table: "AccountabilityCases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
