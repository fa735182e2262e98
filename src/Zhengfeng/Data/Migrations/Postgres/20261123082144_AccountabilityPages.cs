using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengfeng.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountabilityPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RefusedCriteria",
                table: "Exemptions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Findings",
                table: "AccountabilityCases",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FindingsAt",
                table: "AccountabilityCases",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SanctionActs",
                table: "AccountabilityCases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SanctionMonths",
                table: "AccountabilityCases",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RefusedCriteria",
                table: "Exemptions");

            migrationBuilder.DropColumn(
                name: "Findings",
                table: "AccountabilityCases");

            migrationBuilder.DropColumn(
                name: "FindingsAt",
                table: "AccountabilityCases");

            migrationBuilder.DropColumn(
                name: "SanctionActs",
                table: "AccountabilityCases");

            migrationBuilder.DropColumn(
                name: "SanctionMonths",
                table: "AccountabilityCases");
        }
    }
}
