using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
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
